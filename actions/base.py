"""What every answering action shares: the safety net and sending an answer.

``FactsAction`` is abstract (rasa-sdk registers only concrete ``Action`` subclasses). Its
``run`` calls the subclass's ``answer``; when the facts service is down or anything else goes
wrong it says ``utter_service_down`` instead of raising or going silent, and it resets the
fallback counter because the assistant answered something other than a fallback.

Privacy: nothing here logs or repeats what the user wrote.
"""

from __future__ import annotations

import logging
import traceback
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import in_language
from actions.facts_client import FactsUnavailable
from actions.language import DA, ONLY_IN_DANISH
from actions.lookup import intent_name, language, latest_text
from privacy.masking import has_marker

logger = logging.getLogger(__name__)

SERVICE_DOWN_RESPONSE = "utter_service_down"
PRIVACY_REMINDER_RESPONSE = "utter_privacy_reminder"
# Answers that are about personal data or a crisis themselves: no reminder after them.
NO_REMINDER_INTENTS = frozenset({"share_personal_data", "distress"})
FALLBACK_SLOT = "fallback_count"

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


def say(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    text: str,
    *,
    answer_id: str,
    buttons: list[dict[str, str]] | None = None,
    written_in: str = DA,
) -> None:
    """One answer bubble with buttons and the rating handle of the contract.

    ``written_in`` is the language of ``text``. An English reader of a Danish text gets a
    short English note before it; their topic buttons get English labels (``in_language``).
    The answer id is the same in both languages."""
    reader = language(tracker)
    if reader != written_in:
        text = f"{ONLY_IN_DANISH}\n{text}"
    dispatcher.utter_message(
        text=text,
        buttons=in_language(buttons or [], reader),
        json_message={"answer_id": answer_id, "intent": intent_name(tracker)},
    )
