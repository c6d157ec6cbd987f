"""Next session and open now at a place, from its live sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from api.records.cache import ContentCache
from api.records.service import live_query, ordered, record_model
from api.sessions import hours
from api.sessions.kind import SESSIONS
from api.sessions.schemas import NextSessionOut, OpenNowOut, SessionRecord


def records_by_place(session: Session) -> dict[str, list[SessionRecord]]:
    grouped: dict[str, list[SessionRecord]] = {}
    for row in session.scalars(ordered(SESSIONS, live_query(SESSIONS))):
        record = record_model(SESSIONS, row)
        assert isinstance(record, SessionRecord)
        grouped.setdefault(row.place, []).append(record)
    return grouped


def _records(session: Session, cache: ContentCache, place_slug: str) -> list[SessionRecord]:
    return cache.get(session, "sessions:by-place", records_by_place).get(place_slug, [])


def next_session(
    session: Session, cache: ContentCache, place_slug: str, after: datetime, kind: str | None = None
) -> NextSessionOut:
    records = [r for r in _records(session, cache, place_slug) if not kind or r.kind == kind]
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


def open_now(
    session: Session, cache: ContentCache, place_slug: str, at: datetime, kind: str | None = None
) -> OpenNowOut:
    records = [r for r in _records(session, cache, place_slug) if not kind or r.kind == kind]
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
