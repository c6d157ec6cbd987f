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


@pytest.mark.parametrize("name", RESPONSES)
def test_response_is_generated_without_errors_and_with_usable_buttons(domain, name, caplog):
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    slots = {slot.name: slot.initial_value for slot in domain.slots}
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
