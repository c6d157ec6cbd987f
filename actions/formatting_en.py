"""English phrasing of facts, beside the Danish of actions/formatting.py: the same function
names for weekdays, dates, times, lists, addresses and "read more" lines.

The facts are the content's (names, streets, times); only the words around them are English.
The content's free texts (descriptions, notes) stay Danish and are marked as such
(``in_danish``). Times are Europe/Copenhagen local time, as in Danish.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from actions import formatting

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)


def weekday_name(value: int | str | date) -> str:
    """0 (Monday) / "wednesday" / "onsdag" / a date → "Wednesday"."""
    return WEEKDAYS[formatting.weekday_index(value)]


def format_date(value: date | datetime | str) -> str:
    """ "Wednesday 3 December"."""
    day = formatting.local_date(value)
    return f"{weekday_name(day)} {day.day} {MONTHS[day.month - 1]}"


def clock(value: time | datetime | str) -> str:
    """ "10:00", "9:30" (local time)."""
    moment = formatting.local_time(value)
    return f"{moment.hour}:{moment.minute:02d}"


def format_time(value: time | datetime | str) -> str:
    """ "at 10:00"."""
    return f"at {clock(value)}"


def format_time_range(start: time | datetime | str, end: time | datetime | str | None) -> str:
    """ "10:00-12:00", or "at 10:00" when the end is unknown."""
    if not end:
        return format_time(start)
    return f"{clock(start)}-{clock(end)}"


def format_session_time(start: str | datetime, end: str | datetime | None) -> str:
    """ "Wednesday 3 December, 10:00-12:00" in local time."""
    return f"{format_date(start)}, {format_time_range(start, end)}"


def join_list(items: Iterable[str]) -> str:
    """["a", "b", "c"] → "a, b and c"."""
    return formatting.join_list(items, "and")


def format_weekly_slots(slots: Iterable[Mapping[str, Any]]) -> str:
    """ "Wednesday 10:00-12:00 and Friday 9:00-11:00" (Monday first)."""
    return formatting.format_weekly_slots(
        slots, weekday=weekday_name, time_range=format_time_range, join=join_list
    )


def number_word(n: int) -> str:
    """1 → "one"; digits above ten."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def address_phrase(record: Mapping[str, Any]) -> str:
    """For a sentence: "Prøvevej 7, 8900 Randers" / "Regimentvej in Randers"."""
    return formatting.address_phrase(record, within="in")


def read_more(url: str | None) -> str:
    """ "Read more: <url>" or "" when the record has no url."""
    return formatting.read_more(url, label="Read more")


def in_danish(*texts: str | None) -> str:
    """The content's own (Danish) words for an English reader: "In Danish: ..."; "" if none."""
    body = " ".join(formatting.sentence(t) for t in texts if t and t.strip())
    return f"In Danish: {body}" if body else ""
