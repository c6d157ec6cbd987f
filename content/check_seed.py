"""Check content/seed.yml against the shape in docs/contract.md ("Content file").

Run: .venv/bin/python content/check_seed.py [path]   (default: content/seed.yml)
Exit code 0 when the file is valid, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from api.content_io import REQUIRED_TEXT_KEYS  # noqa: E402

DEFAULT_PATH = Path(__file__).with_name("seed.yml")

RECORD_KEYS = {
    "places": {
        "slug",
        "name",
        "aliases",
        "description",
        "street",
        "house_number",
        "postcode",
        "city",
        "area_note",
        "phone",
        "email",
        "url",
        "accessibility",
        "source",
        "last_verified",
    },
    "sessions": {
        "slug",
        "place",
        "title",
        "kind",
        "description",
        "appointment_needed",
        "frequency_note",
        "valid_from",
        "valid_to",
        "slots",
        "exceptions",
        "source",
        "last_verified",
    },
    "offers": {
        "slug",
        "name",
        "aliases",
        "audience",
        "target_groups",
        "description",
        "how_to_get",
        "unit",
        "url",
        "source",
        "last_verified",
    },
    "codex": {"number", "title", "description", "source", "last_verified"},
    "process_rules": {
        "slug",
        "situation",
        "target_group",
        "what_happens",
        "deadline",
        "rule_type",
        "source",
        "last_verified",
    },
    "org_units": {"slug", "name", "short_name", "description", "source", "last_verified"},
    "faq": {
        "slug",
        "questions",
        "answer",
        "topic",
        "status",
        "url",
        "source",
        "last_verified",
    },
    "texts": {"key", "title", "body", "source", "last_verified"},
}
TOP_KEYS = {"version", *RECORD_KEYS}
NULLABLE = {
    "street",
    "house_number",
    "postcode",
    "area_note",
    "phone",
    "email",
    "url",
    "accessibility",
    "appointment_needed",
    "frequency_note",
    "valid_from",
    "valid_to",
    "how_to_get",
    "unit",
    "deadline",
}
SLOT_KEYS = {"weekday", "start", "end", "staff", "notes"}
EXCEPTION_KEYS = {"date", "kind", "start", "end", "note"}

REQUIRED_PLACES = {
    "jobcenter",
    "borgerservice",
    "ungeafdelingen",
    "huset-tvaers",
    "slotsgaarden",
    "perron-4",
    "bysekretariatet",
    "no17",
}
REQUIRED_SITUATIONS = {
    "sygedagpenge",
    "ledighedsydelse",
    "ny-paa-ydelse",
    "laengere-fra-arbejdsmarkedet",
    "flygtning-indvandrer",
}
SITUATIONS = REQUIRED_SITUATIONS | {"alle"}
REQUIRED_TEXTS = set(REQUIRED_TEXT_KEYS)  # one list, kept by the facts service
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
FAQ_TOPICS = {
    "locations",
    "advisory_hours",
    "offers",
    "codex",
    "process",
    "org",
    "smalltalk",
    "human",
}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
# Eight or more digits, optionally grouped by spaces, dots or dashes, optionally after +45.
PHONE_RE = re.compile(r"(?<![\d.,])(?:\+45[\s.-]?)?\d(?:[\s.-]?\d){7,}(?![\d,])")
CALL_RE = re.compile(
    r"\b(?:tlf\.?|telefon\w*|ring\w*)\s+(?:\w+\s+){0,3}?(?:på\s+)?(\+?\d[\d\s]*\d)"
)
ALLOWED_NUMBERS = {"112", "70201201"}
CPR_RE = re.compile(r"(?<!\d)\d{6}[-\s]?\d{4}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
WEB_RE = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:dk|com|org|net|eu)\b", re.IGNORECASE)
ALLOWED_DOMAINS = {"livslinien.dk"}
POSTCODE_RE = re.compile(r"^\d{4}$")


def strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every string inside value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{path}[{i}]")


def record_id(kind: str, record: dict, index: int) -> str:
    ident = record.get("slug", record.get("key", record.get("number", index)))
    return f"{kind}[{ident}]"


def is_date(value: object) -> bool:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return True
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False


def check_shape(data: dict) -> list[str]:
    errors = []
    if not isinstance(data, dict):
        return ["file: top level must be a mapping"]
    if data.get("version") != 1:
        errors.append("version: must be 1")
    for key in sorted(set(data) ^ TOP_KEYS):
        errors.append(f"{key}: {'unknown' if key in data else 'missing'} top-level key")
    for kind, keys in RECORD_KEYS.items():
        records = data.get(kind)
        if not isinstance(records, list):
            errors.append(f"{kind}: must be a list")
            continue
        for i, record in enumerate(records):
            rid = record_id(kind, record if isinstance(record, dict) else {}, i)
            if not isinstance(record, dict):
                errors.append(f"{rid}: must be a mapping")
                continue
            for key in sorted(keys - set(record)):
                errors.append(f"{rid}: missing key {key!r}")
            for key in sorted(set(record) - keys):
                errors.append(f"{rid}: unknown key {key!r}")
            for key in sorted(keys & set(record)):
                if record[key] is None and key not in NULLABLE:
                    errors.append(f"{rid}: {key!r} must not be null")
            source = record.get("source")
            if not isinstance(source, str) or not source.strip():
                errors.append(f"{rid}: source must be a non-empty text")
            if not is_date(record.get("last_verified")):
                errors.append(f"{rid}: last_verified must be an ISO date")
    return errors


def check_unique(data: dict) -> list[str]:
    errors = []
    for kind in RECORD_KEYS:
        id_key = {"codex": "number", "texts": "key"}.get(kind, "slug")
        seen: set = set()
        for record in data.get(kind) or []:
            ident = record.get(id_key)
            if ident in seen:
                errors.append(f"{kind}: duplicate {id_key} {ident!r}")
            seen.add(ident)
            if id_key == "slug" and not (isinstance(ident, str) and SLUG_RE.match(ident)):
                errors.append(f"{kind}: slug {ident!r} must be lower-case ascii with dashes")
    return errors


def check_aliases(data: dict) -> list[str]:
    errors = []
    for kind in ("places", "offers"):
        owner: dict[str, str] = {}
        for record in data.get(kind) or []:
            aliases = record.get("aliases")
            if not isinstance(aliases, list) or not aliases:
                errors.append(f"{kind}[{record.get('slug')}]: aliases must be a non-empty list")
                continue
            for alias in aliases:
                if not isinstance(alias, str) or alias != alias.strip().lower() or not alias:
                    errors.append(f"{kind}[{record.get('slug')}]: alias {alias!r} not lower case")
                    continue
                if alias in owner and owner[alias] != record.get("slug"):
                    errors.append(
                        f"{kind}: alias {alias!r} used by both {owner[alias]} and {record['slug']}"
                    )
                owner[alias] = record.get("slug")
    return errors


def check_references(data: dict) -> list[str]:
    errors = []
    places = {p.get("slug") for p in data.get("places") or []}
    units = {u.get("slug") for u in data.get("org_units") or []}
    for missing in sorted(REQUIRED_PLACES - places):
        errors.append(f"places: required place {missing!r} missing")
    for session in data.get("sessions") or []:
        if session.get("place") not in places:
            errors.append(
                f"sessions[{session.get('slug')}]: unknown place {session.get('place')!r}"
            )
    for offer in data.get("offers") or []:
        if offer.get("unit") is not None and offer.get("unit") not in units:
            errors.append(f"offers[{offer.get('slug')}]: unknown unit {offer.get('unit')!r}")
    return errors


def check_slot(sid: str, slot: object) -> list[str]:
    if not isinstance(slot, dict):
        return [f"{sid}: slot must be a mapping"]
    errors = [f"{sid}: slot key {k!r} missing" for k in sorted(SLOT_KEYS - set(slot))]
    errors += [f"{sid}: slot key {k!r} unknown" for k in sorted(set(slot) - SLOT_KEYS)]
    if slot.get("weekday") not in WEEKDAYS:
        errors.append(f"{sid}: weekday {slot.get('weekday')!r} is not an English weekday name")
    errors += check_times(sid, slot.get("start"), slot.get("end"))
    return errors


def check_times(sid: str, start: object, end: object) -> list[str]:
    if start is None and end is None:
        return []
    if start is None or end is None:
        return [f"{sid}: start and end must both be set or both be null"]
    errors = [
        f"{sid}: time {t!r} must be text HH:MM"
        for t in (start, end)
        if not (isinstance(t, str) and TIME_RE.match(t))
    ]
    if not errors and start >= end:
        errors.append(f"{sid}: start {start} must be before end {end}")
    return errors


def check_sessions(data: dict) -> list[str]:
    errors = []
    for session in data.get("sessions") or []:
        sid = f"sessions[{session.get('slug')}]"
        if session.get("kind") not in {"advisory", "opening_hours"}:
            errors.append(f"{sid}: kind must be advisory or opening_hours")
        if session.get("appointment_needed") not in (True, False, None):
            errors.append(f"{sid}: appointment_needed must be true, false or null")
        slots = session.get("slots")
        if not isinstance(slots, list):
            errors.append(f"{sid}: slots must be a list")
        else:
            for slot in slots:
                errors += check_slot(sid, slot)
            if not slots and not session.get("frequency_note"):
                errors.append(f"{sid}: without slots a frequency_note must say what is known")
        exceptions = session.get("exceptions")
        if not isinstance(exceptions, list):
            errors.append(f"{sid}: exceptions must be a list")
            continue
        for exc in exceptions:
            if not isinstance(exc, dict) or set(exc) != EXCEPTION_KEYS:
                errors.append(f"{sid}: exception must have keys {sorted(EXCEPTION_KEYS)}")
                continue
            if exc["kind"] not in {"closed", "extra"} or not is_date(exc["date"]):
                errors.append(f"{sid}: exception needs kind closed|extra and an ISO date")
            errors += check_times(sid, exc["start"], exc["end"])
        for key in ("valid_from", "valid_to"):
            if session.get(key) is not None and not is_date(session.get(key)):
                errors.append(f"{sid}: {key} must be an ISO date or null")
    return errors


def check_enums(data: dict) -> list[str]:
    errors = []
    for offer in data.get("offers") or []:
        oid = f"offers[{offer.get('slug')}]"
        if offer.get("audience") not in {"citizen", "company"}:
            errors.append(f"{oid}: audience must be citizen or company")
        groups = offer.get("target_groups")
        if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
            errors.append(f"{oid}: target_groups must be a list of texts")
    situations = set()
    for rule in data.get("process_rules") or []:
        situations.add(rule.get("situation"))
        if rule.get("situation") not in SITUATIONS:
            errors.append(f"process_rules[{rule.get('slug')}]: unknown situation")
        if rule.get("rule_type") not in {"local", "national"}:
            errors.append(f"process_rules[{rule.get('slug')}]: rule_type must be local|national")
    for missing in sorted(SITUATIONS - situations):
        errors.append(f"process_rules: no rule for situation {missing!r}")
    numbers = sorted(c.get("number") for c in data.get("codex") or [] if isinstance(c, dict))
    if numbers != list(range(1, len(numbers) + 1)):
        errors.append(f"codex: numbers must run 1..n, got {numbers}")
    return errors


def check_faq_and_texts(data: dict) -> list[str]:
    errors = []
    published = 0
    for entry in data.get("faq") or []:
        fid = f"faq[{entry.get('slug')}]"
        questions = entry.get("questions")
        if not isinstance(questions, list) or not 2 <= len(questions) <= 5:
            errors.append(f"{fid}: needs 2-5 question variants")
        if entry.get("topic") not in FAQ_TOPICS:
            errors.append(f"{fid}: unknown topic {entry.get('topic')!r}")
        if entry.get("status") not in {"published", "draft"}:
            errors.append(f"{fid}: status must be published or draft")
        published += entry.get("status") == "published"
    if not 30 <= published <= 50:
        errors.append(f"faq: {published} published entries, expected 30-50")
    keys = {t.get("key") for t in data.get("texts") or []}
    for missing in sorted(REQUIRED_TEXTS - keys):
        errors.append(f"texts: required key {missing!r} missing")
    for text in data.get("texts") or []:
        if not isinstance(text.get("body"), str) or not text["body"].strip():
            errors.append(f"texts[{text.get('key')}]: body must be a non-empty text")
    return errors


def check_invented_contacts(data: dict) -> list[str]:
    """No phone numbers, e-mail, CPR numbers or web addresses except the allowed ones."""
    errors = []
    for path, text in strings(data, "seed"):
        for match in PHONE_RE.finditer(text):
            if re.sub(r"\D", "", match.group()) not in ALLOWED_NUMBERS:
                errors.append(f"{path}: phone-number-like digits {match.group()!r}")
        for match in CALL_RE.finditer(text):
            if re.sub(r"\D", "", match.group(1)) not in ALLOWED_NUMBERS:
                errors.append(f"{path}: number to call {match.group(1)!r} is not allowed")
        for match in CPR_RE.finditer(text):
            errors.append(f"{path}: CPR-like number {match.group()!r}")
        for match in EMAIL_RE.finditer(text):
            errors.append(f"{path}: e-mail address {match.group()!r}")
        for match in WEB_RE.finditer(text):
            if match.group().lower() not in ALLOWED_DOMAINS:
                errors.append(f"{path}: web address {match.group()!r}")
    for place in data.get("places") or []:
        postcode = place.get("postcode")
        if postcode is not None and not POSTCODE_RE.match(str(postcode)):
            errors.append(f"places[{place.get('slug')}]: postcode must be four digits")
    return errors


CHECKS = (
    check_shape,
    check_unique,
    check_aliases,
    check_references,
    check_sessions,
    check_enums,
    check_faq_and_texts,
    check_invented_contacts,
)


def check(data: object) -> list[str]:
    """Return a list of problems; empty when the content is valid."""
    errors = check_shape(data)
    if errors and not isinstance(data, dict):
        return errors
    for func in CHECKS[1:]:
        errors += func(data)
    return errors


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        print(f"{path}: cannot read: {exc}")
        return 1
    errors = check(data)
    for error in errors:
        print(error)
    if errors:
        print(f"{path}: {len(errors)} problem(s)")
        return 1
    counts = ", ".join(f"{k}={len(data[k])}" for k in RECORD_KEYS)
    print(f"{path}: ok ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
