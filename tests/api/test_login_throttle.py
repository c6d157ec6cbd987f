"""Sign-in throttling: each attempt counted before the password is checked, waits per
(account, client) that grow to a cap, one client slowed across accounts, an admin unlock, the
counts in the database, and every failure and wait in the audit log (never the password).

The concurrent burst against a real server is in tests/api/test_sign_in_burst.py."""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import func, select

from api.audit.models import AuditEntry
from api.auth.models import SignInCounter
from api.auth.throttle import Policy, SignInThrottle
from api.settings import Settings
from tests.api.conftest import PASSWORD, add_user, build_app, make_settings, sign_in

WRONG = "wrong password!"
DEFAULTS = Settings.model_fields
FREE = DEFAULTS["login_free_attempts"].default
CLIENT_FREE = DEFAULTS["login_client_free_attempts"].default
FIRST_DELAY = DEFAULTS["login_first_delay_seconds"].default
MAX_DELAY = DEFAULTS["login_max_delay_minutes"].default * 60


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def attempt(client: TestClient, username: str, password: str = WRONG):
    return client.post("/api/auth/token", data={"username": username, "password": password})


def fail(client: TestClient, username: str, times: int) -> None:
    for _ in range(times):
        response = attempt(client, username)
        assert response.status_code == 401, response.text


def assert_waits(response, seconds: int | None = None) -> int:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    if seconds is not None:
        assert retry_after == seconds
    assert 0 < retry_after <= MAX_DELAY
    if retry_after < 60:
        wait = "1 sekund" if retry_after == 1 else f"{retry_after} sekunder"
    else:
        minutes = math.ceil(retry_after / 60)
        wait = "1 minut" if minutes == 1 else f"{minutes} minutter"
    assert response.json() == {"detail": f"For mange forkerte forsøg. Prøv igen om {wait}."}
    assert "access_token" not in response.text
    return retry_after


def audit_rows(app, action: str | None = None) -> list[AuditEntry]:
    with app.state.session_factory() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            query = query.where(AuditEntry.action == action)
        return list(session.scalars(query))


@pytest.fixture
def clock(app) -> Clock:
    clock = Clock()
    app.state.sign_in_throttle = SignInThrottle(app.state.sign_in_throttle.policy, clock=clock)
    return clock


@pytest.fixture
def kim(app) -> str:
    add_user(app, "kim", "editor")
    return "kim"


def other_client(app, address: str = "10.0.0.2") -> TestClient:
    return TestClient(app, client=(address, 50000))


def test_after_the_free_attempts_even_the_right_password_waits(client, kim, clock):
    fail(client, kim, FREE)
    assert_waits(attempt(client, kim, PASSWORD), FIRST_DELAY)
    assert_waits(attempt(client, kim, WRONG), FIRST_DELAY)
    clock.advance(FIRST_DELAY)
    assert attempt(client, kim, PASSWORD).status_code == 200


def test_the_waits_double_up_to_the_cap(client, kim, clock):
    fail(client, kim, FREE)
    expected = FIRST_DELAY
    waits = []
    while len(waits) < 8:
        wait = assert_waits(attempt(client, kim))
        assert wait == expected
        waits.append(wait)
        clock.advance(wait - 1)
        assert_waits(attempt(client, kim), 1)  # not a second early
        clock.advance(1)
        assert attempt(client, kim).status_code == 401
        expected = min(expected * 2, MAX_DELAY)
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    assert max(waits) == MAX_DELAY


def test_wrong_password_answer_is_unchanged_before_the_waits(client, kim):
    for _ in range(FREE):
        response = attempt(client, kim)
        assert response.status_code == 401
        assert response.json() == {"detail": "Forkert brugernavn eller adgangskode"}
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert "Retry-After" not in response.headers


def test_another_client_is_not_held_out(app, client, kim, clock):
    """An attacker's failures make only the attacker wait: the account stays open from
    elsewhere, however long the attacker keeps trying."""
    for _ in range(20):  # the attacker waits each wait out and tries again
        response = attempt(client, kim)
        assert response.status_code in (401, 429)
        clock.advance(int(response.headers.get("Retry-After", 0)))
    assert attempt(client, kim).status_code == 401
    assert_waits(attempt(client, kim, PASSWORD), MAX_DELAY)
    with other_client(app) as office:
        assert attempt(office, kim, PASSWORD).status_code == 200


def test_other_usernames_are_not_affected(app, client, kim):
    add_user(app, "maja", "editor")
    fail(client, kim, FREE)
    assert attempt(client, "maja", PASSWORD).status_code == 200
    assert attempt(client, "maja").status_code == 401
    assert_waits(attempt(client, kim, PASSWORD))


