"""action_answer_location against the real facts service with the test content."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.places import ActionAnswerLocation

pytestmark = pytest.mark.anyio


def message(dispatcher):
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]


async def test_street_without_number_says_the_street(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_location", text="hvor ligger jobcentret", entities={"place": "jobcenter"}
    )
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = message(dispatcher)
    assert msg["text"].startswith("Jobcenter Randers ligger på Regimentvej i Randers.")
    assert "den gamle kaserne i den nordlige del af Randers" in msg["text"]
    assert "Læs mere" not in msg["text"]  # the record has no url
    assert msg["custom"] == {"answer_id": "place:jobcenter", "intent": "ask_location"}
    assert SlotSet("place", "jobcenter") in events
    assert SlotSet("misunderstood_count", 0.0) in events


async def test_full_address_phone_link_and_next_step(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_location", entities={"place": "proevehuset"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = message(dispatcher)
    assert "Prøvehuset ligger på Prøvevej 7, 8900 Randers." in msg["text"]
    assert "Et hus til afprøvning af chatrobotten." in msg["text"]
    assert "Her er der åben rådgivning" not in msg["text"]  # first sentence only
    assert "Telefon: 11 22 33 44." in msg["text"]
    assert msg["text"].splitlines()[-1] == "Læs mere: https://example.org/proevehuset"
    payloads = [b["payload"] for b in msg["buttons"]]
    assert payloads == ['/ask_advisory_sessions{"place":"proevehuset"}', "/contact_human"]


async def test_unknown_address_is_not_invented(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_location", entities={"place": "huset-tvaers"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = message(dispatcher)
    assert msg["text"].startswith("Adressen på Huset Tværs står ikke i mit indhold endnu.")
    assert not any(ch.isdigit() for ch in msg["text"])
    assert "/contact_human" in [b["payload"] for b in msg["buttons"]]


async def test_raw_text_is_resolved_when_nlu_found_no_entity(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_location", text="hvor ligger huset tvers")
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert message(dispatcher)["custom"]["answer_id"] == "place:huset-tvaers"
    assert SlotSet("place", "huset-tvaers") in events


async def test_entity_written_with_typo_is_resolved(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_location", entities={"place": "borgerservis"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert message(dispatcher)["text"].startswith("Borgerservice ligger på Odinsgade i Randers.")


async def test_follow_up_uses_the_place_slot(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_location", text="og hvor er det", slots={"place": "proevehuset"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert message(dispatcher)["custom"]["answer_id"] == "place:proevehuset"


async def test_unknown_place_offers_known_places(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_location", text="hvor ligger månebasen", entities={"place": "månebasen"}
    )
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = message(dispatcher)
    assert "månebasen" not in msg["text"].lower()  # never echo the user's words
    assert msg["custom"]["answer_id"] == "place:unknown"
    assert {b["payload"] for b in msg["buttons"]} == {
        '/ask_location{"place":"' + slug + '"}'
        for slug in (
            "jobcenter",
            "proevehuset",
            "huset-tvaers",
            "borgerservice",
            "ungdomsskolen",
            "ungeafdelingen",
        )
    }
    assert all(e.get("name") != "place" for e in events)
