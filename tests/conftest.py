"""Fixtures shared by the end-to-end and browser tests: the three real servers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "jobcenter.tar.gz"
# The end-to-end Rasa runs as behind one reverse proxy: the client address comes from
# X-Forwarded-For, so tests can speak as many clients. The per-address limit is raised so the
# whole suite, sent from one machine, stays under it; tests/e2e/test_limits.py checks it.
E2E_CHAT_ENV = {"SANIC_PROXIES_COUNT": "1", "CHAT_RATE_PER_ADDRESS": "300/minute"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """Facts service, action server and Rasa on free ports, with a fresh seeded database.

    Rasa reaches the action server, and the actions reach the facts service, through
    recording proxies (``stack.to_actions``, ``stack.to_facts``) so tests can check what
    crossed each wire. Session-scoped: Rasa takes ~30 s to load a model.
    """
    from scripts.stack import Stack, StackConfig, prepare_database
    from tests.e2e.recorder import RecordingProxy

    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (the test target does).")
    var = tmp_path_factory.mktemp("stack")
    cfg = StackConfig.on_free_ports(var, model=MODEL, chat_env=E2E_CHAT_ENV)
    to_actions = RecordingProxy(cfg.actions_url).start()
    to_facts = RecordingProxy(cfg.facts_url).start()
    cfg.action_webhook_url = f"{to_actions.url}/webhook"
    cfg.facts_url_for_actions = to_facts.url
    prepare_database(cfg)
    running = Stack(cfg)
    running.to_actions, running.to_facts = to_actions, to_facts
    with running:
        yield running
    to_actions.stop()
    to_facts.stop()
    if (ROOT / "test-artifacts").exists():
        shutil.copytree(cfg.log_dir, ROOT / "test-artifacts" / "stack-logs", dirs_exist_ok=True)
