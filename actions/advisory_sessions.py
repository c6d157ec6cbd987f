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
    local_tz,
    parse_datetime,
    sentence,
    weekday_name,
)
from actions.language import DA, EN, FORMATTING
from actions.lookup import entity_value, find_record, language

# The answers' sentences per language; facts in {braces} come from the content. A session's
# title is its name in the content ("Åben Rådgivning"): English quotes it. The content's
# notes are Danish: English marks them so, and says what the structured facts say (weekdays).
PHRASES = {
    DA: {
        "default_title": "åben rådgivning",
        "title": "{title}",
        "at_place": "{title} hos {name}",
        "next": "Næste {subject} er {when}.",
        "not_that_day": "Der er ikke {subject} {day}. Næste gang er {when}.",
        "today": "i dag",
        "tomorrow": "i morgen",
        "on_day": "på {weekday}",
        "fixed_time": "Fast tid: {times}.",
        "fixed_times": "Faste tider: {times}.",
        "no_booking": "Du behøver ikke bestille tid.",
        "booking": "Du skal bestille tid først.",
        "how_often": "{subject}: {how_often}",
        "there_is": "Der er {subject}.",
        "every": "hver {days}",
        "note": "{note}",
        "times_missing": "De præcise tider står ikke i mit indhold endnu.",
        "no_times": (
            "Jeg har ingen tider for {name} i mit indhold endnu. "
            "En medarbejder kan hjælpe dig videre."
        ),
        "no_sessions": (
            "Jeg har ingen tider for åben rådgivning i mit indhold endnu. "
            "En medarbejder kan hjælpe dig videre."
        ),
        "which_place": (
            "Jobcentret har åben rådgivning flere steder. Hvilket sted vil du høre om?"
        ),
        "one_place": "Jobcentret har åben rådgivning her:",
        "where_is": "Hvor ligger {name}?",
        "when_open": "Hvornår er der åbent?",
        "booking_unknown_place": (
            "Jeg har ingen oplysninger om tidsbestilling hos {name} i mit indhold endnu."
        ),
        "answer_no_booking": "Nej, til {subject} skal du ikke bestille tid. Du kan bare møde op.",
        "answer_booking": "Ja, til {subject} skal du bestille tid først.",
        "answer_booking_unknown": (
            "Det står ikke i mit indhold, om du skal bestille tid til {subject}. "
            "Spørg en medarbejder."
        ),
        "no_booking_anywhere": (
            "Til åben rådgivning skal du ikke bestille tid. Du kan bare møde op."
        ),
    },
    EN: {
        "default_title": "open advisory sessions",
        "title": '"{title}"',
        "at_place": "{title} at {name}",
        "next": "The next time for {subject} is {when}.",
        "not_that_day": "Not {day}: the next time for {subject} is {when}.",
        "today": "today",
        "tomorrow": "tomorrow",
        "on_day": "on {weekday}",
        "fixed_time": "Regular time: {times}.",
        "fixed_times": "Regular times: {times}.",
        "no_booking": "You don't need to book an appointment.",
        "booking": "You need to book an appointment first.",
        "how_often": "{subject}: {how_often}",
        "there_is": "The jobcentre holds {subject}.",
        "every": "every {days}",
        "note": "In Danish, my content says: {note}",
        "times_missing": "The exact times are not in my content yet.",
        "no_times": (
            "I have no times for {name} in my content yet. A member of staff can help you."
        ),
        "no_sessions": (
            "I have no times for open advisory sessions in my content yet. "
            "A member of staff can help you."
        ),
        "which_place": (
            "The jobcentre holds open advisory sessions in several places. "
            "Which one would you like to hear about?"
        ),
        "one_place": "The jobcentre holds open advisory sessions here:",
        "where_is": "Where is {name}?",
        "when_open": "When is it open?",
        "booking_unknown_place": (
            "I have no information about appointments at {name} in my content yet."
        ),
        "answer_no_booking": (
            "No, you don't need to book an appointment for {subject}. You can just come by."
        ),
        "answer_booking": "Yes, for {subject} you need to book an appointment first.",
        "answer_booking_unknown": (
            "My content doesn't say whether you need to book an appointment for {subject}. "
            "Please ask a member of staff."
        ),
        "no_booking_anywhere": (
            "You don't need to book an appointment for the open advisory sessions. "
            "You can just come by."
        ),
    },
}


