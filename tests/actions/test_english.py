"""English answers (language slot "en") against the real facts service with the test content.

The core topics answer in English (places, advisory sessions, the lists of offers, the route to
a person, help); every other answer is the Danish one after a short English note. Facts come
from the content, formatted in English; answer ids are the same as in Danish.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from rasa_sdk.events import SlotSet

from actions import formatting_en
from actions.advisory_sessions import (
    ActionAnswerAdvisorySessions,
    ActionAnswerAppointmentNeeded,
    sessions_text,
)
from actions.codex import ActionAnswerCodex
from actions.fallback import ActionFallback
from actions.formatting import local_tz
from actions.language import EN, ONLY_IN_DANISH
from actions.offers import ActionAnswerOffer, ActionListCompanyOffers, ActionListOffers
from actions.places import ActionAnswerLocation
from actions.texts import ActionHelpOverview, ActionHumanRoutes, ActionOutOfScope

pytestmark = pytest.mark.anyio

# the weekly slots of Prøvehuset in tests/actions/fixtures/content.yml
PROEVEHUSET_SLOTS = {2: "10:00-12:00", 4: "9:00-11:30"}
CONTACT = {"title": "Contact a member of staff", "payload": "/contact_human"}


@pytest.fixture
def english(tracker_for):
    """A tracker whose ``language`` slot is "en" (set by bot/language_policy.py in Rasa)."""

    def make(intent, **kwargs):
        slots = {"language": EN, **kwargs.pop("slots", {})}
        return tracker_for(intent, slots=slots, **kwargs)

    return make


def only(dispatcher):
    (msg,) = dispatcher.messages
    return msg


def upcoming_session_lines(days: int = 8) -> set[str]:
    """Every "Wednesday 3 December, 10:00-12:00" Prøvehuset has in the coming week."""
    now = datetime.now(local_tz())
    lines = set()
    for offset in range(days):
        day = (now + timedelta(days=offset)).date()
        if day.weekday() in PROEVEHUSET_SLOTS:
            lines.add(f"{formatting_en.format_date(day)}, {PROEVEHUSET_SLOTS[day.weekday()]}")
    return lines


# --- places


async def test_location_in_english_with_the_content_words_marked_danish(
    facts_url, dispatcher, domain, english
):
    tracker = english(
        "ask_location", text="where is the jobcentre", entities={"place": "jobcenter"}
    )
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    assert msg["text"] == (
        "Jobcenter Randers is at Regimentvej in Randers. "
        "In Danish: den gamle kaserne i den nordlige del af Randers. "
        "About the place, in Danish: Her ligger det meste af beskæftigelsesområdet."
    )
    assert ONLY_IN_DANISH not in msg["text"]
    assert msg["custom"] == {"answer_id": "place:jobcenter", "intent": "ask_location"}
    assert msg["buttons"] == [CONTACT]
    assert SlotSet("place", "jobcenter") in events


async def test_location_with_full_address_phone_and_link(facts_url, dispatcher, domain, english):
    tracker = english("ask_location", entities={"place": "proevehuset"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    assert msg["text"].startswith("Prøvehuset is at Prøvevej 7, 8900 Randers.")
    assert "Phone: 11 22 33 44." in msg["text"]
    assert msg["text"].splitlines()[-1] == "Read more: https://example.org/proevehuset"
    assert msg["buttons"] == [
        {
            "title": "When are the open advisory sessions?",
            "payload": '/ask_advisory_sessions{"place":"proevehuset"}',
        },
        CONTACT,
    ]


async def test_unknown_address_in_english(facts_url, dispatcher, domain, english):
    tracker = english("ask_location", entities={"place": "huset-tvaers"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert only(dispatcher)["text"].startswith(
        "The address of Huset Tværs is not in my content yet. "
        "A member of staff can help you find the way."
    )


async def test_unknown_place_asks_in_english(facts_url, dispatcher, domain, english):
    tracker = english("ask_location", text="where is the moon base", entities={"place": "moon"})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    assert msg["text"] == "Which place do you mean? Choose one of the places I know:"
    assert msg["custom"]["answer_id"] == "place:unknown"
    assert "Prøvehuset" in [b["title"] for b in msg["buttons"]]  # content names stay


# --- advisory sessions


async def test_next_session_in_english(facts_url, dispatcher, domain, english):
    tracker = english("ask_advisory_sessions", entities={"place": "proevehuset"})
    events = await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    text = msg["text"]
    assert text.startswith('The next time for "Åben Rådgivning" at Prøvehuset is ')
    assert any(line in text for line in upcoming_session_lines()), text
    assert "Regular times: Wednesday 10:00-12:00 and Friday 9:00-11:30." in text
    assert "You don't need to book an appointment." in text
    assert text.splitlines()[-1] == "Read more: https://example.org/proevehuset"
    assert msg["custom"]["answer_id"] == "advisory_sessions:proevehuset"
    assert msg["buttons"] == [
        {"title": "Where is Prøvehuset?", "payload": '/ask_location{"place":"proevehuset"}'}
    ]
    assert SlotSet("place", "proevehuset") in events


async def test_sessions_without_times_say_so_and_quote_the_danish_note(
    facts_url, dispatcher, domain, english
):
    tracker = english("ask_advisory_sessions", entities={"place": "huset-tvaers"})
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    assert only(dispatcher)["text"] == (
        'The jobcentre holds "Åben Rådgivning" at Huset Tværs. '
        "The exact times are not in my content yet. "
        "In Danish, my content says: to gange om ugen. "
        "You don't need to book an appointment."
    )


def test_weekdays_of_the_content_are_said_in_english():
    place = {
        "name": "No.17 – Huset for bæredygtig handling",
        "advisory_sessions": [{"title": "Café"}],
    }
    upcoming = {
        "start": None,
        "frequency_note": "hver onsdag - tiderne er ikke lagt ind endnu",
        "weekdays_without_time": ["wednesday", "friday"],
    }
    assert sessions_text(place, upcoming, lang=EN) == (
        '"Café" at No.17 – Huset for bæredygtig handling: every Wednesday and Friday. '
        "The exact times are not in my content yet."
    )
    # Danish keeps the content's own note, which already says the times are missing
    assert sessions_text(place, upcoming) == (
        "Café hos No.17 – Huset for bæredygtig handling: "
        "hver onsdag - tiderne er ikke lagt ind endnu."
    )


def test_an_asked_day_without_a_session_in_english():
    place = {"name": "Prøvehuset", "advisory_sessions": [{"slug": "s", "title": "Åben Rådgivning"}]}
    upcoming = {"advisory_session_slug": "s", "start": "2026-12-09T10:00:00+01:00", "end": None}
    text = sessions_text(place, upcoming, date(2026, 12, 7), date(2026, 12, 5), lang=EN)
    assert text == (
        'Not on Monday: the next time for "Åben Rådgivning" at Prøvehuset is '
        "Wednesday 9 December, at 10:00."
    )
    tomorrow = sessions_text(place, upcoming, date(2026, 12, 7), date(2026, 12, 7), lang=EN)
    assert tomorrow.startswith("Not today: ")


async def test_which_place_in_english(facts_url, dispatcher, domain, english):
    await ActionAnswerAdvisorySessions().run(dispatcher, english("ask_advisory_sessions"), domain)
    msg = only(dispatcher)
    assert msg["text"] == (
        "The jobcentre holds open advisory sessions in several places. "
        "Which one would you like to hear about?"
    )
    assert msg["custom"]["answer_id"] == "advisory_sessions:places"
    assert [b["title"] for b in msg["buttons"]] == ["Prøvehuset", "Huset Tværs"]


async def test_appointment_in_english(facts_url, dispatcher, domain, english):
    tracker = english("ask_appointment_needed", entities={"place": "proevehuset"})
    await ActionAnswerAppointmentNeeded().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    assert msg["text"] == (
        'No, you don\'t need to book an appointment for "Åben Rådgivning" at Prøvehuset. '
        "You can just come by."
    )
    assert msg["custom"]["answer_id"] == "appointment:proevehuset"
    assert msg["buttons"][0] == {
        "title": "When is it open?",
        "payload": '/ask_advisory_sessions{"place":"proevehuset"}',
    }


async def test_appointment_unknown_in_english(facts_url, dispatcher, domain, english):
    tracker = english("ask_appointment_needed", entities={"place": "borgerservice"})
    await ActionAnswerAppointmentNeeded().run(dispatcher, tracker, domain)
    assert only(dispatcher)["text"] == (
        'My content doesn\'t say whether you need to book an appointment for "Borgerservice". '
        "Please ask a member of staff."
    )


async def test_appointment_everywhere_in_english(facts_url, dispatcher, domain, english):
    await ActionAnswerAppointmentNeeded().run(dispatcher, english("ask_appointment_needed"), domain)
    msg = only(dispatcher)
    assert msg["text"].startswith("You don't need to book an appointment for the open advisory")
    assert msg["custom"]["answer_id"] == "appointment:all"


# --- offers


async def test_offer_list_in_english(facts_url, dispatcher, domain, english):
    await ActionListOffers().run(dispatcher, english("list_offers"), domain)
    msg = only(dispatcher)
    assert msg["text"] == (
        "Here are the jobcentre's offers. "
        "Choose one to hear more (the offers are described in Danish)."
    )
    assert msg["custom"]["answer_id"] == "offers:citizen"
    assert {b["title"] for b in msg["buttons"]} == {
        "Karriereteamet",
        "Ressourceforløb unge",
        "Virksomhedspraktik",
    }


async def test_offer_list_for_a_target_group_in_english(facts_url, dispatcher, domain, english):
    tracker = english("list_offers", entities={"target_group": "unge"})
    await ActionListOffers().run(dispatcher, tracker, domain)
    assert only(dispatcher)["text"].startswith(
        'Here are the jobcentre\'s offers for the target group "unge". '
    )


async def test_company_offers_in_english(facts_url, dispatcher, domain, english):
    await ActionListCompanyOffers().run(dispatcher, english("ask_company_offers"), domain)
    msg = only(dispatcher)
    assert msg["text"].startswith("Here are the jobcentre's offers for companies. ")
    assert msg["custom"]["answer_id"] == "offers:company"


async def test_one_offer_is_danish_after_the_note(facts_url, dispatcher, domain, english):
    tracker = english("ask_offer_info", entities={"offer": "karriereteamet"})
    await ActionAnswerOffer().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    note, danish = msg["text"].split("\n", 1)
    assert note == ONLY_IN_DANISH
    assert danish.startswith("Karriereteamet: Et jobsøgningsforløb")
    assert msg["custom"]["answer_id"] == "offer:karriereteamet"
    assert msg["buttons"] == [
        {"title": "Offers for citizens", "payload": "/list_offers"},
        CONTACT,
    ]


# --- the route to a person, help


async def test_route_to_a_person_english_lead_then_the_staff_text(
    facts_url, dispatcher, domain, english
):
    await ActionHumanRoutes().run(dispatcher, english("contact_human"), domain)
    msg = only(dispatcher)
    assert msg["text"] == (
        "You can reach a person at the jobcentre in these ways. The details are in Danish: "
        "Testtekst: kontakt din sagsbehandler eller Borgerservice."
    )
    assert msg["custom"] == {"answer_id": "text:human_routes", "intent": "contact_human"}
    assert msg["buttons"] == [
        {"title": "Where is Borgerservice?", "payload": '/ask_location{"place":"borgerservice"}'},
        {"title": "Open advisory sessions", "payload": "/ask_advisory_sessions"},
        {"title": "Complaints", "payload": "/complain"},
    ]


async def test_help_in_english(facts_url, dispatcher, domain, english):
    await ActionHelpOverview().run(dispatcher, english("help"), domain)
    msg = only(dispatcher)
    assert msg["text"].startswith("In English I can tell you where the jobcentre's places are")
    assert msg["custom"]["answer_id"] == "text:help_overview"
    assert [b["title"] for b in msg["buttons"]] == [
        "Where is a place?",
        "Open advisory sessions",
        "Offers for citizens",
        "What can I expect?",
        "Contact a member of staff",
    ]


# --- other topics: the Danish answer after the English note


@pytest.mark.parametrize(
    ("action", "intent", "answer_id"),
    [
        (ActionAnswerCodex, "ask_codex", "codex:all"),
        (ActionOutOfScope, "out_of_scope", "text:out_of_scope"),
    ],
)
async def test_other_topics_are_danish_after_an_english_note(
    facts_url, dispatcher, domain, english, tracker_for, action, intent, answer_id
):
    await action().run(dispatcher, tracker_for(intent), domain)
    await action().run(dispatcher, english(intent), domain)
    danish, in_english = dispatcher.messages
    assert in_english["text"] == f"{ONLY_IN_DANISH}\n{danish['text']}"
    assert in_english["custom"] == danish["custom"] == {"answer_id": answer_id, "intent": intent}
    assert [b["payload"] for b in in_english["buttons"]] == [
        b["payload"] for b in danish["buttons"]
    ]


async def test_topic_buttons_of_a_danish_answer_get_english_labels(
    facts_url, dispatcher, domain, english
):
    ranking = [("nlu_fallback", 0.3), ("ask_codex", 0.2), ("contact_human", 0.1)]
    tracker = english("nlu_fallback", text="blah blah", intent_ranking=ranking)
    await ActionFallback().run(dispatcher, tracker, domain)
    msg = only(dispatcher)
    assert msg["text"].startswith(ONLY_IN_DANISH)
    assert [b["title"] for b in msg["buttons"]] == [
        "What can I expect?",
        "Contact a member of staff",
        "Open advisory sessions",
    ]


async def test_a_danish_reader_never_gets_the_note(facts_url, dispatcher, domain, tracker_for):
    for action, intent in [(ActionAnswerCodex, "ask_codex"), (ActionHumanRoutes, "contact_human")]:
        await action().run(dispatcher, tracker_for(intent, slots={"language": "da"}), domain)
    assert all(ONLY_IN_DANISH not in m["text"] for m in dispatcher.messages)
    # Danish labels stay as the action wrote them (not the topic table's)
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [
        "Får jeg en fast sagsbehandler?",
        "Hvilke frister er der i min sag?",
    ]
