"""Buttons and the topic table (pure functions, no facts service)."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.buttons import (
    HELP_MENU,
    MAX_OFFER_BUTTONS,
    SAME_TOPIC,
    TOPICS,
    button,
    help_menu,
    in_language,
    offer_buttons,
    payload,
    topic_buttons_from_ranking,
)


def test_payloads_are_rasa_intent_syntax():
    assert payload("list_offers") == "/list_offers"
    assert (
        payload("ask_deadline", situation="sygedagpenge")
        == '/ask_deadline{"situation":"sygedagpenge"}'
    )
    assert button("Tværs", "ask_location", place="huset-tvaers") == {
        "title": "Tværs",
        "payload": '/ask_location{"place":"huset-tvaers"}',
    }


def test_topic_buttons_skip_non_topics_and_pad():
    assert [b["payload"] for b in topic_buttons_from_ranking([{"name": "greet"}])] == [
        "/ask_advisory_sessions",
        "/list_offers",
        "/ask_location",
    ]
    same_topic = [{"name": "ask_offer_info"}, {"name": "list_offers"}]
    assert [b["payload"] for b in topic_buttons_from_ranking(same_topic)][:2] == [
        "/list_offers",
        "/ask_advisory_sessions",
    ]
    assert len(topic_buttons_from_ranking(None)) == 3


def test_offer_list_is_short():
    records = [{"slug": f"tilbud-{i}", "name": f"Tilbud {i}"} for i in range(10)]
    assert len(offer_buttons(records)) == MAX_OFFER_BUTTONS == 6


def test_help_menu_and_clarification_label_a_topic_alike():
    help_labels = {b["payload"]: b["title"] for b in help_menu()}
    ranking = [{"name": intent} for intent in HELP_MENU]
    clarify = {b["payload"]: b["title"] for b in topic_buttons_from_ranking(ranking)}
    assert len(clarify) == 3
    assert all(help_labels[payload] == title for payload, title in clarify.items())


def test_every_topic_is_an_intent_of_the_domain():
    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]}
    assert set(TOPICS) | set(SAME_TOPIC) | set(HELP_MENU) <= intents


def test_every_topic_has_a_danish_and_an_english_label():
    assert all(set(labels) == {"da", "en"} for labels in TOPICS.values())
    english = [labels["en"] for labels in TOPICS.values()]
    assert len(set(english)) == len(english)


def test_english_labels_for_buttons_that_only_name_an_intent():
    buttons = [
        button("Sådan kontakter du os", "contact_human"),
        button("Hvad kan du hjælpe med?", "help"),
        button("Tværs", "ask_location", place="huset-tvaers"),
        button("Karriereteamet", "ask_offer_info", offer="karriereteamet"),
    ]
    assert [b["title"] for b in in_language(buttons, "en")] == [
        "Contact a member of staff",
        "What can you help with?",
        "Tværs",
        "Karriereteamet",
    ]
    assert [b["payload"] for b in in_language(buttons, "en")] == [b["payload"] for b in buttons]
    assert in_language(buttons, "da") == buttons
