"""The next advisory session and open-now from weekly slots, validity dates and exceptions.

All slot times are Europe/Copenhagen wall-clock times; a slot at 10:00 stays at 10:00 local
time across the DST change (its UTC offset moves from +02:00 to +01:00)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from api.advisory_sessions.schemas import AdvisorySessionRecord
from api.records.types import WEEKDAYS

TZ = ZoneInfo("Europe/Copenhagen")
HORIZON_DAYS = 120


@dataclass(frozen=True)
class Occurrence:
    advisory_session: AdvisorySessionRecord
    start: datetime
    end: datetime
    staff: str | None
    notes: str | None


def local(moment: datetime) -> datetime:
    """An aware datetime in Copenhagen time; naive input is read as Copenhagen time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=TZ)
    return moment.astimezone(TZ)


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=TZ)


def _valid_on(advisory_session: AdvisorySessionRecord, day: date) -> bool:
    if advisory_session.valid_from and day < advisory_session.valid_from:
        return False
    return not (advisory_session.valid_to and day > advisory_session.valid_to)


def occurrences_on(advisory_session: AdvisorySessionRecord, day: date) -> list[Occurrence]:
    """All times the advisory session is held on one local date, exceptions applied."""
    exceptions = [e for e in advisory_session.exceptions if e.date == day]
    closed = {e.start for e in exceptions if e.kind == "closed"}  # None: the whole day
    times = []
    if _valid_on(advisory_session, day) and None not in closed:
        weekday = WEEKDAYS[day.weekday()]
        times = [
            (slot.start, slot.end, slot.staff, slot.notes)
            for slot in advisory_session.slots
            if slot.weekday == weekday and slot.start not in closed
        ]
    times += [(e.start, e.end, None, e.note) for e in exceptions if e.kind == "extra"]
    found = [
        Occurrence(advisory_session, _at(day, start), _at(day, end), staff, notes)
        for start, end, staff, notes in times
        if start is not None and end is not None  # a slot with only its weekday has no time
    ]
    return sorted(found, key=lambda o: o.start)


def has_schedule(advisory_sessions: list[AdvisorySessionRecord]) -> bool:
    return any(
        any(slot.start is not None for slot in a.slots)
        or any(e.kind == "extra" for e in a.exceptions)
        for a in advisory_sessions
    )


def weekdays_without_time(advisory_sessions: list[AdvisorySessionRecord]) -> list[str]:
    found = {slot.weekday for a in advisory_sessions for slot in a.slots if slot.start is None}
    return [day for day in WEEKDAYS if day in found]


def next_occurrence(
    advisory_sessions: list[AdvisorySessionRecord],
    after: datetime,
    horizon_days: int = HORIZON_DAYS,
) -> Occurrence | None:
    """The first occurrence that has not ended at `after` (an ongoing one counts)."""
    moment = local(after)
    first_day = moment.date()
    for offset in range(horizon_days + 1):
        day = first_day + timedelta(days=offset)
        todays = [o for a in advisory_sessions for o in occurrences_on(a, day) if o.end > moment]
        if todays:
            return min(todays, key=lambda o: o.start)
    return None


def current_occurrence(
    advisory_sessions: list[AdvisorySessionRecord], at: datetime
) -> Occurrence | None:
    moment = local(at)
    day = moment.date()
    running = [
        o for a in advisory_sessions for o in occurrences_on(a, day) if o.start <= moment < o.end
    ]
    return max(running, key=lambda o: o.end) if running else None