def test_success_clears_the_failures(client, kim):
    fail(client, kim, FREE - 1)
    assert attempt(client, kim, PASSWORD).status_code == 200
    fail(client, kim, FREE - 1)  # would be over the limit without the clearing
    assert attempt(client, kim, PASSWORD).status_code == 200


def test_case_and_spaces_share_one_counter(client, kim):
    for typed in ("Kim", " KIM ", "kim", "kIm", "KIM"):
        assert attempt(client, typed).status_code == 401
    assert_waits(attempt(client, " Kim", PASSWORD))


def test_unknown_username_is_treated_like_a_known_one(client, kim):
    for _ in range(FREE):
        known, unknown = attempt(client, kim), attempt(client, "nobody")
        assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
        assert known.headers.get("WWW-Authenticate") == unknown.headers.get("WWW-Authenticate")
    known, unknown = attempt(client, kim), attempt(client, "nobody")
    assert_waits(known, FIRST_DELAY)
    assert_waits(unknown, FIRST_DELAY)


def test_one_client_cannot_spray_many_usernames(app, client, kim, clock):
    for number in range(CLIENT_FREE):
        assert attempt(client, f"gaet{number}").status_code == 401
    assert_waits(attempt(client, kim, PASSWORD), FIRST_DELAY)
    assert_waits(attempt(client, "gaet-igen"), FIRST_DELAY)
    with other_client(app) as office:
        assert attempt(office, kim, PASSWORD).status_code == 200
    clock.advance(FIRST_DELAY)
    assert attempt(client, kim, PASSWORD).status_code == 200


def test_successful_sign_ins_from_a_shared_address_do_not_add_up(app, client):
    """An office behind one address signs in many times a day: only failures count."""
    for number in range(CLIENT_FREE + 5):
        add_user(app, f"medarbejder{number}", "editor")
    for number in range(CLIENT_FREE + 5):
        assert attempt(client, f"medarbejder{number}", PASSWORD).status_code == 200


def test_counts_start_again_after_the_window(app, client, kim, clock):
    fail(client, kim, FREE)
    assert_waits(attempt(client, kim))
    clock.advance(DEFAULTS["login_window_hours"].default * 3600)
    fail(client, kim, FREE)  # five free attempts again
    assert_waits(attempt(client, kim))


def test_an_admin_unlocks_an_account(app, client, kim, clock):
    add_user(app, "boss", "admin")
    admin = sign_in(client, "boss")
    with other_client(app, "10.0.0.3") as elsewhere:
        fail(elsewhere, kim, FREE)
        assert_waits(attempt(elsewhere, kim, PASSWORD))
    fail(client, kim, FREE)
    unlocked = client.post(f"/api/staff/users/{kim}/unlock", headers=admin)
    assert unlocked.status_code == 200, unlocked.text
    assert unlocked.json() == {"username": "kim", "cleared": 2}
    assert attempt(client, kim, PASSWORD).status_code == 200
    with other_client(app, "10.0.0.3") as elsewhere:
        assert attempt(elsewhere, kim, PASSWORD).status_code == 200
    entry = audit_rows(app, "account_unlocked")[-1]
    assert (entry.actor, entry.target, entry.detail) == ("boss", "users/kim", {"cleared": 2})
    assert client.post("/api/staff/users/nobody/unlock", headers=admin).status_code == 404
    editor = sign_in(client, kim)
    assert client.post(f"/api/staff/users/{kim}/unlock", headers=editor).status_code == 403


def test_counts_are_in_the_database_shared_by_every_worker(settings, kim, app):
    """Two app instances on one database (like two uvicorn workers) share the counts."""
    second = build_app(settings)
    with TestClient(app) as one, TestClient(second) as two:
        fail(one, kim, 3)
        fail(two, kim, FREE - 3)
        assert_waits(attempt(one, kim, PASSWORD))
        assert_waits(attempt(two, kim, PASSWORD))
    with app.state.session_factory() as session:
        counts = dict(session.execute(select(SignInCounter.scope, SignInCounter.attempts)).all())
    assert counts == {"account": FREE, "client": FREE}


def test_settings_make_the_policy(tmp_path, monkeypatch):
    monkeypatch.setenv("LOGIN_FREE_ATTEMPTS", "2")
    monkeypatch.setenv("LOGIN_FIRST_DELAY_SECONDS", "90")
    monkeypatch.setenv("LOGIN_MAX_DELAY_MINUTES", "60")
    app = build_app(make_settings(f"sqlite:///{tmp_path / 's.db'}"))
    assert app.state.sign_in_throttle.policy == Policy(
        free_attempts=2, client_free_attempts=CLIENT_FREE, first_delay=90, max_delay=3600,
        window=24 * 3600,
    )  # fmt: skip
    add_user(app, "kim", "editor")
    with TestClient(app) as client:
        fail(client, "kim", 2)
        assert_waits(attempt(client, "kim", PASSWORD), 90)


