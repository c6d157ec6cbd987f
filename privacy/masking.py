"""Masking of personal data in what a citizen types, before anything stores or logs it.

``mask`` first normalises the text (``normalise``), then replaces, in this order:

- CPR numbers (``[CPR]``): DDMMYY and four digits, in any grouping (``DDMMYY-XXXX``,
  ``DD MM YY XXXX``, ``DD.MM.YY-XXXX`` ...) with any run of separators between the groups,
  and a date-shaped DDMMYY on its own, which may be the first half of a number split over two
  messages (the first message is stored before the second arrives).
- e-mail addresses (``[EMAIL]``).
- Danish phone numbers (``[TELEFON]``): eight digits as Danes write them (``12345678``,
  ``12 34 56 78``, ``1234 5678``), with or without ``+45``/``0045``.
- every other run of six or more digits (``[NUMMER]``): case numbers, account numbers,
  half of a CPR number. Nothing the assistant needs has six digits in a row (postcodes and
  years have four), so the cost is nil and a number we did not foresee is never kept.
- health details (``[HELBRED]``, see ``privacy.health``), except inside the names, aliases
  and target groups of published content (``protected``): "Tilbage i job med kroniske
  smerter" is the name of an offer, not a diagnosis.

The check digit of a CPR number is deliberately not validated: numbers issued since 2007 need
not satisfy modulus 11, and a mistyped number is just as personal.

Standard library only: the Rasa side (Python 3.10) and the facts service (3.11) both use it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from privacy.health import health_spans

CPR = "[CPR]"
EMAIL = "[EMAIL]"
PHONE = "[TELEFON]"
NUMBER = "[NUMMER]"
HEALTH = "[HELBRED]"
MARKERS = (CPR, EMAIL, PHONE, NUMBER, HEALTH)
# Markers that stand for an identifier (as opposed to a health detail).
IDENTIFIER_MARKERS = (CPR, EMAIL, PHONE, NUMBER)

_EXTRA_DASHES = {"\u2212", "\u2010", "\u2011", "\u2043", "\ufe63", "\uff0d"}


def _normalised_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch.isdigit():  # any script's digit: Arabic-Indic, Devanagari, superscript, ...
        return str(unicodedata.digit(ch))
    if category == "Pd" or ch in _EXTRA_DASHES:
        return "-"
    if category == "Cf":  # zero-width space/joiners, soft hyphen: invisible, so dropped
        return ""
    if ch.isspace() or category in ("Zs", "Zl", "Zp", "Cc"):
        return " "
    return ch


def normalise(text: str) -> str:
    """NFKC, every digit as ASCII, every dash as ``-``, invisible characters dropped
    and all white space (line breaks included) as a plain space."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(_normalised_char(ch) for ch in text)


_SEP = r"[ ./\-]*"  # none, or any run of spaces, dots, slashes and dashes
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0[1-9]|1[0-2])"
_CPR = re.compile(
    rf"(?<!\d)(?<!\d[.:])(?:{_DAY}{_SEP}{_MONTH}{_SEP}\d\d(?:{_SEP}\d{{4}})?)(?![\d])"
    # Not a time range ("10.30-12.30") nor a date with a four-digit year ("12.03.2026").
    r"(?![./\-]\d)"
)
_EMAIL = re.compile(r"[\w.+%'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_PREFIX = r"(?:(?:\+ ?|00)45[ .\-]?)?"
_PHONE_DIGITS = r"(?:\d{2}([ .\-]?)\d{2}\1\d{2}\1\d{2}|\d{4}[ .\-]?\d{4})"  # 2-2-2-2 or 4-4
_PHONE = re.compile(rf"(?<!\d){_PHONE_PREFIX}{_PHONE_DIGITS}(?!\d)")
_LONG_NUMBER = re.compile(r"\d{6,}")


@dataclass
class Masked:
    """The masked text and what kinds of data were removed (never the values)."""

    text: str
    found: list[str] = field(default_factory=list)

    @property
    def health(self) -> bool:
        return "health" in self.found

    @property
    def identifiers(self) -> bool:
        return any(kind != "health" for kind in self.found)


def mask(text: str, protected: Iterable[str] = ()) -> Masked:
    """Normalise ``text`` and mask CPR numbers, e-mails, phone numbers, long numbers and
    health details. ``protected`` phrases (published names) are never masked as health."""
    result = Masked(normalise(text))
    for kind, pattern, marker in (
        ("email", _EMAIL, EMAIL),  # first: an address may hold digits
        ("cpr", _CPR, CPR),
        ("phone", _PHONE, PHONE),
        ("number", _LONG_NUMBER, NUMBER),
    ):
        result.text, n = pattern.subn(marker, result.text)
        if n:
            result.found.append(kind)
    spans = health_spans(result.text, protected)
    if spans:
        result.found.append("health")
        result.text = _replace(result.text, spans, HEALTH)
    return result


def _replace(text: str, spans: list[tuple[int, int]], marker: str) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(marker)
        last = end
    out.append(text[last:])
    return "".join(out)


# Rasa's button-payload shortcut: /intent, an optional @confidence and optional JSON entities.
_SHORTCUT = re.compile(r"^/(?P<intent>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>\{.*\})?$")
_ENTITY_NAME = re.compile(r"^[a-z_]{1,40}$")


def mask_message(text: str, protected: Iterable[str] = ()) -> str:
    """A chat message as Rasa may see it: masked, also inside the JSON entities of a
    button-payload shortcut (``/ask_location{"place": "..."}``), whose JSON can hide digits as
    ``\\u0031``. Entities that are not plain names with a text value are dropped."""
    shortcut = _SHORTCUT.match(normalise(text))
    if not shortcut:
        return mask(text, protected).text
    head = (
        "/" + mask(shortcut.group("intent"), protected).text + (shortcut.group("confidence") or "")
    )
    try:
        entities = json.loads(shortcut.group("entities") or "null")
    except ValueError:
        return head
    if not isinstance(entities, dict):
        return head
    kept = {
        key: mask(value, protected).text
        for key, value in entities.items()
        if _ENTITY_NAME.match(key) and isinstance(value, str)
    }
    return head + json.dumps(kept, ensure_ascii=False)


def has_marker(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def strip_markers(text: str) -> str:
    """The text without markers, for deciding what a message asks."""
    for marker in MARKERS:
        text = text.replace(marker, " ")
    return re.sub(r"\s+", " ", text).strip()
