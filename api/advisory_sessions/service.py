"""The next advisory session and open now at a place, from its live advisory sessions (see
``hours``)."""

from __future__ import annotations

from datetime import datetime

from api.advisory_sessions import hours
from api.advisory_sessions.schemas import (
    AdvisorySessionRecord,
    NextAdvisorySessionOut,
    OpenNowOut,
)


def next_advisory_session(
    place_slug: str, records: list[AdvisorySessionRecord], after: datetime
) -> NextAdvisorySessionOut:
    notes = "; ".join(r.frequency_note for r in records if r.frequency_note) or None
    untimed = hours.weekdays_without_time(records)
    if not hours.has_schedule(records):
        return NextAdvisorySessionOut(
            place=place_slug, frequency_note=notes, weekdays_without_time=untimed, reason="no_slots"
        )
    found = hours.next_occurrence(records, after)
    if found is None:
        return NextAdvisorySessionOut(
            place=place_slug,
            frequency_note=notes,
            weekdays_without_time=untimed,
            reason="none_upcoming",
        )
    return NextAdvisorySessionOut(
        place=place_slug,
        advisory_session_slug=found.advisory_session.slug,
        title=found.advisory_session.title,
        start=found.start,
        end=found.end,
        staff=found.staff,
        notes=found.notes,
        frequency_note=found.advisory_session.frequency_note,
        weekdays_without_time=untimed,
    )


def open_now(place_slug: str, records: list[AdvisorySessionRecord], at: datetime) -> OpenNowOut:
    if not hours.has_schedule(records):
        return OpenNowOut(place=place_slug, open=None)
    running = hours.current_occurrence(records, at)
    if running is None:
        return OpenNowOut(place=place_slug, open=False)
    return OpenNowOut(
        place=place_slug,
        open=True,
        advisory_session_slug=running.advisory_session.slug,
        title=running.advisory_session.title,
        until=running.end,
    )
