"""Checks on the NLU training data that `rasa data validate` does not make.

Run in the Rasa environment: `.venv-rasa/bin/pytest tests/nlu`.
Every annotated entity must end up (directly or through a synonym) as one of the values
the actions understand (docs/contract.md, content/seed.yml), and every intent needs enough
varied examples.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

PLACES = {
    "jobcenter", "borgerservice", "ungeafdelingen", "huset-tvaers",
    "slotsgaarden", "perron-4", "bysekretariatet", "no17",
}  # fmt: skip
SITUATIONS = {
    "sygedagpenge", "ledighedsydelse", "ny-paa-ydelse",
    "laengere-fra-arbejdsmarkedet", "flygtning-indvandrer",
}  # fmt: skip
# Words that occur in the offers' target_groups in content/seed.yml (see docs/contract.md).
TARGET_GROUPS = {"unge", "ledige", "ressourceforløb", "højtuddannede", "familier"}
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "tomorrow",
}  # fmt: skip
MIN_EXAMPLES = 25


@pytest.fixture(scope="module")
def training_data():
    from rasa.shared.nlu.training_data.loading import load_data

    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module")
def allowed_values():
    seed = yaml.safe_load((ROOT / "content" / "seed.yml").read_text(encoding="utf-8"))
    return {
        "place": PLACES,
        "offer": {offer["slug"] for offer in seed["offers"]},
        "situation": SITUATIONS,
        "target_group": TARGET_GROUPS,
        "weekday": WEEKDAYS,
    }


def test_every_entity_maps_to_a_known_value(training_data, allowed_values):
    synonyms = training_data.entity_synonyms
    wrong = []
    for example in training_data.nlu_examples:
        for entity in example.get("entities") or []:
            raw = example.get("text")[entity["start"] : entity["end"]].lower()
            value = synonyms.get(raw, entity["value"].lower())
            if value not in allowed_values[entity["entity"]]:
                wrong.append((entity["entity"], raw, value))
    assert not wrong, f"annotations that map to no known value: {wrong}"


def test_every_synonym_target_is_a_known_value(training_data, allowed_values):
    known = set().union(*allowed_values.values())
    unknown = {value for value in training_data.entity_synonyms.values() if value not in known}
    assert not unknown


def test_places_and_situations_of_the_seed_are_covered(allowed_values):
    seed = yaml.safe_load((ROOT / "content" / "seed.yml").read_text(encoding="utf-8"))
    assert {place["slug"] for place in seed["places"]} == PLACES
    assert {rule["situation"] for rule in seed["process_rules"]} - {"alle"} <= SITUATIONS


def test_each_intent_has_enough_distinct_examples(training_data):
    counts = Counter(
        example.get("intent") for example in training_data.intent_examples if example.get("intent")
    )
    thin = {intent: n for intent, n in counts.items() if n < MIN_EXAMPLES}
    assert not thin, f"intents with fewer than {MIN_EXAMPLES} examples: {thin}"


def test_no_example_text_belongs_to_two_intents(training_data):
    seen: dict[str, str] = {}
    clashes = []
    for example in training_data.intent_examples:
        text = " ".join(example.get("text").lower().split())
        intent = example.get("intent")
        if seen.get(text, intent) != intent:
            clashes.append((text, seen[text], intent))
        seen.setdefault(text, intent)
    assert not clashes


def test_every_offer_of_the_seed_has_an_example(training_data, allowed_values):
    synonyms = training_data.entity_synonyms
    mentioned = set()
    for example in training_data.nlu_examples:
        for entity in example.get("entities") or []:
            if entity["entity"] == "offer":
                raw = example.get("text")[entity["start"] : entity["end"]].lower()
                mentioned.add(synonyms.get(raw, entity["value"].lower()))
    assert allowed_values["offer"] - mentioned == set()


def test_everyday_places_exclude_our_own_places_and_offers(training_data):
    """The out-of-scope gazetteer must never mark a word the assistant answers about."""
    lookups = {table["name"]: table["elements"] for table in training_data.lookup_tables}
    everyday = {element.lower() for element in lookups["everyday_place"]}
    ours = {element.lower() for element in lookups["place"] + lookups["offer"]}
    ours |= {raw.lower() for raw in training_data.entity_synonyms}
    our_words = {word for surface in ours for word in surface.split()}
    assert everyday & ours == set()
    assert everyday & our_words == set()
