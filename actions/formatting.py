"""Danish phrasing of facts: weekdays, dates, times, addresses, lists, "read more" lines.

Times are shown in Europe/Copenhagen local time whatever offset the facts service sends, so a
session stays "kl. 10.00" on both sides of a daylight-saving change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

LOCAL_TZ_NAME = "Europe/Copenhagen"

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
NUMBER_WORDS = ("nul", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti")
SITUATION_LABELS = {
    "sygedagpenge": "Sygedagpenge",
    "ledighedsydelse": "Ledighedsydelse",
    "ny-paa-ydelse": "Ny i kommunen og på ydelse",
    "laengere-fra-arbejdsmarkedet": "Længere fra arbejdsmarkedet",
    "flygtning-indvandrer": "Flygtning eller indvandrer",
}


def local_tz() -> ZoneInfo:
    return ZoneInfo(LOCAL_TZ_NAME)


def weekday_index(value: int | str | date) -> int:
    """0 (Monday) ... 6 for 0 / "wednesday" / "onsdag" / a date."""
    if isinstance(value, date):
        return value.weekday()
    if isinstance(value, int):
        if not 0 <= value < len(WEEKDAYS):
            raise ValueError(f"unknown weekday: {value!r}")
        return value
    key = value.strip().lower()
    if key in WEEKDAY_KEYS:
        return WEEKDAY_KEYS.index(key)
    if key in WEEKDAYS:
        return WEEKDAYS.index(key)
    raise ValueError(f"unknown weekday: {value!r}")


def weekday_name(value: int | str | date) -> str:
    """Danish weekday: 0 (Monday) / "wednesday" / a date → "onsdag"."""
    return WEEKDAYS[weekday_index(value)]


def parse_datetime(value: str | datetime) -> datetime:
    """An ISO datetime as an aware datetime in local time (naive input counts as local)."""
    if isinstance(value, datetime):
        parsed = value
    else:  # Python 3.10 fromisoformat does not read a trailing "Z"
        text = value.strip()
        parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=local_tz())
    return parsed.astimezone(local_tz())


def local_date(value: date | datetime | str) -> date:
    """The day of a date, an ISO date or an ISO datetime (in local time)."""
    if isinstance(value, str):
        value = parse_datetime(value) if "T" in value else date.fromisoformat(value)
    elif isinstance(value, datetime):
        value = parse_datetime(value)
    return value


def local_time(value: time | datetime | str) -> time:
    """The time of day of a time, an ISO time or an ISO datetime (in local time)."""
    if isinstance(value, str):
        return parse_datetime(value).timetz() if "T" in value else time.fromisoformat(value)
    if isinstance(value, datetime):
        return parse_datetime(value).timetz()
    return value


def format_date(value: date | datetime | str) -> str:
    """ "onsdag d. 3. december"."""
    value = local_date(value)
    return f"{weekday_name(value)} d. {value.day}. {MONTHS[value.month - 1]}"


def clock(value: time | datetime | str) -> str:
    """ "10.00" for 10:00 (hour without leading zero, Danish full stop)."""
    value = local_time(value)
    return f"{value.hour}.{value.minute:02d}"


def format_time(value: time | datetime | str) -> str:
    """ "kl. 10.00"."""
    return f"kl. {clock(value)}"


def format_time_range(start: time | datetime | str, end: time | datetime | str | None) -> str:
    """ "kl. 10.00-12.00", or "kl. 10.00" when the end is unknown."""
    if not end:
        return format_time(start)
    return f"kl. {clock(start)}-{clock(end)}"


def format_session_time(start: str | datetime, end: str | datetime | None) -> str:
    """ "onsdag d. 3. december kl. 10.00-12.00" in local time."""
    return f"{format_date(start)} {format_time_range(start, end)}"


def join_list(items: Iterable[str], conjunction: str = "og") -> str:
    """["a", "b", "c"] → "a, b og c"; empty items are skipped."""
    words = [i.strip() for i in items if i and i.strip()]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def format_weekly_slots(
    slots: Iterable[Mapping[str, Any]],
    *,
    weekday: Callable[[Any], str] = weekday_name,
    time_range: Callable[[Any, Any], str] = format_time_range,
    join: Callable[[Iterable[str]], str] = join_list,
) -> str:
    """ "onsdag kl. 10.00-12.00 og fredag kl. 9.00-11.00" (Monday first). Another language
    passes its own weekday names, times and list (actions/formatting_en.py)."""
    ordered = sorted(slots, key=lambda s: (_weekday_index(s.get("weekday")), s.get("start") or ""))
    parts = [
        f"{weekday(s['weekday'])} {time_range(s['start'], s.get('end'))}"
        if s.get("start")
        else weekday(s["weekday"])
        for s in ordered
        if s.get("weekday")
    ]
    return join(parts)


def _weekday_index(value: Any) -> int:
    try:
        return weekday_index(value)
    except (ValueError, TypeError, AttributeError):
        return len(WEEKDAYS)


def number_word(n: int) -> str:
    """1 → "et", 4 → "fire"; digits above ten."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def _clean(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def street_line(record: Mapping[str, Any]) -> str:
    """ "Regimentvej 12" / "Regimentvej" / "" (never a number without a street)."""
    street = _clean(record.get("street"))
    if not street:
        return ""
    return f"{street} {_clean(record.get('house_number'))}".strip()