def main_session(place: dict[str, Any], slug: str | None = None) -> dict[str, Any] | None:
    """The session with ``slug``, else the first advisory session, else the first session."""
    found = place.get("advisory_sessions") or []
    for session in found:
        if slug and session.get("slug") == slug:
            return session
    advisory = [s for s in found if s.get("kind") == "advisory"]
    return (advisory or found or [None])[0]


def appointment_sentence(session: dict[str, Any], lang: str = DA) -> str:
    needed = session.get("appointment_needed")
    if needed is False:
        return PHRASES[lang]["no_booking"]
    if needed is True:
        return PHRASES[lang]["booking"]
    return ""


def fixed_times_sentence(session: dict[str, Any], lang: str = DA) -> str:
    slots = session.get("slots") or []
    times = FORMATTING[lang].format_weekly_slots(slots)
    if not times:
        return ""
    return PHRASES[lang]["fixed_times" if len(slots) > 1 else "fixed_time"].format(times=times)


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


def day_phrase(day: date, today: date, lang: str = DA) -> str:
    phrases = PHRASES[lang]
    if day == today:
        return phrases["today"]
    if day == today + timedelta(days=1):
        return phrases["tomorrow"]
    return phrases["on_day"].format(weekday=FORMATTING[lang].weekday_name(day))


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
    lang: str = DA,
) -> str:
    """The next session when its time is known, else what the content says about frequency."""
    phrases, fmt = PHRASES[lang], FORMATTING[lang]
    name = place["name"]
    session_slug = (upcoming or {}).get("advisory_session_slug")
    session = main_session(place, session_slug)
    if session is None:
        return phrases["no_times"].format(name=name)
    subject = session_subject((upcoming or {}).get("title") or session.get("title"), name, lang)
    if upcoming and upcoming.get("start"):
        when = fmt.format_session_time(upcoming["start"], upcoming.get("end"))
        first = phrases["next"].format(subject=subject, when=when)
        if asked and today and parse_datetime(upcoming["start"]).date() != asked:
            day = day_phrase(asked, today, lang)
            first = phrases["not_that_day"].format(subject=subject, day=day, when=when)
        notes = sentence(upcoming.get("notes"))
        return compose(
            first,
            phrases["note"].format(note=notes) if notes else "",
            fixed_times_sentence(session, lang),
            appointment_sentence(session, lang),
        )
    note = ((upcoming or {}).get("frequency_note") or session.get("frequency_note") or "").strip()
    days = [d for d in (upcoming or {}).get("weekdays_without_time") or [] if d]
    every = phrases["every"].format(days=fmt.join_list(fmt.weekday_name(d) for d in days))
    structured = every if days else ""
    # A Danish reader gets the content's note; an English one the weekdays of the structured
    # facts, and the note (marked as Danish) only when there are none.
    if lang == DA:
        how_often, untold = note or structured, ""
    else:
        how_often, untold = structured, "" if days else note
    first = (
        phrases["how_often"].format(subject=subject, how_often=sentence(how_often))
        if how_often
        else phrases["there_is"].format(subject=subject)
    )
    # the content's note may already say that the times are not entered yet
    missing = "" if lang == DA and "endnu" in note else phrases["times_missing"]
    return compose(
        first,
        missing,
        phrases["note"].format(note=sentence(untold)) if untold else "",
        appointment_sentence(session, lang),
    )


