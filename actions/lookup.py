"""Reading the tracker, and finding the record the user means.

Privacy: the user's text goes to the facts service's resolver only; it is never logged.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker

from actions import facts_client
from actions.language import DA, EN

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
AGE_SLOT = "age"
# "jeg er 19", "19 år", "19-årig", "i am 19", "19 years old" (not "19 kr." or "kl. 19")
_AGE = re.compile(
    r"\b(?:jeg er|er jeg|i am|i'm|im)\s+(\d{1,2})\b(?!\s*(?:kr|%|timer|dage|uger|måneder|mdr))"
    r"|\b(\d{1,2})\s*(?:-\s*)?(?:år|aar|årig|aarig|years? old|yo)\b",
    re.IGNORECASE,
)
LANGUAGE_SLOT = "language"


def intent_name(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def language(tracker: Tracker) -> str:
    """The citizen's language: "en" when the ``language`` slot says so, else "da" (the slot is
    set from each message before the action runs: bot/language_policy.py)."""
    return EN if tracker.get_slot(LANGUAGE_SLOT) == EN else DA


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def free_text(tracker: Tracker) -> str:
    """The latest message text, or "" when it was a button payload (``/intent{...}``)."""
    text = latest_text(tracker).strip()
    return "" if text.startswith("/") else text


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    """The values of ``entity`` in the latest message, in order."""
    values = tracker.get_latest_entity_values(entity)
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def entity_value(tracker: Tracker, entity: str) -> str | None:
    """The first value of ``entity`` in the latest message."""
    return next(iter(entity_values(tracker, entity)), None)


def named(tracker: Tracker, name: str, *, use_text: bool = False) -> list[str]:
    """What the user calls ``name``: each entity of the latest message (the entity extractor
    sometimes marks a stray word before the real name), else the slot kept from earlier turns;
    then, with ``use_text``, the raw text."""
    names = entity_values(tracker, name)
    slot = tracker.get_slot(name)
    if not names and isinstance(slot, str) and slot.strip():
        names.append(slot.strip())
    if use_text and free_text(tracker):
        names.append(free_text(tracker))
    return names


def entity_or_slot(tracker: Tracker, name: str) -> str | None:
    """The entity from the latest message, else the slot kept from earlier turns."""
    return next(iter(named(tracker, name)), None)


def is_slug(value: str) -> bool:
    """True for values shaped like the contract's slugs (``huset-tvaers``, ``no17``)."""
    return bool(_SLUG.fullmatch(value or ""))


async def situation_rules(slug: str) -> dict[str, Any] | None:
    """A situation as a record: its slug and its process rules (None without rules)."""
    rules = await facts_client.process_rules(situation=slug)
    return {"slug": slug, "rules": rules} if rules else None


Fetch = Callable[[str], Awaitable[dict[str, Any] | None]]
# The kinds /api/resolve knows, and how to read one by slug.
FETCH: dict[str, Fetch] = {
    "place": facts_client.place,
    "offer": facts_client.offer,
    "situation": situation_rules,
}


async def find_record(tracker: Tracker, kind: str, *, use_text: bool = False) -> dict | None:
    """The first record of ``kind`` that one of the user's names (``named``) leads to: a slug
    is read as it is, else the facts service resolves the name (typos, aliases, free text)."""
    fetch = FETCH[kind]
    for name in named(tracker, kind, use_text=use_text):
        if is_slug(name) and (record := await fetch(name)):
            return record
        match = await facts_client.resolve(name, kind)
        if match and match.get("slug") and (record := await fetch(match["slug"])):
            return record
    return None


def age_in(text: str) -> int | None:
    """The age a citizen states about themselves, if any."""
    match = _AGE.search(text or "")
    if not match:
        return None
    age = int(match.group(1) or match.group(2))
    return age if 14 <= age <= 99 else None


def stated_age(tracker: Tracker) -> int | None:
    """The age from the latest message, else the one told earlier in the conversation."""
    age = age_in(free_text(tracker))
    if age is None and isinstance(tracker.get_slot(AGE_SLOT), int | float):
        age = int(tracker.get_slot(AGE_SLOT))
    return age
