"""Citizens' ratings per client address: 429 with Retry-After and a Danish message.

The last test runs the real server (`facts-service serve`, uvicorn) to show which address
counts behind a reverse proxy: X-Forwarded-For only from a proxy in FORWARDED_ALLOW_IPS.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.feedback.models import Rating
from api.settings import REPO_ROOT, Settings
from tests.api.conftest import SECRET, build_app, make_settings

RATING = {"answer_id": "places:huset-tvaers", "intent": "ask_location", "helpful": True}


def rate_invalid(client) -> httpx.Response:
    return client.post("/api/feedback", json={"answer_id": "nej", "helpful": "måske"})


def rate(client, headers: dict[str, str] | None = None) -> httpx.Response:
    return client.post("/api/feedback", json=RATING, headers=headers or {})


def assert_limited(response, window_seconds: int) -> None:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= window_seconds
    detail = response.json()["detail"]
    assert detail.startswith("Du har sendt mange vurderinger på kort tid. Prøv igen om ")


@pytest.fixture
def limited_app(tmp_path):
    settings = make_settings(
        f"sqlite:///{tmp_path / 'f.db'}", feedback_max_per_client=3, feedback_window_minutes=5
    )
    app = build_app(settings)
    yield app
    app.state.engine.dispose()


def test_fourth_rating_in_the_window_is_refused(limited_app, caplog):
    caplog.set_level(logging.DEBUG)
    with TestClient(limited_app) as client:
        assert [rate(client).status_code for _ in range(3)] == [201, 201, 201]
        refused = rate(client)
        assert_limited(refused, window_seconds=300)
        assert refused.json()["detail"].endswith("Prøv igen om 5 minutter.")
        # malformed ratings count too, and are refused before validation
        assert rate_invalid(client).status_code == 429
        with limited_app.state.session_factory() as session:
            assert session.scalar(select(func.count()).select_from(Rating)) == 3
    with TestClient(limited_app, client=("10.0.0.2", 50000)) as other:
        assert rate(other).status_code == 201
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "huset-tvaers" not in logged and "testclient" not in logged
    assert "10.0.0.2" not in logged


def test_default_limit_is_generous_for_a_shared_address():
    assert Settings.model_fields["feedback_max_per_client"].default == 60
    assert Settings.model_fields["feedback_window_minutes"].default == 10


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def real_server(tmp_path, name: str, **env_values: str) -> Iterator[str]:
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / f'{name}.db'}",
        FACTS_PORT=str(port),
        FACTS_SECRET_KEY=SECRET,
        FACTS_ENV="production",
        FEEDBACK_MAX_PER_CLIENT="2",
        **env_values,
    )
    run = [sys.executable, "-m", "api.cli"]
    subprocess.run([*run, "migrate"], env=env, cwd=REPO_ROOT, check=True, capture_output=True)
    log = tmp_path / f"{name}.log"
    with log.open("w") as out:
        server = subprocess.Popen([*run, "serve"], env=env, cwd=REPO_ROOT, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/health", timeout=1)
                break
            except httpx.HTTPError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "huset-tvaers" not in log.read_text()


def forwarded_for(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def test_behind_an_allowed_proxy_each_client_counts_on_its_own(tmp_path):
    # The test client (127.0.0.1) plays the reverse proxy and is named in FORWARDED_ALLOW_IPS.
    with real_server(tmp_path, "allowed", FORWARDED_ALLOW_IPS="127.0.0.1") as url:
        proxy = httpx.Client(base_url=url)
        first, second = forwarded_for("203.0.113.10"), forwarded_for("203.0.113.20")
        assert [rate(proxy, first).status_code for _ in range(2)] == [201, 201]
        assert_limited(rate(proxy, first), window_seconds=600)
        assert rate(proxy, second).status_code == 201


def test_a_proxy_not_allowed_cannot_pick_the_client_address(tmp_path):
    # Only 10.9.9.9 is a trusted proxy: from 127.0.0.1 the header is ignored, so changing it
    # does not escape the limit.
    with real_server(tmp_path, "not-allowed", FORWARDED_ALLOW_IPS="10.9.9.9") as url:
        client = httpx.Client(base_url=url)
        assert rate(client, forwarded_for("203.0.113.10")).status_code == 201
        assert rate(client, forwarded_for("203.0.113.20")).status_code == 201
        assert_limited(rate(client, forwarded_for("203.0.113.30")), window_seconds=600)
