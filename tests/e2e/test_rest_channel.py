"""End to end: Rasa's REST channel → custom action → facts service database, all real."""

from pathlib import Path

import httpx
import pytest
import yaml

from tests.e2e.chat import ask, texts

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvor ligger jobcentret?", "Regimentvej"),
        ("hvor er borgerservice", "Odinsgade"),
        ("hvor ligger ungeafdelingen", "Sct. Peders Gade"),
        ("hvor ligger jobcentert henne", "Regimentvej"),  # typo
        ("hvor finder jeg borger service", "Odinsgade"),
    ],
)
def test_place_question_is_answered_from_the_facts_service(stack, question, expected):
    to_actions, to_facts = len(stack.to_actions.requests), len(stack.to_facts.requests)
    reply = texts(ask(stack, question))
    assert expected in reply
    # The answer came from a custom action that read the facts service.
    assert any(r.path == "/webhook" for r in stack.to_actions.requests[to_actions:])
    assert any(r.path.startswith("/api/") for r in stack.to_facts.requests[to_facts:])


def test_status_endpoint_reports_the_active_spacy_pipeline(stack):
    info = httpx.get(f"{stack.cfg.rasa_url}/webhooks/rest/pipeline", timeout=5).json()
    assert info["loaded"] is True
    assert info["name"] in {"da_core_news_sm", "da_randers_offline_sm"}
    assert info["official"] is (info["name"] == "da_core_news_sm")
    assert info["version"]
    assert "lemmatizer" in info["components"]
    log = (stack.cfg.log_dir / "rasa.log").read_text(errors="replace")
    assert f"spaCy pipeline in use: {info['name']}" in log


def test_facts_service_down_gets_a_polite_answer(stack):
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    down = [r["text"] for r in domain["responses"]["utter_service_down"]]
    stack.stop(only=("facts",))
    try:
        reply = texts(ask(stack, "hvor ligger borgerservice"))
        assert reply in down
    finally:
        stack.start(only=("facts",))
        stack.wait_healthy(timeout=60)
    assert "Odinsgade" in texts(ask(stack, "hvor ligger borgerservice"))


def test_greeting_buttons_carry_their_entities_and_rasa_logs_no_interpolation_error(stack):
    """A response button with JSON in its payload reaches the widget as JSON, and Rasa's
    response interpolator does not take the JSON for a missing slot (an ERROR per message)."""
    reply = ask(stack, "/greet")
    payloads = [b["payload"] for m in reply for b in m.get("buttons") or []]
    assert '/ask_location{"place": "jobcenter"}' in payloads
    log = (stack.cfg.log_dir / "rasa.log").read_text(errors="replace")
    assert "interpolator" not in log
    assert "The specified slot name does not exist" not in log