@pytest.mark.parametrize(
    "values",
    [
        {"login_free_attempts": 0},
        {"login_client_free_attempts": 0},
        {"login_first_delay_seconds": 0},
        {"login_max_delay_minutes": 0},
        {"login_max_delay_minutes": 24 * 60 + 1},
        {"login_window_hours": 0},
        {"login_hash_concurrency": -1},
    ],
)
def test_settings_out_of_bounds_are_refused(tmp_path, values):
    with pytest.raises(ValidationError):
        make_settings(f"sqlite:///{tmp_path / 'b.db'}", **values)


def test_failures_and_waits_are_audited_and_logged_without_the_password(app, client, kim, caplog):
    with caplog.at_level(logging.WARNING, logger="api.auth.service"):
        fail(client, kim, FREE)
        for _ in range(3):
            assert_waits(attempt(client, kim, WRONG))
    failed = audit_rows(app, "sign_in_failed")
    assert [(r.actor, r.client, r.detail) for r in failed] == [
        ("kim", "testclient", {"attempts": n}) for n in range(1, FREE + 1)
    ]
    [started] = audit_rows(app, "sign_in_delay_started")
    assert started.detail == {"scope": "account", "attempts": FREE, "seconds": FIRST_DELAY}
    # Refusals are counted, but written once per wait: an attacker cannot fill the log.
    [refused] = audit_rows(app, "sign_in_refused")
    assert refused.detail == {"scope": "account", "retry_after": FIRST_DELAY}
    messages = [r.getMessage() for r in caplog.records]
    assert messages.count("Log ind mislykkedes: kim fra testclient") == FREE
    assert "Log ind: ventetid for kim fra testclient efter 5 forsøg (30 s, stigende)" in messages
    assert len([m for m in messages if m.startswith("Log ind afvist")]) == 1
    everything = caplog.text + str([(r.actor, r.target, r.detail) for r in audit_rows(app)])
    assert WRONG not in everything and PASSWORD not in everything


def test_a_successful_sign_in_is_audited(app, client, kim):
    assert attempt(client, kim, PASSWORD).status_code == 200
    [entry] = audit_rows(app, "sign_in")
    assert (entry.actor, entry.client) == ("kim", "testclient")


@pytest.mark.parametrize("typed", ["010190-1234", "0101901234", "Mit hemmelige kodeord 2025"])
def test_what_cannot_be_an_account_is_never_written(app, client, caplog, typed):
    """People type odd things into the username field: a CPR number, their password."""
    with caplog.at_level(logging.WARNING, logger="api.auth.service"):
        fail(client, typed, FREE)
        assert_waits(attempt(client, typed))
    assert caplog.records, "the failures were not logged"
    written = caplog.text + str([(r.actor, r.target, r.detail) for r in audit_rows(app)])
    assert "0101" not in written and "1234" not in written and "hemmelige" not in written
    assert {r.actor for r in audit_rows(app)} == {"<ukendt brugernavn>"}


@pytest.mark.parametrize("username", ["010190-1234", "01.01.90-1234"])
def test_an_account_named_like_a_cpr_number_is_never_written(app, client, caplog, username):
    """The masker's CPR pattern decides, in every grouping it knows."""
    add_user(app, username, "editor")
    with caplog.at_level(logging.WARNING, logger="api.auth.service"):
        fail(client, username, 1)
    written = caplog.text + str([(r.actor, r.target, r.detail) for r in audit_rows(app)])
    assert caplog.records and "1234" not in written
    assert {r.actor for r in audit_rows(app)} == {"<ukendt brugernavn>"}


def test_counters_past_their_time_are_deleted_at_the_next_sign_in(app, client, kim, clock):
    fail(client, "nobody", 2)
    clock.advance(24 * 3600 + MAX_DELAY + 1)
    assert attempt(client, kim, PASSWORD).status_code == 200
    with app.state.session_factory() as session:
        left = session.execute(select(SignInCounter.account, SignInCounter.scope)).all()
    assert left == [("", "client")]  # the client's own counter was used just now


def test_audit_entries_past_the_retention_are_deleted_at_a_sign_in(app, client, kim):
    from api.audit import service as audit

    with app.state.session_factory() as session:
        old = datetime.now(UTC) - timedelta(days=DEFAULTS["audit_retention_days"].default + 1)
        audit.record(session, action="sign_in", actor="gammel", at=old)
        session.commit()
    assert attempt(client, kim, PASSWORD).status_code == 200
    with app.state.session_factory() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.actor == "gammel")) == 0


def test_openapi_documents_the_429(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/auth/token"]["post"]
    too_many = operation["responses"]["429"]
    assert too_many["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }
    assert too_many["headers"]["Retry-After"]["schema"] == {"type": "integer"}
    assert "401" in operation["responses"]
