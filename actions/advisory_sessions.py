"""When the open advisory / drop-in sessions are and whether to book:
``action_answer_advisory_sessions`` and ``action_answer_appointment_needed``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button, place_buttons
from actions.formatting import (
    WEEKDAYS,
    compose,
    format_session_time,
    format_weekly_slots,
    join_list,
    local_tz,
    parse_datetime,
    read_more,
    sentence,
    weekday_name,
)
from actions.lookup import entity_value, find_record


def main_session(place: dict[str, Any], slug: str | None = None) -> dict[str, Any] | None:
    """The session with ``slug``, else the first advisory session, else the first session."""
    found = place.get("advisory_sessions") or []
    for session in found:
        if slug and session.get("slug") == slug:
            return session
    advisory = [s for s in found if s.get("kind") == "advisory"]
    return (advisory or found or [None])[0]


def appointment_sentence(session: dict[str, Any]) -> str:
    needed = session.get("appointment_needed")
    if needed is False:
        return "Du behøver ikke bestille tid."
    if needed is True:
        return "Du skal bestille tid først."
    return ""


def fixed_times_sentence(session: dict[str, Any]) -> str:
    slots = session.get("slots") or []
    times = format_weekly_slots(slots)
    if not times:
        return ""
    label = "Faste tider" if len(slots) > 1 else "Fast tid"
    return f"{label}: {times}."


def asked_date(value: str | None, today: date) -> date | None:
    """The date a weekday entity means: "wednesday" → the coming Wednesday (today included)."""
    if not value:
        return None
    key = value.strip().lower()
    if key == "today":
        return today
    if key == "tomorrow":
        return today + timedelta(days=1)
    try:
        wanted = WEEKDAYS.index(weekday_name(key))
    except ValueError:
        return None
    return today + timedelta(days=(wanted - today.weekday()) % 7)


def day_phrase(day: date, today: date) -> str:
    if day == today:
        return "i dag"
    if day == today + timedelta(days=1):
        return "i morgen"
    return f"på {weekday_name(day)}"


def search_start(day: date | None, now: datetime) -> str | None:
    """``after`` for next-session: the start of the asked day, or None (= now) for today."""
    if day is None or day <= now.date():
        return None
    return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo).isoformat()


def sessions_text(
    place: dict[str, Any],
    upcoming: dict[str, Any] | None,
    asked: date | None = None,
    today: date | None = None,
) -> str:
    """The next session when its time is known, else what the content says about frequency."""
    name = place["name"]
    session_slug = (upcoming or {}).get("advisory_session_slug")
    session = main_session(place, session_slug)
    if session is None:
        return (
            f"Jeg har ingen tider for {name} i mit indhold endnu. "
            "En medarbejder kan hjælpe dig videre."
        )
    title = (upcoming or {}).get("title") or session.get("title") or "åben rådgivning"
    where = at_place(title, name)
    if upcoming and upcoming.get("start"):
        when = format_session_time(upcoming["start"], upcoming.get("end"))
        first = f"Næste {title}{where} er {when}."
        if asked and today and parse_datetime(upcoming["start"]).date() != asked:
            first = f"Der er ikke {title}{where} {day_phrase(asked, today)}. Næste gang er {when}."
        return compose(
            first,
            sentence(upcoming.get("notes")),
            fixed_times_sentence(session),
            appointment_sentence(session),
        )
    note = ((upcoming or {}).get("frequency_note") or session.get("frequency_note") or "").strip()
    days = [d for d in (upcoming or {}).get("weekdays_without_time") or [] if d]
    if not note and days:
        note = f"hver {join_list(weekday_name(d) for d in days)}"
    first = f"{title}{where}: {sentence(note)}" if note else f"Der er {title}{where}."
    # the content's note may already say that the times are not entered yet
    missing = "" if "endnu" in note else "De præcise tider står ikke i mit indhold endnu."
    return compose(first, missing, appointment_sentence(session))


def at_place(title: str, name: str) -> str:
    """ " hos Huset Tværs", or "" when the session title already names the place."""
    short = name.split(" – ")[0].strip().casefold()
    return "" if short and short in title.casefold() else f" hos {name}"


class ActionAnswerAdvisorySessions(FactsAction):
    action_name = "action_answer_advisory_sessions"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        place = await find_record(tracker, "place")
        if place is None:
            await ask_which_place(dispatcher, tracker, "ask_advisory_sessions")
            return []
        return await say_sessions(dispatcher, tracker, place)


async def say_sessions(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any]
) -> list[EventType]:
    """The next advisory session or opening hours of ``place`` (the weekday asked, if any)."""
    now = datetime.now(local_tz())
    asked = asked_date(entity_value(tracker, "weekday"), now.date())
    upcoming = None
    if place.get("advisory_sessions"):
        upcoming = await facts_client.next_session(place["slug"], search_start(asked, now))
    session = main_session(place, (upcoming or {}).get("advisory_session_slug"))
    buttons = [button(f"Hvor ligger {place['name']}?", "ask_location", place=place["slug"])]
    if session and session.get("appointment_needed") is None:
        buttons.insert(0, contact_button())
    text = compose(sessions_text(place, upcoming, asked, now.date()), read_more(place.get("url")))
    say(dispatcher, tracker, text, answer_id=f"advisory_sessions:{place['slug']}", buttons=buttons)
    return [SlotSet("place", place["slug"])]


async def advisory_sessions() -> list[dict[str, Any]]:
    return [s for s in await facts_client.sessions() if s.get("kind") == "advisory"]


async def places_of(sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places where ``sessions`` are, in the facts service's order."""
    slugs = {s.get("place") for s in sessions}
    return [p for p in await facts_client.places() if p.get("slug") in slugs]


