"""Low-confidence messages and suggestions: ``action_fallback``, ``action_answer_record``.

The fallback asks which topic the user means (topic buttons from the NLU intent ranking).
Before it is sent, ``FactsAction`` searches all content: a clear match is answered, a vague
one becomes suggestion buttons (``/choose_record{"record": "<kind>:<key>"}``), and from the
second misunderstood turn in a row the route to a person comes instead (actions/base.py).
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import say_chosen
from actions.base import MISUNDERSTOOD_SLOT, Domain, FactsAction, misunderstood_count, say
from actions.buttons import topic_buttons_from_ranking


class ActionFallback(FactsAction):
    action_name = "action_fallback"
    suggests_records = True

    def events_when_down(self, tracker: Tracker) -> list[EventType]:
        return [SlotSet(MISUNDERSTOOD_SLOT, float(misunderstood_count(tracker) + 1))]

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        say(
            dispatcher,
            tracker,
            "Jeg er ikke sikker på, at jeg forstod dig. Handler dit spørgsmål om et af "
            "disse emner? Du kan også skrive det med andre ord.",
            answer_id="fallback:clarify",
            buttons=topic_buttons_from_ranking(
                (tracker.latest_message or {}).get("intent_ranking")
            ),
        )
        return []


class ActionAnswerRecord(FactsAction):
    """The record a suggestion button names, or the suggestion the user picks by number."""

    action_name = "action_answer_record"
    suggests_records = True

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        events = await say_chosen(dispatcher, tracker)
        if not dispatcher.messages:
            return await ActionFallback().answer(dispatcher, tracker, domain)
        return events
