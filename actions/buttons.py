"""The buttons the actions send, and the one table of the assistant's topics.

A payload is Rasa's intent shortcut ``/intent{"entity":"value"}``: Rasa takes the message as
that intent with those entities, without NLU.
"""

from __future__ import annotations

import json
from typing import Any

from actions.formatting import situation_label
from actions.language import DA, EN

Button = dict[str, str]

# What the assistant answers, as the intent a topic button sends and its label per language.
# The help menu, the out-of-scope answer and the fallback's clarification all choose from this
# table; for an English reader ``in_language`` (called by ``base.say``) gives every button that
# only names one of these intents its English label.
TOPICS = {
    "ask_location": {DA: "Hvor ligger et sted?", EN: "Where is a place?"},
    "ask_advisory_sessions": {DA: "Åben rådgivning", EN: "Open advisory sessions"},
    "ask_appointment_needed": {DA: "Skal jeg bestille tid?", EN: "Do I need an appointment?"},
    "list_offers": {DA: "Tilbud til borgere", EN: "Offers for citizens"},
    "ask_company_offers": {DA: "Tilbud til virksomheder", EN: "Offers for companies"},
    "ask_codex": {DA: "Hvad kan jeg forvente?", EN: "What can I expect?"},
    "ask_caseworker": {DA: "Min sagsbehandler", EN: "My caseworker"},
    "ask_deadline": {DA: "Frister i min sag", EN: "Deadlines in my case"},
    "ask_organisation": {DA: "Jobcentrets organisation", EN: "How the jobcentre is organised"},
    "ask_reform": {DA: "Reformen i 2025", EN: "The 2025 reform"},
    "contact_human": {DA: "Kontakt en medarbejder", EN: "Contact a member of staff"},
    "complain": {DA: "Klage", EN: "Complaints"},
}
HELP = {DA: "Hvad kan du hjælpe med?", EN: "What can you help with?"}
INTENT_LABELS = {**TOPICS, "help": HELP}  # buttons whose payload is only "/<intent>"
SAME_TOPIC = {"ask_offer_info": "list_offers"}  # intents without a topic button of their own
HELP_MENU = ("ask_location", "ask_advisory_sessions", "list_offers", "ask_codex", "contact_human")
CLARIFY_PADDING = ("ask_advisory_sessions", "list_offers", "ask_location")
MAX_CLARIFY_BUTTONS = 3
RANKING_DEPTH = 6
MAX_PLACE_BUTTONS = 8
MAX_OFFER_BUTTONS = 6


def payload(intent: str, **entities: str | None) -> str:
    """``/intent{"entity":"value"}`` as Rasa expects it in a button payload."""
    values = {k: v for k, v in entities.items() if v is not None}
    if not values:
        return f"/{intent}"
    return f"/{intent}{json.dumps(values, ensure_ascii=False, separators=(',', ':'))}"


def button(title: str, intent: str, **entities: str | None) -> Button:
    return {"title": title, "payload": payload(intent, **entities)}


def topic_button(intent: str, **entities: str | None) -> Button:
    return button(TOPICS[intent][DA], intent, **entities)


def contact_button() -> Button:
    return topic_button("contact_human")


def help_button() -> Button:
    return button(HELP[DA], "help")


def in_language(buttons: list[Button], lang: str) -> list[Button]:
    """The buttons for a reader of ``lang``. In English, a button whose payload only names an
    intent of ``INTENT_LABELS`` gets that intent's English label, whichever action wrote it;
    Danish buttons stay as written, and content names (places, offers) are never translated."""
    if lang == DA:
        return buttons
    labelled = []
    for item in buttons:
        labels = INTENT_LABELS.get(item.get("payload", "").removeprefix("/"))
        labelled.append({**item, "title": labels[lang]} if labels else item)
    return labelled


def help_menu() -> list[Button]:
    """What the assistant can help with, as a short menu."""
    return [topic_button(intent) for intent in HELP_MENU]


def topic_buttons_from_ranking(ranking: list[dict[str, Any]] | None) -> list[Button]:
    """2-3 topic buttons: the likeliest answerable intents, padded with common topics."""
    ranked = [r.get("name") or "" for r in (ranking or [])[:RANKING_DEPTH]]
    chosen: list[str] = []
    for intent in [*ranked, *CLARIFY_PADDING]:
        topic = SAME_TOPIC.get(intent, intent)
        if topic in TOPICS and topic not in chosen:
            chosen.append(topic)
    return [topic_button(topic) for topic in chosen[:MAX_CLARIFY_BUTTONS]]


def place_buttons(places: list[dict[str, Any]], intent: str) -> list[Button]:
    """One button per place (the first few), asking ``intent`` about it."""
    return [button(p["name"], intent, place=p["slug"]) for p in places[:MAX_PLACE_BUTTONS]]


def offer_buttons(offers: list[dict[str, Any]]) -> list[Button]:
    return [
        button(o["name"], "ask_offer_info", offer=o["slug"]) for o in offers[:MAX_OFFER_BUTTONS]
    ]


def situation_buttons(rules: list[dict[str, Any]]) -> list[Button]:
    """One button per situation of ``rules``, in content order."""
    situations = [s for s in dict.fromkeys(r.get("situation") for r in rules) if s]
    return [button(situation_label(s, rules), "ask_deadline", situation=s) for s in situations]
