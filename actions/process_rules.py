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
from actions.formatting import button, compose, first_sentences, sentence
from actions.replies import Domain, FactsAction, contact_button, entity_or_slot, is_slug, say

ALL_SITUATIONS = "alle"
MAX_RULES = 3
SITUATION_LABELS = {
    "sygedagpenge": "Sygedagpenge",
    "ledighedsydelse": "Ledighedsydelse",
    "ny-paa-ydelse": "Ny i kommunen og på ydelse",
    "laengere-fra-arbejdsmarkedet": "Længere fra arbejdsmarkedet",
    "flygtning-indvandrer": "Flygtning eller indvandrer",
}
RULE_TYPE_LABELS = {"local": "lokal regel i Randers", "national": "landsdækkende regel"}


class ActionAnswerCaseworker(FactsAction):
    def name(self) -> str:
        return "action_answer_caseworker"

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


def situation_label(situation: str, rules: list[dict[str, Any]]) -> str:
    if situation in SITUATION_LABELS:
        return SITUATION_LABELS[situation]
    for rule in rules:
        if rule.get("situation") == situation and rule.get("target_group"):
            group = rule["target_group"]
            return group[:1].upper() + group[1:]
    return situation.replace("-", " ").capitalize()


def situation_buttons(rules: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One button per situation that has rules (in content order, without "alle")."""
    seen: list[str] = []
    for rule in rules:
        situation = rule.get("situation")
        if situation and situation != ALL_SITUATIONS and situation not in seen:
            seen.append(situation)
    return [button(situation_label(s, rules), "ask_deadline", situation=s) for s in seen]


def rule_text(rule: dict[str, Any]) -> str:
    label = RULE_TYPE_LABELS.get(rule.get("rule_type") or "", "")
    what = sentence(first_sentences(rule.get("what_happens"), 2))
    deadline = (rule.get("deadline") or "").strip().rstrip(".")
    if not deadline:
        return what  # local/national only matters for a deadline
    return compose(what, f"Frist: {deadline} ({label})." if label else f"Frist: {deadline}.")


async def rules_for(situation: str) -> tuple[str, list[dict[str, Any]]]:
    """Rules for a situation slug, or for the situation the text resolves to."""
    if is_slug(situation):
        rules = await facts_client.process_rules(situation=situation)
        if rules:
            return situation, rules
    match = await facts_client.resolve(situation, "situation")
    if match and match.get("slug"):
        return match["slug"], await facts_client.process_rules(situation=match["slug"])
    return situation, []


class ActionAnswerDeadline(FactsAction):
    def name(self) -> str:
        return "action_answer_deadline"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        wanted = entity_or_slot(tracker, "situation")
        slug, rules = await rules_for(wanted) if wanted else ("", [])
        rules = [r for r in rules if r.get("situation") == slug] if slug else []
        if not rules:
            await self.ask_situation(dispatcher, tracker, unknown=bool(wanted))
            return [SlotSet("situation", None)] if wanted else []
        text = compose(*(rule_text(r) for r in rules[:MAX_RULES]))
        say(
            dispatcher,
            tracker,
            text,
            answer_id=f"process:{slug}",
            buttons=[button("Hvad kan jeg ellers forvente?", "ask_codex"), contact_button()],
        )
        return [SlotSet("situation", slug)]

    async def ask_situation(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, *, unknown: bool
    ) -> None:
        buttons = situation_buttons(await facts_client.process_rules())
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