async def ask_which_place(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> None:
    """No place known: offer the places that have advisory sessions."""
    buttons = place_buttons(await places_of(await advisory_sessions()), intent)
    if not buttons:
        say(
            dispatcher,
            tracker,
            "Jeg har ingen tider for åben rådgivning i mit indhold endnu. "
            "En medarbejder kan hjælpe dig videre.",
            answer_id="advisory_sessions:none",
            buttons=[contact_button()],
        )
        return
    say(
        dispatcher,
        tracker,
        "Jobcentret har åben rådgivning flere steder. Hvilket sted vil du høre om?"
        if len(buttons) > 1
        else "Jobcentret har åben rådgivning her:",
        answer_id="advisory_sessions:places",
        buttons=buttons,
    )


def appointment_text(place: dict[str, Any]) -> str:
    name = place["name"]
    session = main_session(place)
    if session is None:
        return f"Jeg har ingen oplysninger om tidsbestilling hos {name} i mit indhold endnu."
    title = session.get("title") or "åben rådgivning"
    where = at_place(title, name)
    needed = session.get("appointment_needed")
    if needed is False:
        return f"Nej, til {title}{where} skal du ikke bestille tid. Du kan bare møde op."
    if needed is True:
        return f"Ja, til {title}{where} skal du bestille tid først."
    return (
        f"Det står ikke i mit indhold, om du skal bestille tid til {title}{where}. "
        "Spørg en medarbejder."
    )


class ActionAnswerAppointmentNeeded(FactsAction):
    action_name = "action_answer_appointment_needed"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        place = await find_record(tracker, "place")
        if place is None:
            await self.answer_in_general(dispatcher, tracker)
            return []
        return say_appointment(dispatcher, tracker, place)

    async def answer_in_general(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """Without a place: answer at once if all advisory sessions agree, else ask where."""
        advisory = await advisory_sessions()
        values = {s.get("appointment_needed") for s in advisory}
        if advisory and values == {False}:
            say(
                dispatcher,
                tracker,
                "Til åben rådgivning skal du ikke bestille tid. Du kan bare møde op.",
                answer_id="appointment:all",
                buttons=place_buttons(await places_of(advisory), "ask_advisory_sessions"),
            )
            return
        await ask_which_place(dispatcher, tracker, "ask_appointment_needed")


def say_appointment(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any]
) -> list[EventType]:
    """Whether to book a time at ``place``."""
    buttons = [contact_button()]
    if main_session(place) is not None:
        buttons.insert(
            0, button("Hvornår er der åbent?", "ask_advisory_sessions", place=place["slug"])
        )
    text = appointment_text(place)
    say(dispatcher, tracker, text, answer_id=f"appointment:{place['slug']}", buttons=buttons)
    return [SlotSet("place", place["slug"])]
