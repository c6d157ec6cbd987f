"""What every answering action shares: the safety net, reading the tracker, sending an answer.

``FactsAction`` is abstract (rasa-sdk registers only concrete ``Action`` subclasses). Its
``run`` calls the subclass's ``answer``; when the facts service is down or anything else goes
wrong it says ``utter_service_down`` instead of raising or going silent, and it resets the
fallback counter because the assistant answered something other than a fallback.

Privacy: nothing here logs or repeats what the user wrote.
"""

from __future__ import annotations

import logging
import re
import traceback
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.facts_client import FactsUnavailable
from actions.formatting import button
from privacy.masking import has_marker

logger = logging.getLogger(__name__)

SERVICE_DOWN_RESPONSE = "utter_service_down"
PRIVACY_REMINDER_RESPONSE = "utter_privacy_reminder"
# Answers that are about personal data or a crisis themselves: no reminder after them.
NO_REMINDER_INTENTS = frozenset({"share_personal_data", "distress"})
FALLBACK_SLOT = "fallback_count"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

Domain = dict[str, Any]


class FactsAction(Action, ABC):
    """An action that answers from the facts service and never raises."""

    @abstractmethod
    def name(self) -> str: ...

    @abstractmethod
    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        """Send the answer; return extra events (slot updates)."""

    def events_when_down(self, tracker: Tracker) -> list[EventType]:
        """Events to return when the facts service could not answer."""
        return [reset_fallback_count()]

    def say_unavailable(self, dispatcher: CollectingDispatcher, domain: Domain) -> None:
        """What to say when the facts service could not answer (no facts in it)."""
        dispatcher.utter_message(response=SERVICE_DOWN_RESPONSE)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        try:
            events = await self.answer(dispatcher, tracker, domain)
        except FactsUnavailable:
            self.say_unavailable(dispatcher, domain)
            return self.events_when_down(tracker)
        except Exception as exc:  # noqa: BLE001 - the citizen must get an answer, never silence
            logger.error("%s failed: %s at %s", self.name(), type(exc).__name__, _where(exc))
            self.say_unavailable(dispatcher, domain)
            return self.events_when_down(tracker)
        if has_marker(latest_text(tracker)) and intent_name(tracker) not in NO_REMINDER_INTENTS:
            dispatcher.utter_message(response=PRIVACY_REMINDER_RESPONSE)
        return [*events, *self.closing_events()]

    def closing_events(self) -> list[EventType]:
        """Events after a successful answer: a real answer ends a run of fallbacks."""
        return [reset_fallback_count()]


def _where(exc: BaseException) -> str:
    """File:line of the innermost frame, without the exception message (it may hold user text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def reset_fallback_count() -> SlotSet:
    return SlotSet(FALLBACK_SLOT, 0.0)


# -- reading the tracker ---------------------------------------------------------------------


def intent_name(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def entity_value(tracker: Tracker, entity: str) -> str | None:
    """The first value of ``entity`` in the latest message."""
    for value in tracker.get_latest_entity_values(entity):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def entity_or_slot(tracker: Tracker, name: str) -> str | None:
    """The entity from the latest message, else the slot kept from earlier turns."""
    value = entity_value(tracker, name)
    if value:
        return value
    slot = tracker.get_slot(name)
    return slot.strip() if isinstance(slot, str) and slot.strip() else None


def free_text(tracker: Tracker) -> str:
    """The latest message text, or "" when it was a button payload (``/intent{...}``)."""
    text = latest_text(tracker).strip()
    return "" if text.startswith("/") else text


async def find_place(tracker: Tracker, *, use_text: bool) -> dict[str, Any] | None:
    """The place record the user means (``find_record``)."""
    return await find_record(tracker, "place", facts_client.place, use_text=use_text)


async def find_offer(tracker: Tracker, *, use_text: bool) -> dict[str, Any] | None:
    """The offer record the user means (``find_record``)."""
    return await find_record(tracker, "offer", facts_client.offer, use_text=use_text)


Fetch = Callable[[str], Awaitable[dict[str, Any] | None]]


async def find_record(
    tracker: Tracker, kind: str, fetch: Fetch, *, use_text: bool
) -> dict[str, Any] | None:
    """The first record that one of these names: each ``kind`` entity of the latest message
    in turn (the entity extractor sometimes marks a stray word before the real name), else the
    slot kept from earlier turns, then (optionally) the raw text."""
    names = [v.strip() for v in tracker.get_latest_entity_values(kind) if isinstance(v, str)]
    names = [n for n in names if n]
    slot = tracker.get_slot(kind)
    if not names and isinstance(slot, str) and slot.strip():
        names.append(slot.strip())
    if use_text and free_text(tracker):
        names.append(free_text(tracker))
    for name in names:
        record = await record_named(name, kind, fetch)
        if record:
            return record
    return None


async def record_named(name: str, kind: str, fetch: Fetch) -> dict[str, Any] | None:
    """A slug or free text → the full record, or None."""
    if is_slug(name):
        record = await fetch(name)
        if record:
            return record
    match = await facts_client.resolve(name, kind)
    if not match or not match.get("slug"):
        return None
    return await fetch(match["slug"])


def is_slug(value: str) -> bool:
    """True for values shaped like the contract's slugs (``huset-tvaers``, ``no17``)."""
    return bool(_SLUG.fullmatch(value or ""))


# -- sending ---------------------------------------------------------------------------------


def say(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    text: str,
    *,
    answer_id: str,
    buttons: list[dict[str, str]] | None = None,
) -> None:
    """One answer bubble with buttons and the rating handle of the contract."""
    dispatcher.utter_message(
        text=text,
        buttons=buttons or [],
        json_message={"answer_id": answer_id, "intent": intent_name(tracker)},
    )


def contact_button() -> dict[str, str]:
    return button("Kontakt en medarbejder", "contact_human")


def topic_buttons() -> list[dict[str, str]]:
    """What the assistant can help with, as a short menu."""
    return [
        button("Hvor ligger jobcentret?", "ask_location", place="jobcenter"),
        button("Åben rådgivning", "ask_advisory_hours"),
        button("Hvad kan I tilbyde?", "list_offers"),
        button("Hvad kan jeg forvente?", "ask_codex"),
        contact_button(),
    ]
