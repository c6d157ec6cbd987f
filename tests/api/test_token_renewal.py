"""Sliding expiry: POST /api/auth/renew gives a fresh token while the editor is in use, never
past TOKEN_MAX_HOURS after the password was entered; TOKEN_SECONDS sets a short test lifetime."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient

from api.auth.security import ALGORITHM, make_token
from api.settings import Settings
from tests.api.conftest import PASSWORD, SECRET, add_user, build_app, make_settings, sign_in

MAX_HOURS = Settings.model_fields["token_max_hours"].default


def claims_of(token: str) -> dict:
    return jwt.decode(token, SECRET, algorithms=[ALGORITHM])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def forged(signed_in_ago: timedelta, valid_for: timedelta = timedelta(minutes=5)) -> str:
    """A token of the test secret for 'editor', signed in ``signed_in_ago``."""
    now = datetime.now(UTC)
    return make_token(
        "editor",
        "editor",
        SECRET,
        issued_at=now,
        expires=now + valid_for,
        signed_in_at=now - signed_in_ago,
    )


def test_renew_gives_a_later_token_with_the_same_sign_in_time(client, editor):
    first = editor["Authorization"].removeprefix("Bearer ")
    time.sleep(1.1)  # a whole second later, so the new expiry is later
    response = client.post("/api/auth/renew", headers=editor)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 30 * 60
    old, new = claims_of(first), claims_of(body["access_token"])
    assert new["exp"] > old["exp"] and new["auth_time"] == old["auth_time"] == old["iat"]
    assert client.get("/api/auth/me", headers=bearer(body["access_token"])).status_code == 200


def test_renew_needs_a_valid_token(client, app):
    add_user(app, "editor", "editor")
    expired = forged(timedelta(minutes=40), valid_for=timedelta(minutes=-1))
    for headers in ({}, bearer("garbage"), bearer(expired)):
        response = client.post("/api/auth/renew", headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_renewal_stops_at_the_hard_maximum(client, app):
    add_user(app, "editor", "editor")
    # One minute before the maximum: the new token ends with it, not 30 minutes later.
    nearly = forged(timedelta(hours=MAX_HOURS) - timedelta(minutes=1))
    body = client.post("/api/auth/renew", headers=bearer(nearly)).json()
    assert 0 < body["expires_in"] <= 60
    assert claims_of(body["access_token"])["auth_time"] == claims_of(nearly)["auth_time"]
    # Past the maximum (a token issued before TOKEN_MAX_HOURS was lowered): sign in again.
    beyond = forged(timedelta(hours=MAX_HOURS, minutes=1))
    assert client.post("/api/auth/renew", headers=bearer(beyond)).status_code == 401


def test_a_deleted_account_cannot_renew(client, app, admin):
    add_user(app, "kim", "editor")
    kim = sign_in(client, "kim")
    assert client.delete("/api/staff/users/kim", headers=admin).status_code == 204
    assert client.post("/api/auth/renew", headers=kim).status_code == 401


def test_token_seconds_overrides_token_minutes(tmp_path):
    settings = make_settings(f"sqlite:///{tmp_path / 'facts.db'}", token_seconds=1)
    assert settings.token_lifetime == timedelta(seconds=1)
    assert Settings(facts_env="test").token_lifetime == timedelta(minutes=30)
    app = build_app(settings)
    add_user(app, "kim", "editor")
    with TestClient(app) as client:
        response = client.post("/api/auth/token", data={"username": "kim", "password": PASSWORD})
        assert response.json()["expires_in"] == 1
        headers = bearer(response.json()["access_token"])
        assert client.get("/api/auth/me", headers=headers).status_code == 200
        time.sleep(2.1)
        assert client.get("/api/auth/me", headers=headers).status_code == 401
        assert client.post("/api/auth/renew", headers=headers).status_code == 401


@pytest.mark.parametrize("value", ["0", "-5", str(24 * 60 * 60 + 1)])
def test_token_seconds_must_be_sensible(value, monkeypatch):
    monkeypatch.setenv("TOKEN_SECONDS", value)
    with pytest.raises(ValueError, match="token_seconds"):
        Settings(facts_env="test")
