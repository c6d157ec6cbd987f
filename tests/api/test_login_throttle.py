"""Sign-in throttling: failed sign-ins per username and per client IP, answered with 429."""

from __future__ import annotations

import logging
import math
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.auth.throttle import LoginThrottle
from api.settings import Settings
from tests.api.conftest import PASSWORD, add_user, build_app, make_settings

WRONG = "wrong password!"
WINDOW_SECONDS = Settings.model_fields["login_window_minutes"].default * 60
MAX_FAILURES = Settings.model_fields["login_max_failures"].default
IP_MAX_FAILURES = Settings.model_fields["login_ip_max_failures"].default


def attempt(client: TestClient, username: str, password: str = WRONG):
    return client.post("/api/auth/token", data={"username": username, "password": password})


def fail(client: TestClient, username: str, times: int) -> None:
    for _ in range(times):
        response = attempt(client, username)
        assert response.status_code == 401, response.text


def assert_locked_out(response, window_seconds: int = WINDOW_SECONDS) -> None:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= window_seconds
    minutes = math.ceil(retry_after / 60)
    wait = "1 minut" if minutes == 1 else f"{minutes} minutter"
    assert response.json() == {"detail": f"For mange forkerte forsøg. Prøv igen om {wait}."}
    assert "access_token" not in response.text


@pytest.fixture
def kim(app) -> str:
    add_user(app, "kim", "editor")
    return "kim"


def test_sixth_attempt_is_refused_even_with_the_right_password(client, kim):
    fail(client, kim, MAX_FAILURES)
    assert_locked_out(attempt(client, kim, PASSWORD))
    assert_locked_out(attempt(client, kim, WRONG))


def test_wrong_password_answer_is_unchanged_below_the_limit(client, kim):
    for _ in range(MAX_FAILURES):
        response = attempt(client, kim)
        assert response.status_code == 401
        assert response.json() == {"detail": "Forkert brugernavn eller adgangskode"}
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert "Retry-After" not in response.headers


def test_other_usernames_are_not_affected(app, client, kim):
    add_user(app, "maja", "editor")
    fail(client, kim, MAX_FAILURES)
    assert attempt(client, "maja", PASSWORD).status_code == 200
    assert attempt(client, "maja").status_code == 401
    assert_locked_out(attempt(client, kim, PASSWORD))


def test_success_clears_the_failures(client, kim):
    fail(client, kim, MAX_FAILURES - 1)
    assert attempt(client, kim, PASSWORD).status_code == 200
    fail(client, kim, MAX_FAILURES - 1)  # would be over the limit without the clearing
    assert attempt(client, kim, PASSWORD).status_code == 200


def test_case_and_spaces_share_one_counter(client, kim):
    for typed in ("Kim", " KIM ", "kim", "kIm", "KIM"):
        assert attempt(client, typed).status_code == 401
    assert_locked_out(attempt(client, " Kim", PASSWORD))


def test_unknown_username_is_treated_like_a_known_one(client, kim):
    for _ in range(MAX_FAILURES):
        known, unknown = attempt(client, kim), attempt(client, "nobody")
        assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
        assert known.headers.get("WWW-Authenticate") == unknown.headers.get("WWW-Authenticate")
    known, unknown = attempt(client, kim), attempt(client, "nobody")
    assert_locked_out(known)
    assert_locked_out(unknown)


def test_one_client_cannot_spray_many_usernames(app, client, kim):
    for number in range(IP_MAX_FAILURES):
        assert attempt(client, f"gaet{number}").status_code == 401
    assert_locked_out(attempt(client, kim, PASSWORD))
    assert_locked_out(attempt(client, "gaet-igen"))
    with TestClient(app, client=("10.0.0.2", 50000)) as other_client:
        assert attempt(other_client, kim, PASSWORD).status_code == 200


def test_sign_in_works_again_once_the_window_has_passed(app, client, kim):
    # The settings count in whole minutes; a one-second window keeps the test short.
    app.state.login_throttle = LoginThrottle(
        max_failures=2, ip_max_failures=IP_MAX_FAILURES, window_seconds=1
    )
    fail(client, kim, 2)
    locked = attempt(client, kim, PASSWORD)
    assert_locked_out(locked, window_seconds=1)
    time.sleep(int(locked.headers["Retry-After"]) + 0.1)
    assert attempt(client, kim, PASSWORD).status_code == 200


def test_limits_come_from_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("LOGIN_MAX_FAILURES", "2")
    monkeypatch.setenv("LOGIN_WINDOW_MINUTES", "60")
    app = build_app(make_settings(f"sqlite:///{tmp_path / 's.db'}"))
    add_user(app, "kim", "editor")
    with TestClient(app) as client:
        fail(client, "kim", 2)
        locked = attempt(client, "kim", PASSWORD)
    assert_locked_out(locked, window_seconds=3600)
    assert int(locked.headers["Retry-After"]) > 59 * 60


@pytest.mark.parametrize(
    "values",
    [
        {"login_max_failures": 0},
        {"login_ip_max_failures": 0},
        {"login_window_minutes": 0},
        {"login_window_minutes": 24 * 60 + 1},
    ],
)
def test_settings_out_of_bounds_are_refused(tmp_path, values):
    with pytest.raises(ValidationError):
        make_settings(f"sqlite:///{tmp_path / 'b.db'}", **values)


def test_each_app_counts_on_its_own(tmp_path):
    first = build_app(make_settings(f"sqlite:///{tmp_path / 'a.db'}"))
    second = build_app(make_settings(f"sqlite:///{tmp_path / 'b.db'}"))
    assert first.state.login_throttle is not second.state.login_throttle
    add_user(second, "kim", "editor")
    with TestClient(first) as one:
        fail(one, "kim", MAX_FAILURES)
        assert_locked_out(attempt(one, "kim", PASSWORD))
    with TestClient(second) as two:
        assert attempt(two, "kim", PASSWORD).status_code == 200


def test_lockout_is_logged_without_the_password(client, kim, caplog):
    with caplog.at_level(logging.WARNING, logger="api.auth.router"):
        fail(client, kim, MAX_FAILURES - 1)
        assert caplog.records == []
        fail(client, kim, 1)
    assert [r.getMessage() for r in caplog.records] == ["Log ind spærret for brugernavn kim"]
    assert WRONG not in caplog.text


def test_cpr_like_username_is_not_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="api.auth.router"):
        fail(client, "010190-1234", MAX_FAILURES)
    assert caplog.records, "the lock-out was not logged"
    assert "0101" not in caplog.text and "1234" not in caplog.text


def test_openapi_documents_the_429(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/auth/token"]["post"]
    too_many = operation["responses"]["429"]
    assert too_many["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }
    assert too_many["headers"]["Retry-After"]["schema"] == {"type": "integer"}
    assert "401" in operation["responses"]
