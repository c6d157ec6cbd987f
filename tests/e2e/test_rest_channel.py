"""End to end: Rasa's REST channel → custom action → facts service database, all real."""

from pathlib import Path

import httpx
import pytest
import yaml

from tests.e2e.chat import ask, new_sender, texts

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


def tracker_store_bytes(stack) -> bytes:
    """The SQLite tracker store's files: in WAL mode recent turns are in ``-wal``."""
    files = sorted(stack.cfg.var_dir.glob("rasa-tracker.db*"))
    assert files, "the tracker store exists"
    return b"".join(p.read_bytes() for p in files)


def test_cpr_number_never_leaves_the_input_channel(stack):
    sender = new_sender()
    reply = ask(stack, "mit cpr nummer er 010190-1234 hvornaar faar jeg svar", sender)
    ask(stack, "og mit andet er 0202851235", sender)
    assert reply, "the bot answers"
    assert "010190" not in texts(reply)
    secrets = [b"010190", b"0101901234", b"0202851235", b"020285"]
    tracker_db = tracker_store_bytes(stack)
    logs = b"".join(p.read_bytes() for p in stack.cfg.log_dir.glob("*.log"))
    for secret in secrets:
        assert secret not in tracker_db
        assert secret not in logs
        assert secret not in stack.to_actions.all_bodies()
        assert secret not in stack.to_facts.all_bodies()
    assert b"[CPR]" in tracker_db  # the masked text is what was stored


def test_cpr_message_gets_the_privacy_answer(stack):
    reply = texts(ask(stack, "mit cpr er 0101901234"))
    notice = httpx.get(f"{stack.cfg.facts_url}/api/texts/privacy_notice", timeout=5).json()
    assert notice["body"].split(".")[0] in reply


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


def test_health_details_are_masked_and_answered_with_the_privacy_notice(stack):
    reply = texts(ask(stack, "jeg har diskusprolaps og depression kan jeg faa fleksjob"))
    assert "diskusprolaps" not in reply and "depression" not in reply
    tracker_db = tracker_store_bytes(stack)
    assert b"diskusprolaps" not in tracker_db
    assert b"[HELBRED]" in tracker_db  # the masked text is what was stored
    assert b"diskusprolaps" not in stack.to_actions.all_bodies()
    notice = httpx.get(f"{stack.cfg.facts_url}/api/texts/privacy_notice", timeout=5).json()
    assert notice["body"].split(".")[0] in reply
