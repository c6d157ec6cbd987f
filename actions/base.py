"""What every answering action shares: the safety net, the conversation's memory of the last
answer, and sending an answer.

``FactsAction`` is abstract (rasa-sdk registers only concrete ``Action`` subclasses); a
subclass sets ``action_name`` and writes ``answer``. Its ``run`` first tries the message as a
follow-up on the last answer, else calls ``answer``. When that could only decline (out of
scope, an unknown name, a clarification) or give an overview, it searches all content first.
It counts misunderstood turns and, after ``HUMAN_ROUTE_AFTER`` in a row, offers the route to
a person instead of another guess; an answer resets the count. When the facts service is down
or anything else goes wrong it says ``utter_service_down`` instead of raising or going silent.

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
MISUNDERSTOOD_SLOT = "misunderstood_count"  # misunderstood turns in a row
LAST_ANSWER_SLOT = "last_answer"  # answer id of the last answer, for follow-ups
SUGGESTIONS_SLOT = "suggestions"  # "kind:key" of the records last offered as buttons
HUMAN_ROUTE_AFTER = 2
# Answers that decline: the assistant searches all content before it sends one of them.
DECLINING = frozenset({"fallback:clarify", "text:out_of_scope", "place:unknown", "offer:unknown"})
# Answers that mean the assistant did not understand: counted, and not a topic to follow up.
MISUNDERSTOOD = DECLINING | {"search:suggestions", "fallback:human"}
# Overviews: right for a general question; a clear match for one record answers better. The
# lists of offers are not among them: "har I et tilbud til mig" wants the list.
OVERVIEWS = frozenset(
    {
        "org:all",
        "codex:all",
        "advisory_sessions:places",
        "appointment:all",
        "text:help_overview",
    }
)

Domain = dict[str, Any]


class FactsAction(Action, ABC):
    """An action that answers from the facts service and never raises."""

    action_name: str  # as in domain.yml

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        """Send the answer; return extra events (slot updates)."""

    # Whether a decline may become record suggestions (buttons); else only a clear match
    # replaces it.
    suggests_records = False

    def events_when_down(self, tracker: Tracker) -> list[EventType]:
        """Events to return when the facts service could not answer."""
        return []

    def say_unavailable(self, dispatcher: CollectingDispatcher, domain: Domain) -> None:
        """What to say when the facts service could not answer (no facts in it)."""
        dispatcher.utter_message(response=SERVICE_DOWN_RESPONSE)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        try:
            events = await self.respond(dispatcher, tracker, domain)
        except FactsUnavailable:
            dispatcher.messages.clear()
            self.say_unavailable(dispatcher, domain)
            return self.events_when_down(tracker)
        except Exception as exc:  # noqa: BLE001 - the citizen must get an answer, never silence
            logger.error("%s failed: %s at %s", self.name(), type(exc).__name__, _where(exc))
            dispatcher.messages.clear()
            self.say_unavailable(dispatcher, domain)
            return self.events_when_down(tracker)
        if has_marker(latest_text(tracker)) and intent_name(tracker) not in NO_REMINDER_INTENTS:
            dispatcher.utter_message(response=PRIVACY_REMINDER_RESPONSE)
        return events

    async def respond(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        from actions import answers  # it imports the topic modules, which import this one

        events = await answers.follow_up(dispatcher, tracker)
        if events is None:
            events = await self.answer(dispatcher, tracker, domain)
        declined = _all_in(answer_ids(dispatcher), DECLINING)
        if declined or _all_in(answer_ids(dispatcher), OVERVIEWS):
            found = await answers.instead_of_declining(
                dispatcher, tracker, suggest=declined and self.suggests_records
            )
            events = [*events, *(found or [])]
        sent = answer_ids(dispatcher)
        if not _all_in(sent, MISUNDERSTOOD):
            last = [SlotSet(LAST_ANSWER_SLOT, sent[-1])] if sent else []
            return [*events, SlotSet(MISUNDERSTOOD_SLOT, 0.0), *last]
        count = misunderstood_count(tracker) + 1
        if count >= HUMAN_ROUTE_AFTER:
            dispatcher.messages.clear()
            await answers.say_human_route(dispatcher, tracker)
        return [*events, SlotSet(MISUNDERSTOOD_SLOT, float(count))]


def answer_ids(dispatcher: CollectingDispatcher) -> list[str]:
    """The answer ids of the messages sent so far in this run."""
    return [
        m["custom"]["answer_id"]
        for m in dispatcher.messages
        if isinstance(m.get("custom"), dict) and m["custom"].get("answer_id")
    ]


def _all_in(ids: list[str], group: frozenset[str]) -> bool:
    return bool(ids) and all(i in group for i in ids)


def misunderstood_count(tracker: Tracker) -> int:
    value = tracker.get_slot(MISUNDERSTOOD_SLOT)
    try:
        return max(int(float(value or 0)), 0)
    except (TypeError, ValueError):
        return 0


def _where(exc: BaseException) -> str:
    """File:line of the innermost frame, without the exception message (it may hold user text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


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
