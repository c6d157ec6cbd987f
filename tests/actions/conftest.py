"""Fixtures for the action tests: a real facts service with test content, trackers, dispatchers.

The facts service runs from the service environment (``.venv``, Python 3.11) as a subprocess on
a free port with its own SQLite file, migrated and seeded from ``fixtures/content.yml``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client

ROOT = Path(__file__).resolve().parents[2]
SERVICE_PYTHON = ROOT / ".venv" / "bin" / "python"
SERVICE_CLI = ROOT / ".venv" / "bin" / "facts-service"
CONTENT = Path(__file__).with_name("fixtures") / "content.yml"
START_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def service_command() -> list[str]:
    if SERVICE_CLI.exists():
        return [str(SERVICE_CLI)]
    return [str(SERVICE_PYTHON), "-m", "api.cli"]


def service_env(db_path: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(
        FACTS_ENV="test",
        FACTS_SECRET_KEY="test-secret-for-the-action-tests-0123456789",
        DATABASE_URL=f"sqlite:///{db_path}",
        FACTS_PORT=str(port),
        FACTS_HOST="127.0.0.1",
        PYTHONPATH=str(ROOT),  # the console script needs the repo on the path to find `api`
    )
    return env


def run_cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [*service_command(), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        pytest.fail(f"facts-service {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"facts service exited early:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"facts service not healthy after {START_TIMEOUT_S} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def facts_service(tmp_path_factory) -> Iterator[str]:
    """Base URL of a real, seeded facts service (session-scoped)."""
    if not SERVICE_PYTHON.exists():
        pytest.fail("The service environment .venv is missing: run `make setup`.")
    var = tmp_path_factory.mktemp("facts")
    port = free_port()
    env = service_env(var / "facts.db", port)
    run_cli(env, "migrate")
    run_cli(env, "seed", "--file", str(CONTENT))
    log = var / "facts.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [*service_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
            "fallback_count": 0.0,
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
