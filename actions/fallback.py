"""Low-confidence messages: ``action_faq_fallback`` and ``action_reset_fallback_count``.

A fallback first searches the published FAQ with the user's text. A good hit is answered with
its source. Otherwise the assistant asks which topic the user means (topic buttons for the NLU
intent ranking); from the second fallback in a row it offers the route to a human instead.
The user's text goes to the facts service search only; it is never logged or repeated.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import FALLBACK_SLOT, Domain, FactsAction, reset_fallback_count, say
from actions.buttons import contact_button, help_button, topic_buttons_from_ranking
from actions.facts_client import FactsUnavailable
from actions.formatting import compose, read_more
from actions.lookup import free_text

FAQ_MIN_SCORE = 70.0  # /api/faq/search scores are 0-100
HUMAN_ROUTE_AFTER = 2  # consecutive fallbacks


def previous_count(tracker: Tracker) -> int:
    value = tracker.get_slot(FALLBACK_SLOT)
    try:
        return max(int(float(value or 0)), 0)
    except (TypeError, ValueError):
        return 0


async def good_faq_hit(tracker: Tracker) -> dict[str, Any] | None:
    """The best published FAQ answer for the user's text, if it is a confident match."""
    query = free_text(tracker)
    if not query:
        return None
    try:
        hits = await facts_client.faq_search(query, limit=3)
    except FactsUnavailable:
        return None  # the clarification needs no facts; carry on without the search
    best = max(hits, key=lambda h: h.get("score") or 0, default=None)
    if best and (best.get("score") or 0) >= FAQ_MIN_SCORE and best.get("answer"):
        return best
    return None


class ActionFaqFallback(FactsAction):
    action_name = "action_faq_fallback"

    def closing_events(self) -> list[EventType]:
        return []  # answer() sets the counter itself

    def events_when_down(self, tracker: Tracker) -> list[EventType]:
        return [SlotSet(FALLBACK_SLOT, float(previous_count(tracker) + 1))]

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        hit = await good_faq_hit(tracker)
        if hit:
            source = f"Kilde: {hit['source']}." if hit.get("source") else ""
            say(
                dispatcher,
                tracker,
                compose(hit["answer"], source, read_more(hit.get("url"))),
                answer_id=f"faq:{hit['slug']}",
                buttons=[help_button(), contact_button()],
            )
            return [reset_fallback_count()]
        count = previous_count(tracker) + 1
        if count >= HUMAN_ROUTE_AFTER:
            await self.offer_human(dispatcher, tracker)
        else:
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
        return [SlotSet(FALLBACK_SLOT, float(count))]

    async def offer_human(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        record = await facts_client.bot_text("human_routes")
        if not record or not record.get("body"):
            raise FactsUnavailable("text human_routes missing")
        say(
            dispatcher,
            tracker,
            compose(
                "Jeg kan desværre ikke finde svaret. En medarbejder kan hjælpe dig.", record["body"]
            ),
            answer_id="fallback:human",
            buttons=[help_button()],
        )


class ActionResetFallbackCount(Action):
    def name(self) -> str:
        return "action_reset_fallback_count"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        return [reset_fallback_count()]
