"""Next session and open now at a place, from its live sessions (see ``hours``)."""

from __future__ import annotations

from datetime import datetime

from api.sessions import hours
from api.sessions.schemas import NextSessionOut, OpenNowOut, SessionRecord


def next_session(place_slug: str, records: list[SessionRecord], after: datetime) -> NextSessionOut:
    notes = "; ".join(r.frequency_note for r in records if r.frequency_note) or None
    untimed = hours.weekdays_without_time(records)
    if not hours.has_schedule(records):
        return NextSessionOut(
            place=place_slug, frequency_note=notes, weekdays_without_time=untimed, reason="no_slots"
        )
    found = hours.next_occurrence(records, after)
    if found is None:
        return NextSessionOut(
            place=place_slug,
            frequency_note=notes,
            weekdays_without_time=untimed,
            reason="none_upcoming",
        )
    return NextSessionOut(
        place=place_slug,
        session_slug=found.session.slug,
        title=found.session.title,
        start=found.start,
        end=found.end,
        staff=found.staff,
        notes=found.notes,
        frequency_note=found.session.frequency_note,
        weekdays_without_time=untimed,
    )


def open_now(place_slug: str, records: list[SessionRecord], at: datetime) -> OpenNowOut:
    if not hours.has_schedule(records):
        return OpenNowOut(place=place_slug, open=None)
    running = hours.current_occurrence(records, at)
    if running is None:
        return OpenNowOut(place=place_slug, open=False)
    return OpenNowOut(
        place=place_slug,
        open=True,
        session_slug=running.session.slug,
        title=running.session.title,
        until=running.end,
    )