def session_subject(title: str | None, name: str, lang: str = DA) -> str:
    """ "Åben Rådgivning hos Huset Tværs" / '"Åben Rådgivning" at Huset Tværs': the session's
    title, and the place unless the title already names it."""
    phrases = PHRASES[lang]
    shown = phrases["title"].format(title=title) if title else phrases["default_title"]
    short = name.split(" – ")[0].strip().casefold()
    if title and short and short in title.casefold():
        return shown
    return phrases["at_place"].format(title=shown, name=name)


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
    lang = language(tracker)
    now = datetime.now(local_tz())
    asked = asked_date(entity_value(tracker, "weekday"), now.date())
    upcoming = None
    if place.get("advisory_sessions"):
        upcoming = await facts_client.next_session(place["slug"], search_start(asked, now))
    session = main_session(place, (upcoming or {}).get("advisory_session_slug"))
    where_is = PHRASES[lang]["where_is"].format(name=place["name"])
    buttons = [button(where_is, "ask_location", place=place["slug"])]
    if session and session.get("appointment_needed") is None:
        buttons.insert(0, contact_button())
    text = compose(
        sessions_text(place, upcoming, asked, now.date(), lang),
        FORMATTING[lang].read_more(place.get("url")),
    )
    say(
        dispatcher,
        tracker,
        text,
        answer_id=f"advisory_sessions:{place['slug']}",
        buttons=buttons,
        written_in=lang,
    )
    return [SlotSet("place", place["slug"])]


async def advisory_sessions() -> list[dict[str, Any]]:
    return [s for s in await facts_client.sessions() if s.get("kind") == "advisory"]


async def places_of(sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places where ``sessions`` are, in the facts service's order."""
    slugs = {s.get("place") for s in sessions}
    return [p for p in await facts_client.places() if p.get("slug") in slugs]


async def ask_which_place(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> None:
    """No place known: offer the places that have advisory sessions."""
    lang = language(tracker)
    phrases = PHRASES[lang]
    buttons = place_buttons(await places_of(await advisory_sessions()), intent)
    if not buttons:
        say(
            dispatcher,
            tracker,
            phrases["no_sessions"],
            answer_id="advisory_sessions:none",
            buttons=[contact_button()],
            written_in=lang,
        )
        return
    say(
        dispatcher,
        tracker,
        phrases["which_place"] if len(buttons) > 1 else phrases["one_place"],
        answer_id="advisory_sessions:places",
        buttons=buttons,
        written_in=lang,
    )


def appointment_text(place: dict[str, Any], lang: str = DA) -> str:
    phrases = PHRASES[lang]
    name = place["name"]
    session = main_session(place)
    if session is None:
        return phrases["booking_unknown_place"].format(name=name)
    subject = session_subject(session.get("title"), name, lang)
    needed = session.get("appointment_needed")
    if needed is False:
        return phrases["answer_no_booking"].format(subject=subject)
    if needed is True:
        return phrases["answer_booking"].format(subject=subject)
    return phrases["answer_booking_unknown"].format(subject=subject)


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
        lang = language(tracker)
        advisory = await advisory_sessions()
        values = {s.get("appointment_needed") for s in advisory}
        if advisory and values == {False}:
            say(
                dispatcher,
                tracker,
                PHRASES[lang]["no_booking_anywhere"],
                answer_id="appointment:all",
                buttons=place_buttons(await places_of(advisory), "ask_advisory_sessions"),
                written_in=lang,
            )
            return
        await ask_which_place(dispatcher, tracker, "ask_appointment_needed")


def say_appointment(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any]
) -> list[EventType]:
    """Whether to book a time at ``place``."""
    lang = language(tracker)
    buttons = [contact_button()]
    if main_session(place) is not None:
        when_open = PHRASES[lang]["when_open"]
        buttons.insert(0, button(when_open, "ask_advisory_sessions", place=place["slug"]))
    say(
        dispatcher,
        tracker,
        appointment_text(place, lang),
        answer_id=f"appointment:{place['slug']}",
        buttons=buttons,
        written_in=lang,
    )
    return [SlotSet("place", place["slug"])]
