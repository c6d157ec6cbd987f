"""Check a content file (default: content/seed.yml): what the facts service checks on import,
plus the rules that are the seed's own. An editor export passes it (tests/api/test_content_io.py).

- The file is a ``ContentFile`` (api/content_io.py): sections, fields, types, choices and keys of
  every kind, a source on every record, no key twice. Messages as the service gives them.
- Every reference names a record in the file (an advisory session's place, an offer's unit).
- The places, situations and bot texts the bot asks for are there.
- No invented contact data: no phone numbers, e-mail or web addresses or CPR numbers beyond the
  few allowed ones, and postcodes are four digits.

Run: .venv/bin/python content/check_seed.py [path]
Exit code 0 when the file is valid, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from api import content_io  # noqa: E402
from api.errors import ContentErrors, ContentInvalid  # noqa: E402
from api.kinds import KINDS  # noqa: E402

DEFAULT_PATH = Path(__file__).with_name("seed.yml")

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
    "alle",
}

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


def read(text: str) -> tuple[content_io.ContentFile | None, list[str]]:
    """The content as the facts service reads it, or the problems it reports."""
    try:
        return content_io.parse_yaml(text), []
    except ContentErrors as exc:
        return None, [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors]
    except ContentInvalid as exc:
        return None, [exc.detail]


def check_references(content: content_io.ContentFile) -> list[str]:
    errors = []
    keys = {k.name: {getattr(r, k.key_field) for r in getattr(content, k.section)} for k in KINDS}
    for kind in KINDS:
        for record in getattr(content, kind.section):
            for field, target in kind.references.items():
                value = getattr(record, field)
                if value is not None and value not in keys[target.name]:
                    key = getattr(record, kind.key_field)
                    errors.append(
                        f"{kind.section}[{key}]: {field} {value!r} not in {target.section}"
                    )
    return errors


def check_required(content: content_io.ContentFile) -> list[str]:
    places = {p.slug for p in content.places}
    situations = {r.situation for r in content.process_rules}
    errors = [f"places: required place {p!r} missing" for p in sorted(REQUIRED_PLACES - places)]
    errors += [
        f"process_rules: no rule for situation {s!r}"
        for s in sorted(REQUIRED_SITUATIONS - situations)
    ]
    errors += [f"texts: required key {k!r} missing" for k in content_io.missing_text_keys(content)]
    return errors


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


def check_invented_contacts(content: content_io.ContentFile) -> list[str]:
    """No phone numbers, e-mail, CPR numbers or web addresses except the allowed ones."""
    errors = []
    for path, text in strings(content.model_dump(), "seed"):
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
    for place in content.places:
        if place.postcode is not None and not POSTCODE_RE.match(place.postcode):
            errors.append(f"places[{place.slug}]: postcode must be four digits")
    return errors


def check(text: str) -> list[str]:
    """The problems of a content file; empty when it is valid."""
    content, errors = read(text)
    if content is None:
        return errors
    return check_references(content) + check_required(content) + check_invented_contacts(content)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"{path}: cannot read: {exc}")
        return 1
    errors = check(text)
    for error in errors:
        print(error)
    if errors:
        print(f"{path}: {len(errors)} problem(s)")
        return 1
    content, _ = read(text)
    counts = ", ".join(f"{k.section}={len(getattr(content, k.section))}" for k in KINDS)
    print(f"{path}: ok ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
