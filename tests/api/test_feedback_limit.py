"""Citizens' ratings per client address: 429 with Retry-After and a Danish message.

The last tests run the real server (`facts-service serve`, uvicorn) behind a real reverse proxy
to show which address counts: X-Forwarded-For only from a proxy in FORWARDED_ALLOW_IPS.
"""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.feedback.models import Rating
from api.settings import Settings
from tests.api.conftest import PROXY_ADDRESS, build_app, make_settings

RATING = {"answer_id": "places:huset-tvaers", "intent": "ask_location", "helpful": True}


def rate_invalid(client) -> httpx.Response:
    return client.post("/api/feedback", json={"answer_id": "nej", "helpful": "måske"})


def rate(client) -> httpx.Response:
    return client.post("/api/feedback", json=RATING)


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


def test_behind_an_allowed_proxy_each_client_counts_on_its_own(facts_behind_proxy):
    allowed = facts_behind_proxy(FORWARDED_ALLOW_IPS=PROXY_ADDRESS, FEEDBACK_MAX_PER_CLIENT="2")
    with allowed as server:
        first, second = server.client("127.0.0.10"), server.client("127.0.0.20")
        assert [rate(first).status_code for _ in range(2)] == [201, 201]
        assert_limited(rate(first), window_seconds=600)
        assert rate(second).status_code == 201
    assert "huset-tvaers" not in server.log.read_text()


def test_a_proxy_not_allowed_cannot_pick_the_client_address(facts_behind_proxy):
    # Only 10.9.9.9 is a trusted proxy: X-Forwarded-For from this one is ignored, so all its
    # clients count as the proxy.
    untrusted = facts_behind_proxy(FORWARDED_ALLOW_IPS="10.9.9.9", FEEDBACK_MAX_PER_CLIENT="2")
    with untrusted as server:
        clients = [server.client(f"127.0.0.{n}") for n in (10, 20, 30)]
        assert rate(clients[0]).status_code == 201
        assert rate(clients[1]).status_code == 201
        assert_limited(rate(clients[2]), window_seconds=600)
    assert "huset-tvaers" not in server.log.read_text()
