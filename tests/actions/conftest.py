"""Fixtures for the action tests: a real facts service with test content, trackers, dispatchers.

The facts service runs from the service environment (``.venv``, Python 3.11) as a subprocess on
a free port with its own SQLite file, migrated and seeded from ``fixtures/content.yml``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from scripts.stack import Stack, StackConfig, free_port, prepare_database

ROOT = Path(__file__).resolve().parents[2]
CONTENT = Path(__file__).with_name("fixtures") / "content.yml"


@pytest.fixture(scope="session")
def facts_service(tmp_path_factory) -> Iterator[str]:
    """Base URL of a real facts service seeded with the test content (session-scoped).

    Started the way `make run` starts it (scripts/stack.py), from the service environment.
    """
    cfg = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("facts"),
        secret_key="test-secret-for-the-action-tests-0123456789",
    )
    prepare_database(cfg, seed_file=CONTENT)
    server = Stack(cfg)
    server.start(only=("facts",))
    try:
        server.wait_healthy(timeout=60)
        yield cfg.facts_url
    finally:
        server.stop()


@pytest.fixture
def facts_url(facts_service, monkeypatch) -> str:
    """Point the actions at the test facts service."""
    monkeypatch.setenv("FACTS_URL", facts_service)
    return facts_service


@pytest.fixture
def facts_down(monkeypatch) -> str:
    """Point the actions at a port where nothing listens."""
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("FACTS_URL", url)
    return url


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
async def _close_facts_clients(anyio_backend) -> Any:
    facts_client.clear_cache()
    yield
    await facts_client.close_clients()
    facts_client.clear_cache()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


DOMAIN: dict[str, Any] = {"responses": {"utter_service_down": [{"text": "nede"}]}}


@pytest.fixture
def domain() -> dict[str, Any]:
    return DOMAIN


def make_tracker(
    intent: str,
    *,
    text: str = "",
    entities: dict[str, str] | None = None,
    slots: dict[str, Any] | None = None,
    intent_ranking: list[tuple[str, float]] | None = None,
) -> Tracker:
    """A tracker whose latest message has ``intent``, ``entities`` and the given slots."""
    ents = [
        {"entity": name, "value": value, "start": 0, "end": 0, "extractor": "test"}
        for name, value in (entities or {}).items()
    ]
    ranking = [{"name": n, "confidence": c} for n, c in (intent_ranking or [(intent, 0.9)])]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": ranking[0]["confidence"]},
        "entities": ents,
        "intent_ranking": ranking,
    }
    state = {
        "sender_id": "test-sender",
        "slots": {
            "place": None,
            "offer": None,
            "situation": None,
            "target_group": None,
            "misunderstood_count": 0.0,
            "last_answer": None,
            "suggestions": None,
            "age": None,
            **(slots or {}),
        },
        "latest_message": latest,
        "events": [{"event": "user", "text": text, "parse_data": latest}],
        "latest_action_name": "action_listen",
    }
    return Tracker.from_dict(state)


@pytest.fixture
def tracker_for():
    return make_tracker


if sys.version_info >= (3, 11):  # pragma: no cover - guard for the wrong environment
    pytest.exit(
        "tests/actions run in .venv-rasa (Python 3.10): .venv-rasa/bin/pytest tests/actions"
    )
