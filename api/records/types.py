"""Field types shared by the content schemas, with validation messages in Danish."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN, max_length=80)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]
Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
SlugKey = Annotated[
    Slug,
    Field(title="Kort id (slug)", description="Små bogstaver, tal og bindestreg, fx huset-tvaers."),
]
Alias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

WEB_SCHEMES = ("https", "http")
WEB_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$"


def _web_url(value: str) -> str:
    """An http(s) link, kept exactly as typed (pydantic's HttpUrl would rewrite it, and the
    export would then differ from what was imported). Other schemes (javascript:, data:,
    file: ...) are refused: the widget and the editor put these links in pages."""
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValueError("et link må ikke indeholde mellemrum eller usynlige tegn")
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise ValueError("skal være et link, der begynder med https:// (eller http://)")
    return value


WebUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=500),
    AfterValidator(_web_url),
    Field(json_schema_extra={"pattern": WEB_URL_PATTERN, "format": "uri"}),
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DANISH_WEEKDAYS = {
    "mandag": "monday",
    "tirsdag": "tuesday",
    "onsdag": "wednesday",
    "torsdag": "thursday",
    "fredag": "friday",
    "lørdag": "saturday",
    "loerdag": "saturday",
    "søndag": "sunday",
    "soendag": "sunday",
}


def _weekday(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("ugedag skal være tekst, fx monday eller mandag")
    word = value.strip().lower()
    word = DANISH_WEEKDAYS.get(word, word)
    if word not in WEEKDAYS:
        raise ValueError(f"ukendt ugedag '{value}' (brug fx monday eller mandag)")
    return word


def choices(**labels: str) -> dict[str, dict[str, str]]:
    """Danish labels for the values of a choice field (``json_schema_extra``), for the editor."""
    return {"x-labels": labels}


WeekdayName = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Weekday = Annotated[
    WeekdayName,
    BeforeValidator(_weekday),
    Field(
        title="Ugedag",
        json_schema_extra=choices(
            monday="Mandag",
            tuesday="Tirsdag",
            wednesday="Onsdag",
            thursday="Torsdag",
            friday="Fredag",
            saturday="Lørdag",
            sunday="Søndag",
        ),
    ),
]

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::00)?$")


def _clock(value: object) -> object:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # YAML 1.1 reads an unquoted 10:00 as the sexagesimal number 600.
        return time(value // 60, value % 60)
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return time(hour, minute)
    raise ValueError(f"ugyldigt klokkeslæt '{value}' (brug TT:MM, fx 09:30)")


ClockTime = Annotated[
    time,
    BeforeValidator(_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
]
