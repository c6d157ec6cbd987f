"""Sessions: child rows (slots, exceptions), reference checks, next session and open now."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.errors import ContentInvalid
from api.places.models import Place
from api.records.cache import ContentCache
from api.sessions import hours
from api.sessions.models import AdvisorySession, SessionException, SessionSlot
from api.sessions.schemas import NextSessionOut, OpenNowOut, SessionFields, SessionRecord

LOAD_OPTIONS = (selectinload(AdvisorySession.slots), selectinload(AdvisorySession.exceptions))


def read_children(obj: AdvisorySession) -> dict[str, Any]:
    return {
        "slots": [
            {
                "weekday": s.weekday,
                "start": s.start,
                "end": s.end,
                "staff": s.staff,
                "notes": s.notes,
            }
            for s in obj.slots
        ],
        "exceptions": [
            {"date": e.date, "kind": e.kind, "start": e.start, "end": e.end, "note": e.note}
            for e in obj.exceptions
        ],
    }


def write_children(obj: AdvisorySession, fields: BaseModel) -> None:
    assert isinstance(fields, SessionFields)
    obj.slots = [
        SessionSlot(
            position=i, weekday=s.weekday, start=s.start, end=s.end, staff=s.staff, notes=s.notes
        )
        for i, s in enumerate(fields.slots)
    ]
    obj.exceptions = [
        SessionException(
            position=i, date=e.date, kind=e.kind, start=e.start, end=e.end, note=e.note
        )
        for i, e in enumerate(fields.exceptions)
    ]


def check_refs(session: Session, fields: BaseModel) -> None:
    assert isinstance(fields, SessionFields)
    place = session.scalars(
        select(Place.id).where(Place.slug == fields.place, Place.deleted_at.is_(None))
    ).first()
    if place is None:
        raise ContentInvalid(["body", "place"], f"ukendt sted '{fields.place}'")


def live_sessions(session: Session, place_slug: str | None = None) -> list[AdvisorySession]:
    query = (
        select(AdvisorySession)
        .where(AdvisorySession.deleted_at.is_(None))
        .options(*LOAD_OPTIONS)
        .order_by(AdvisorySession.id)
    )
    if place_slug is not None:
        query = query.where(AdvisorySession.place_slug == place_slug)
    return list(session.scalars(query))


def records_by_place(session: Session) -> dict[str, list[SessionRecord]]:
    from api.kinds import SESSIONS  # local: the registry imports this module
    from api.records.service import record_model

    grouped: dict[str, list[SessionRecord]] = {}
    for row in live_sessions(session):
        record = record_model(SESSIONS, row)
        assert isinstance(record, SessionRecord)
        grouped.setdefault(row.place_slug, []).append(record)
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