def address_phrase(record: Mapping[str, Any], within: str = "i") -> str:
    """For a sentence: "Regimentvej 12, 8900 Randers" / "Regimentvej i Randers" / "Regimentvej".
    ``within`` is the word between street and town ("in" in English)."""
    street = street_line(record)
    if not street or _clean(record.get("postcode")):
        return address_line(record)
    city = _clean(record.get("city"))
    return f"{street} {within} {city}" if city else street


def address_line(record: Mapping[str, Any]) -> str:
    """ "Regimentvej 12, 8900 Randers" with empty fields skipped ("Regimentvej, Randers")."""
    town = f"{_clean(record.get('postcode'))} {_clean(record.get('city'))}".strip()
    return ", ".join(part for part in (street_line(record), town) if part)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÉÈÜÖÄ0-9\"'(])")
_ABBREVIATIONS = frozenset(
    ("sct.", "skt.", "fx.", "f.eks.", "bl.a.", "ca.", "nr.", "kl.", "dvs.", "mv.", "st.")
)


def first_sentences(text: str | None, count: int = 1) -> str:
    """The first ``count`` sentences of a text (whole text when it has fewer).

    Does not cut after abbreviations such as "Sct." or "bl.a."."""
    if not text:
        return ""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        last_word = sentences[-1].rsplit(" ", 1)[-1].lower() if sentences else ""
        if last_word in _ABBREVIATIONS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return " ".join(sentences[:count]).strip()


def sentence(text: str | None) -> str:
    """A trimmed text that ends with a full stop (or its own ! / ?)."""
    cleaned = " ".join((text or "").split())
    if cleaned and cleaned[-1] not in ".!?:":
        cleaned += "."
    return cleaned


def lower_first(text: str) -> str:
    """ "Tryghed og tillid" → "tryghed og tillid" (keeps acronyms such as "CV")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


class Link(str):
    """An answer part that is a link line ("Læs mere: <url>"): ``compose`` puts it on its own
    line, whatever the language of its label."""


def read_more(url: str | None, label: str = "Læs mere") -> str:
    """ "Læs mere: <url>" or "" when the record has no url."""
    return Link(f"{label}: {url.strip()}") if url and url.strip() else ""


def compose(*parts: str | None) -> str:
    """Join answer parts: sentences with spaces, a "Læs mere" line on its own line."""
    body = " ".join(p.strip() for p in parts if p and p.strip() and not isinstance(p, Link))
    links = [p.strip() for p in parts if p and isinstance(p, Link)]
    return "\n".join([body, *links]) if links else body


def situation_label(situation: str, rules: Iterable[Mapping[str, Any]]) -> str:
    """A situation slug as a label: "ny-paa-ydelse" → "Ny i kommunen og på ydelse", else the
    target group of its rules ("Unge under 30"), else the slug in words."""
    if situation in SITUATION_LABELS:
        return SITUATION_LABELS[situation]
    for rule in rules:
        if rule.get("situation") == situation and rule.get("target_group"):
            return rule["target_group"][:1].upper() + rule["target_group"][1:]
    return situation.replace("-", " ").capitalize()
