"""What happens in a case and by when: action_answer_caseworker and action_answer_deadline
(real facts service)."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.process_rules import ActionAnswerCaseworker, ActionAnswerDeadline

pytestmark = pytest.mark.anyio


async def test_caseworker_from_the_rule_for_everyone(facts_url, dispatcher, domain, tracker_for):
    await ActionAnswerCaseworker().run(dispatcher, tracker_for("ask_caseworker"), domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Som hovedregel har du din egen faste sagsbehandler. Det er din vigtigste kontakt."
    )
    assert msg["custom"]["answer_id"] == "process:fast-sagsbehandler"


async def test_deadline_without_situation_asks_with_buttons(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_deadline", text="hvornår skal jeg til samtale")
    events = await ActionAnswerDeadline().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == "Det afhænger af din situation. Hvad passer bedst på dig?"
    assert msg["buttons"] == [
        {"title": "Sygedagpenge", "payload": '/ask_deadline{"situation":"sygedagpenge"}'},
        {"title": "Ledighedsydelse", "payload": '/ask_deadline{"situation":"ledighedsydelse"}'},
    ]
    assert all(e.get("name") != "situation" for e in events)


async def test_deadline_for_a_local_rule(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_deadline", entities={"situation": "sygedagpenge"})
    events = await ActionAnswerDeadline().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Du får en samtale med jobcentret. "
        "Frist: senest en uge efter, at din sag er oprettet (lokal regel i Randers)."
    )
    assert msg["custom"] == {"answer_id": "process:sygedagpenge", "intent": "ask_deadline"}
    assert SlotSet("situation", "sygedagpenge") in events


async def test_deadline_national_and_local_rules_together(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_deadline", slots={"situation": "ledighedsydelse"})
    await ActionAnswerDeadline().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "Du skal lægge dit CV på Jobnet." in text
    assert "(landsdækkende regel)" in text
    assert "(lokal regel i Randers)" in text


async def test_unknown_situation_asks_again(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_deadline", entities={"situation": "pension"})
    events = await ActionAnswerDeadline().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Den situation har jeg ingen regler om.")
    assert "pension" not in msg["text"]
    assert len(msg["buttons"]) == 2
    assert SlotSet("situation", None) in events
