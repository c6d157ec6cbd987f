"""action_answer_advisory_sessions and action_answer_appointment_needed (real facts service)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from rasa_sdk.events import SlotSet

from actions.advisory_sessions import (
    ActionAnswerAdvisorySessions,
    ActionAnswerAppointmentNeeded,
    asked_date,
    sessions_text,
)
from actions.formatting import format_date, local_tz

pytestmark = pytest.mark.anyio

# the weekly slots of Prøvehuset in tests/actions/fixtures/content.yml
PROEVEHUSET_SLOTS = {2: ("10.00-12.00", time(12, 0)), 4: ("9.00-11.30", time(11, 30))}


def upcoming_session_lines(days: int = 8) -> set[str]:
    """Every "onsdag d. 3. december kl. 10.00-12.00" Prøvehuset has in the coming week."""
    now = datetime.now(local_tz())
    lines = set()
    for offset in range(days):
        day = (now + timedelta(days=offset)).date()
        if day.weekday() in PROEVEHUSET_SLOTS:
            times, _end = PROEVEHUSET_SLOTS[day.weekday()]
            lines.add(f"{format_date(day)} kl. {times}")
    return lines


async def test_next_session_with_weekly_slots(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_advisory_sessions", entities={"place": "proevehuset"})
    events = await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    text = msg["text"]
    assert text.startswith("Næste Åben Rådgivning hos Prøvehuset er ")
    assert any(line in text for line in upcoming_session_lines()), text
    assert "Faste tider: onsdag kl. 10.00-12.00 og fredag kl. 9.00-11.30." in text
    assert "Du behøver ikke bestille tid." in text
    assert text.splitlines()[-1] == "Læs mere: https://example.org/proevehuset"
    assert msg["custom"] == {
        "answer_id": "advisory_sessions:proevehuset",
        "intent": "ask_advisory_sessions",
    }
    assert SlotSet("place", "proevehuset") in events


async def test_unknown_slots_give_frequency_and_say_times_are_missing(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_advisory_sessions", entities={"place": "huset-tvaers"})
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Åben Rådgivning hos Huset Tværs: to gange om ugen. "
        "De præcise tider står ikke i mit indhold endnu. Du behøver ikke bestille tid."
    )


async def test_follow_up_question_uses_the_place_from_before(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for(
        "ask_advisory_sessions", text="og hvornår har de åbent", slots={"place": "huset-tvaers"}
    )
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "advisory_sessions:huset-tvaers"


async def test_no_place_lists_places_with_advisory_sessions(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_advisory_sessions", text="hvornår er der åben rådgivning")
    events = await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].endswith("Hvilket sted vil du høre om?")
    assert [b["payload"] for b in msg["buttons"]] == [
        '/ask_advisory_sessions{"place":"proevehuset"}',
        '/ask_advisory_sessions{"place":"huset-tvaers"}',
    ]
    assert all(e.get("name") != "place" for e in events)


async def test_place_without_sessions(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_advisory_sessions", entities={"place": "jobcenter"})
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].startswith(
        "Jeg har ingen tider for Jobcenter Randers i mit indhold endnu."
    )


async def test_appointment_not_needed(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_appointment_needed", entities={"place": "proevehuset"})
    await ActionAnswerAppointmentNeeded().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Nej, til Åben Rådgivning hos Prøvehuset skal du ikke bestille tid. Du kan bare møde op."
    )
    assert msg["custom"]["answer_id"] == "appointment:proevehuset"
    assert msg["buttons"][0]["payload"] == '/ask_advisory_sessions{"place":"proevehuset"}'


async def test_appointment_unknown_is_not_guessed(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_appointment_needed", entities={"place": "borgerservice"})
    await ActionAnswerAppointmentNeeded().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].startswith("Det står ikke i mit indhold, om du skal")


async def test_appointment_without_place_when_all_sessions_agree(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_appointment_needed", text="skal man bestille tid")
    await ActionAnswerAppointmentNeeded().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Til åben rådgivning skal du ikke bestille tid.")
    assert len(msg["buttons"]) == 2


def test_asked_date_for_weekday_entities():
    friday = datetime(2026, 11, 27).date()  # a Friday
    assert asked_date("friday", friday) == friday
    assert asked_date("wednesday", friday) == datetime(2026, 12, 2).date()
    assert asked_date("today", friday) == friday
    assert asked_date("tomorrow", friday) == datetime(2026, 11, 28).date()
    assert asked_date("someday", friday) is None
    assert asked_date(None, friday) is None


def coming(weekday: int) -> datetime:
    today = datetime.now(local_tz()).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


async def test_asked_weekday_with_a_session(facts_url, dispatcher, domain, tracker_for):
    wednesday = coming(2)  # at least tomorrow, so the slot has not started yet
    tracker = tracker_for(
        "ask_advisory_sessions", entities={"place": "proevehuset", "weekday": "wednesday"}
    )
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    expected = f"Næste Åben Rådgivning hos Prøvehuset er {format_date(wednesday)} kl. 10.00-12.00."
    assert text.startswith(expected), text


async def test_asked_weekday_without_a_session(facts_url, dispatcher, domain, tracker_for):
    monday = coming(0)
    tracker = tracker_for(
        "ask_advisory_sessions", entities={"place": "proevehuset", "weekday": "monday"}
    )
    await ActionAnswerAdvisorySessions().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    phrase = (
        "i morgen" if monday == datetime.now(local_tz()).date() + timedelta(days=1) else "på mandag"
    )
    assert text.startswith(f"Der er ikke Åben Rådgivning hos Prøvehuset {phrase}. Næste gang er ")
    wednesday = monday + timedelta(days=2)
    assert f"{format_date(wednesday)} kl. 10.00-12.00." in text


def test_frequency_note_that_already_says_times_are_missing_is_not_repeated():
    place = {
        "name": "No.17 – Huset for bæredygtig handling",
        "advisory_sessions": [
            {
                "slug": "s",
                "kind": "advisory",
                "title": "Konsulenter på No.17",
                "appointment_needed": None,
                "frequency_note": "hver onsdag - tiderne er ikke lagt ind endnu",
            }
        ],
    }
    upcoming = {"start": None, "frequency_note": None, "reason": "no_slots"}
    assert sessions_text(place, upcoming) == (
        "Konsulenter på No.17: hver onsdag - tiderne er ikke lagt ind endnu."
    )


def test_weekday_without_time_and_no_note():
    place = {
        "name": "Prøvehuset",
        "advisory_sessions": [{"slug": "s", "kind": "advisory", "title": "Rådgivning"}],
    }
    upcoming = {"start": None, "weekdays_without_time": ["wednesday"], "reason": "no_slots"}
    assert sessions_text(place, upcoming) == (
        "Rådgivning hos Prøvehuset: hver onsdag. De præcise tider står ikke i mit indhold endnu."
    )
