"""Every response in domain.yml comes out of Rasa's response generator intact and quietly.

Rasa 3.6 fills slots into a response by reading each ``{...}`` as a slot name
(rasa/core/nlg/interpolator.py). A button payload that carries entities as JSON
(``/ask_location{"place": "jobcenter"}``) is then a missing slot: Rasa logs an ERROR for every
such message and sends the response as written. Such payloads double their braces in the
domain, the interpolator's escape, and leave the generator as single-brace JSON.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
import structlog
import yaml
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "domain.yml"
RESPONSES = sorted(yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"])
PAYLOAD = re.compile(r"/(?P<intent>\w+)(?P<entities>\{.*\})?", re.DOTALL)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_FILE))


ENGLISH = [{"type": "slot", "name": "language", "value": "en"}]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("name", RESPONSES)
def test_response_is_generated_without_errors_and_with_usable_buttons(
    domain, name, language, caplog
):
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    slots = {slot.name: slot.initial_value for slot in domain.slots} | {"language": language}
    with structlog.testing.capture_logs() as events, caplog.at_level(logging.WARNING):
        message = nlg.generate_from_slots(name, slots, "rest")
    assert [e for e in events if e["log_level"] in {"warning", "error", "critical"}] == []
    assert [r.getMessage() for r in caplog.records] == []
    assert message and message["text"]
    assert "{{" not in message["text"] and "}}" not in message["text"]
    for button in message.get("buttons") or []:
        parts = PAYLOAD.fullmatch(button["payload"])
        assert parts, button
        assert parts["intent"] in domain.intents
        entities = json.loads(parts["entities"] or "{}")
        assert set(entities) <= set(domain.entities), button


@pytest.mark.parametrize("name", RESPONSES)
def test_every_response_has_one_english_variation_chosen_for_an_english_reader(domain, name):
    """The Danish variation has no condition; the English one is chosen when the ``language``
    slot is "en" (bot/language_policy.py sets it before the response is generated)."""
    variations = domain.responses[name]
    english = [v for v in variations if v.get("condition") == ENGLISH]
    assert len(english) == 1
    assert [v.get("condition") for v in variations if v not in english] == [None]
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    slots = {slot.name: slot.initial_value for slot in domain.slots}
    assert slots["language"] == "da"
    danish = nlg.generate_from_slots(name, slots, "rest")
    assert danish["text"] != english[0]["text"]
    assert (
        nlg.generate_from_slots(name, slots | {"language": "en"}, "rest")["text"]
        == (english[0]["text"])
    )
    payloads = [b["payload"] for b in english[0].get("buttons") or []]
    assert len(payloads) == len(set(payloads))
