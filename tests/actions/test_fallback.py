"""action_faq_fallback and action_reset_fallback_count (real facts service)."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.fallback import ActionFaqFallback, ActionResetFallbackCount

pytestmark = pytest.mark.anyio

RANKING = [
    ("nlu_fallback", 0.4),
    ("ask_deadline", 0.25),
    ("greet", 0.1),
    ("ask_codex", 0.08),
    ("list_offers", 0.05),
    ("ask_location", 0.04),
]


async def test_good_faq_hit_is_answered_with_its_source(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "nlu_fallback", text="kan jeg parkere ved jobcentret", slots={"fallback_count": 1.0}
    )
    events = await ActionFaqFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Testsvar om parkering ved jobcentret. Kilde: Test: FAQ.\n"
        "Læs mere: https://example.org/parkering"
    )
    assert msg["custom"] == {"answer_id": "faq:parkering-ved-jobcentret", "intent": "nlu_fallback"}
    assert events == [SlotSet("fallback_count", 0.0)]


async def test_draft_faq_is_never_shown(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("nlu_fallback", text="hvor kan jeg stille min cykel")
    await ActionFaqFallback().run(dispatcher, tracker, domain)
    assert "Kladde" not in dispatcher.messages[0]["text"]


async def test_first_miss_asks_with_likely_topics(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("nlu_fallback", text="blomkål i december", intent_ranking=RANKING)
    events = await ActionFaqFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Jeg er ikke sikker på, at jeg forstod dig.")
    assert "blomkål" not in msg["text"]
    assert [b["payload"] for b in msg["buttons"]] == ["/ask_deadline", "/ask_codex", "/list_offers"]
    assert msg["custom"]["answer_id"] == "fallback:clarify"
    assert events == [SlotSet("fallback_count", 1.0)]


async def test_second_miss_in_a_row_offers_a_human(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "nlu_fallback",
        text="blomkål i december",
        slots={"fallback_count": 1.0},
        intent_ranking=RANKING,
    )
    events = await ActionFaqFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert "Testtekst: kontakt din sagsbehandler eller Borgerservice." in msg["text"]
    assert msg["custom"]["answer_id"] == "fallback:human"
    assert events == [SlotSet("fallback_count", 2.0)]


async def test_two_fallbacks_in_sequence_reach_the_human_route(facts_url, domain, tracker_for):
    from rasa_sdk.executor import CollectingDispatcher

    count = 0.0
    answer_ids = []
    for _ in range(2):
        dispatcher = CollectingDispatcher()
        tracker = tracker_for("nlu_fallback", text="xyzzy plugh", slots={"fallback_count": count})
        (event,) = await ActionFaqFallback().run(dispatcher, tracker, domain)
        count = event["value"]
        answer_ids.append(dispatcher.messages[0]["custom"]["answer_id"])
    assert answer_ids == ["fallback:clarify", "fallback:human"]


async def test_clarification_needs_no_facts_service(facts_down, dispatcher, domain, tracker_for):
    tracker = tracker_for("nlu_fallback", text="blomkål", intent_ranking=RANKING)
    events = await ActionFaqFallback().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "fallback:clarify"
    assert events == [SlotSet("fallback_count", 1.0)]


async def test_human_route_when_service_down_says_service_down(
    facts_down, dispatcher, domain, tracker_for
):
    tracker = tracker_for("nlu_fallback", text="blomkål", slots={"fallback_count": 1.0})
    events = await ActionFaqFallback().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_down"]
    assert events == [SlotSet("fallback_count", 2.0)]


async def test_reset_fallback_count(dispatcher, domain, tracker_for):
    tracker = tracker_for("greet", slots={"fallback_count": 2.0})
    events = await ActionResetFallbackCount().run(dispatcher, tracker, domain)
    assert events == [SlotSet("fallback_count", 0.0)]
    assert dispatcher.messages == []
