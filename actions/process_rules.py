"""What happens in a case and by when: ``action_answer_caseworker``, ``action_answer_deadline``.

Rules that apply to everyone have ``situation: alle`` in the content; the rest are answered per
situation, which the bot asks for with buttons when it does not know it yet.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button, situation_buttons
from actions.formatting import compose, first_sentences, sentence
from actions.lookup import find_record, named

ALL_SITUATIONS = "alle"
MAX_RULES = 3
RULE_TYPE_LABELS = {"local": "lokal regel i Randers", "national": "landsdækkende regel"}


class ActionAnswerCaseworker(FactsAction):
    action_name = "action_answer_caseworker"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        rules = await facts_client.process_rules(situation=ALL_SITUATIONS)
        if not rules:
            say(
                dispatcher,
                tracker,
                "Det står ikke i mit indhold endnu. En medarbejder kan fortælle dig mere.",
                answer_id="process:caseworker-none",
                buttons=[contact_button()],
            )
            return []
        rule = rules[0]
        say(
            dispatcher,
            tracker,
            sentence(first_sentences(rule.get("what_happens"), 2)),
            answer_id=f"process:{rule['slug']}",
            buttons=[
                button("Sådan kontakter du os", "contact_human"),
                button("Hvad kan jeg ellers forvente?", "ask_codex"),
            ],
        )
        return []


def rule_text(rule: dict[str, Any]) -> str:
    label = RULE_TYPE_LABELS.get(rule.get("rule_type") or "", "")
    what = sentence(first_sentences(rule.get("what_happens"), 2))
    deadline = (rule.get("deadline") or "").strip().rstrip(".")
    if not deadline:
        return what  # local/national only matters for a deadline
    return compose(what, f"Frist: {deadline} ({label})." if label else f"Frist: {deadline}.")


class ActionAnswerDeadline(FactsAction):
    action_name = "action_answer_deadline"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        situation = await find_record(tracker, "situation")
        if situation is None:
            asked = bool(named(tracker, "situation"))
            await self.ask_situation(dispatcher, tracker, unknown=asked)
            return [SlotSet("situation", None)] if asked else []
        return say_rules(dispatcher, tracker, situation["slug"], situation["rules"])

    async def ask_situation(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, *, unknown: bool
    ) -> None:
        rules = await facts_client.process_rules()
        buttons = situation_buttons([r for r in rules if r.get("situation") != ALL_SITUATIONS])
        if not buttons:
            say(
                dispatcher,
                tracker,
                "Jeg har ingen frister i mit indhold endnu. Spørg din sagsbehandler.",
                answer_id="process:none",
                buttons=[contact_button()],
            )
            return
        first = (
            "Den situation har jeg ingen regler om. "
            if unknown
            else "Det afhænger af din situation. "
        )
        say(
            dispatcher,
            tracker,
            first + "Hvad passer bedst på dig?",
            answer_id="process:ask-situation",
            buttons=buttons,
        )


def say_rules(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    situation: str,
    rules: list[dict[str, Any]],
) -> list[EventType]:
    """What happens and by when in ``situation`` (a rule for everyone is named by its slug)."""
    text = compose(*(rule_text(r) for r in rules[:MAX_RULES]))
    key = rules[0]["slug"] if situation == ALL_SITUATIONS else situation
    say(
        dispatcher,
        tracker,
        text,
        answer_id=f"process:{key}",
        buttons=[button("Hvad kan jeg ellers forvente?", "ask_codex"), contact_button()],
    )
    return [] if situation == ALL_SITUATIONS else [SlotSet("situation", situation)]
