"""The fallback, the search over all content before declining, suggestions, the no-loop rule
(misunderstood turns of every kind) and follow-ups on the last answer (real facts service)."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.advisory_sessions import ActionAnswerAdvisorySessions
from actions.fallback import ActionAnswerRecord, ActionFallback
from actions.places import ActionAnswerLocation
from actions.process_rules import ActionAnswerDeadline
from actions.texts import ActionOutOfScope

pytestmark = pytest.mark.anyio

RANKING = [
    ("nlu_fallback", 0.4),
    ("ask_deadline", 0.25),
    ("greet", 0.1),
    ("ask_codex", 0.08),
    ("list_offers", 0.05),
    ("ask_location", 0.04),
]


def answer_ids(dispatcher) -> list[str]:
    return [m["custom"]["answer_id"] for m in dispatcher.messages if m.get("custom")]


def slot(events, name):
    values = [e["value"] for e in events if e.get("event") == "slot" and e["name"] == name]
    return values[-1] if values else "unset"


async def test_a_clear_match_anywhere_in_the_content_is_answered(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for(
        "nlu_fallback", text="kan jeg parkere ved jobcentret", slots={"misunderstood_count": 1.0}
    )
    events = await ActionFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Testsvar om parkering ved jobcentret. Kilde: Test: FAQ.\n"
        "Læs mere: https://example.org/parkering"
    )
    assert msg["custom"] == {"answer_id": "faq:parkering-ved-jobcentret", "intent": "nlu_fallback"}
    assert slot(events, "misunderstood_count") == 0.0
    assert slot(events, "last_answer") == "faq:parkering-ved-jobcentret"


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        ("hvad laver center for job og kompetencer", "org:cjk"),
        ("fast track rekruttering", "offer:fast-track-rekruttering"),
    ],
)
async def test_out_of_scope_is_replaced_by_a_clear_match(
    facts_url, dispatcher, domain, tracker_for, text, answer_id
):
    await ActionOutOfScope().run(dispatcher, tracker_for("out_of_scope", text=text), domain)
    assert answer_ids(dispatcher) == [answer_id]


async def test_out_of_scope_stays_when_nothing_matches(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("out_of_scope", text="hvem vinder fodboldkampen i aften")
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) == ["text:out_of_scope"]
    assert slot(events, "misunderstood_count") == 1.0


async def test_an_unknown_place_is_searched_before_asking(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_location", text="hvor er parkeringspladsen ved jobcentret")
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) in (["place:jobcenter"], ["faq:parkering-ved-jobcentret"])


async def test_a_vague_match_becomes_suggestions_to_choose_from(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("nlu_fallback", text="åben rådgivning", intent_ranking=RANKING)
    events = await ActionFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["custom"]["answer_id"] == "search:suggestions"
    assert 2 <= len(msg["buttons"]) <= 3
    assert all(b["payload"].startswith('/choose_record{"record":"') for b in msg["buttons"])
    offered = slot(events, "suggestions")
    assert len(offered) == len(msg["buttons"])
    assert slot(events, "misunderstood_count") == 1.0

    assert offered[:2] == [
        "advisory-sessions:aaben-raadgivning-proevehuset",
        "advisory-sessions:aaben-raadgivning-huset-tvaers",
    ] or offered[:2] == [
        "advisory-sessions:aaben-raadgivning-huset-tvaers",
        "advisory-sessions:aaben-raadgivning-proevehuset",
    ]  # noqa: E501

    chosen = CollectingDispatcher()
    pick = tracker_for("choose_record", text="den anden", slots={"suggestions": offered})
    await ActionAnswerRecord().run(chosen, pick, domain)
    place = offered[1].removeprefix("advisory-sessions:aaben-raadgivning-")
    assert answer_ids(chosen) == [f"advisory_sessions:{place}"]


async def test_a_suggestion_button_names_its_record(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("choose_record", entities={"record": "org-units:byd"})
    await ActionAnswerRecord().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["custom"]["answer_id"] == "org:byd"
    assert msg["text"].startswith("Center for Borgerservice, Ydelser og Digitalisering (BYD):")


async def test_first_miss_asks_with_likely_topics(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("nlu_fallback", text="blomkål i december", intent_ranking=RANKING)
    events = await ActionFallback().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Jeg er ikke sikker på, at jeg forstod dig.")
    assert "blomkål" not in msg["text"]
    assert [b["payload"] for b in msg["buttons"]] == ["/ask_deadline", "/ask_codex", "/list_offers"]
    assert msg["custom"]["answer_id"] == "fallback:clarify"
    assert events == [SlotSet("misunderstood_count", 1.0)]


@pytest.mark.parametrize(
    "turns",
    [
        [("nlu_fallback", "xyzzy plugh"), ("nlu_fallback", "qwerty asdf")],
        [("out_of_scope", "hvem vinder fodboldkampen"), ("nlu_fallback", "xyzzy plugh")],
        [("nlu_fallback", "xyzzy plugh"), ("out_of_scope", "hvad koster en is")],
    ],
)
async def test_the_second_misunderstood_turn_of_any_kind_gets_a_person(
    facts_url, domain, tracker_for, turns
):
    action = {"nlu_fallback": ActionFallback(), "out_of_scope": ActionOutOfScope()}
    count, sent = 0.0, []
    for intent, text in turns:
        dispatcher = CollectingDispatcher()
        tracker = tracker_for(intent, text=text, slots={"misunderstood_count": count})
        events = await action[intent].run(dispatcher, tracker, domain)
        count = slot(events, "misunderstood_count")
        sent += answer_ids(dispatcher)
    assert sent[-1] == "fallback:human"
    assert (
        "Testtekst: kontakt din sagsbehandler eller Borgerservice."
        in dispatcher.messages[0]["text"]
    )
    assert count == 2.0


async def test_an_answer_resets_the_count(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_location", entities={"place": "jobcenter"}, slots={"misunderstood_count": 1.0}
    )
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert slot(events, "misunderstood_count") == 0.0
    assert slot(events, "last_answer") == "place:jobcenter"


async def test_clarification_needs_no_facts_service(facts_down, dispatcher, domain, tracker_for):
    tracker = tracker_for("nlu_fallback", text="blomkål", intent_ranking=RANKING)
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "fallback:clarify"
    assert events == [SlotSet("misunderstood_count", 1.0)]


async def test_human_route_when_service_down_says_service_down(
    facts_down, dispatcher, domain, tracker_for
):
    tracker = tracker_for("nlu_fallback", text="blomkål", slots={"misunderstood_count": 1.0})
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_down"]
    assert events == [SlotSet("misunderstood_count", 2.0)]


# -- follow-ups on the last answer -----------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "text", "last", "expected"),
    [
        # the deadline of the rule just given, whatever the classifier guessed
        ("ask_advisory_sessions", "hvornår?", "process:sygedagpenge", "process:sygedagpenge"),
        (
            "nlu_fallback",
            "hvor lang tid har jeg",
            "process:ledighedsydelse",
            "process:ledighedsydelse",
        ),
        # the place of the last answer
        (
            "ask_location",
            "hvor ligger det?",
            "advisory_sessions:huset-tvaers",
            "place:huset-tvaers",
        ),
        ("ask_location", "hvor finder jeg jer", "org:byd", "place:borgerservice"),
        # the sessions of the last place
        ("ask_deadline", "hvornår?", "place:huset-tvaers", "advisory_sessions:huset-tvaers"),
        # the target group of the last offer
        ("nlu_fallback", "hvem kan være med", "offer:karriereteamet", "offer:karriereteamet"),
    ],
)
async def test_elliptic_follow_ups_use_the_last_answer(
    facts_url, dispatcher, domain, tracker_for, intent, text, last, expected
):
    from actions.answers import SAY  # noqa: F401 - the table every action reaches

    action = {
        "ask_advisory_sessions": ActionAnswerAdvisorySessions(),
        "nlu_fallback": ActionFallback(),
        "ask_location": ActionAnswerLocation(),
        "ask_deadline": ActionAnswerDeadline(),
    }[intent]
    tracker = tracker_for(intent, text=text, slots={"last_answer": last})
    await action.run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) == [expected]


async def test_another_place_gets_the_same_question(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_location",
        text="og borgerservice?",
        entities={"place": "borgerservice"},
        slots={"last_answer": "advisory_sessions:huset-tvaers", "place": "huset-tvaers"},
    )
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) == ["advisory_sessions:borgerservice"]


async def test_a_question_naming_its_subject_is_not_a_follow_up(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for(
        "ask_location",
        text="hvor ligger borgerservice",
        entities={"place": "borgerservice"},
        slots={"last_answer": "process:sygedagpenge"},
    )
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) == ["place:borgerservice"]


async def test_a_crisis_is_never_read_as_a_follow_up(facts_url, dispatcher, domain, tracker_for):
    from actions.texts import ActionDistressSupport

    tracker = tracker_for(
        "distress", text="hvornår stopper det", slots={"last_answer": "process:sygedagpenge"}
    )
    await ActionDistressSupport().run(dispatcher, tracker, domain)
    assert answer_ids(dispatcher) == ["text:distress_help"]
