"""Concurrent sign-ins against a real uvicorn server: the attempt is counted before the
password is checked, so a burst of wrong passwords gets at most LOGIN_FREE_ATTEMPTS checks,
and password checks run at most LOGIN_HASH_CONCURRENCY at once.

Behind a reverse proxy (a real one, in front of `facts-service serve`) the client is the address
in X-Forwarded-For, but only when the proxy is named in FORWARDED_ALLOW_IPS (uvicorn's setting;
`facts-service serve` leaves it to uvicorn, whose default trusts 127.0.0.1 only)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select

from api.audit.models import AuditEntry
from api.auth import service
from tests.api.conftest import (
    PASSWORD,
    PROXY_ADDRESS,
    add_user,
    build_app,
    free_port,
    make_settings,
)

BURST = 30
FREE = 5
WRONG = "wrong password!"


@contextmanager
def serving(app, **config) -> Iterator[str]:
    """The app on a real uvicorn server in a thread of this process."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **config)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def burst(url: str, requests: list[tuple[str, dict[str, str]]]) -> list[httpx.Response]:
    """Sends the (username, headers) sign-ins all at once, one thread each."""
    start = threading.Barrier(len(requests))
    responses: list[httpx.Response | BaseException] = [None] * len(requests)  # type: ignore[list-item]

    def send(index: int, username: str, headers: dict[str, str]) -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            start.wait()
            try:
                responses[index] = client.post(
                    "/api/auth/token",
                    data={"username": username, "password": WRONG},
                    headers=headers,
                )
            except BaseException as exc:  # noqa: BLE001 - reported below
                responses[index] = exc

    threads = [
        threading.Thread(target=send, args=(i, username, headers))
        for i, (username, headers) in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    failed = [r for r in responses if not isinstance(r, httpx.Response)]
    assert not failed, failed
    return responses  # type: ignore[return-value]


@pytest.fixture
def checks(monkeypatch) -> list[float]:
    """Counts the password checks (each records when it ran)."""
    seen: list[float] = []
    real = service.check_password

    def counting(password_hash, password):
        seen.append(time.monotonic())
        return real(password_hash, password)

    monkeypatch.setattr(service, "check_password", counting)
    return seen


@pytest.fixture
def burst_app(tmp_path):
    settings = make_settings(
        f"sqlite:///{tmp_path / 'burst.db'}", login_free_attempts=FREE, login_hash_concurrency=2
    )
    app = build_app(settings)
    add_user(app, "kim", "editor")
    yield app
    app.state.engine.dispose()


def test_concurrent_wrong_passwords_are_checked_at_most_the_free_number(burst_app, checks):
    with serving(burst_app) as url:
        responses = burst(url, [("kim", {})] * BURST)
    codes = Counter(r.status_code for r in responses)
    assert codes[401] == len(checks) <= FREE, codes
    assert codes[429] == BURST - codes[401], codes
    for response in responses:
        if response.status_code == 429:
            assert int(response.headers["Retry-After"]) >= 1
            assert response.json()["detail"].startswith("For mange forkerte forsøg.")
    with burst_app.state.session_factory() as session:
        failed = session.scalar(select(func.count()).where(AuditEntry.action == "sign_in_failed"))
    assert failed == codes[401]
    assert burst_app.state.hash_slots.peak <= 2


def test_password_checks_are_bounded_however_many_clients_try(burst_app, checks):
    """Ten clients (through a trusted proxy), ten accounts: every password is checked, never
    more than LOGIN_HASH_CONCURRENCY at once (each argon2 check takes 64 MiB)."""
    clients = 10
    requests = [(f"konto{i}", {"X-Forwarded-For": f"203.0.113.{i + 1}"}) for i in range(clients)]
    with serving(burst_app, forwarded_allow_ips="127.0.0.1") as url:
        responses = burst(url, requests)
    assert Counter(r.status_code for r in responses) == {401: clients}
    assert len(checks) == clients
    assert burst_app.state.hash_slots.peak == 2


def add_kim(app) -> None:
    add_user(app, "kim", "editor")


def sign_in_from(client: httpx.Client, password: str = WRONG, **headers: str) -> int:
    response = client.post(
        "/api/auth/token", data={"username": "kim", "password": password}, headers=headers
    )
    return response.status_code


def test_behind_a_trusted_proxy_each_client_waits_on_its_own(facts_behind_proxy):
    trusted = facts_behind_proxy(
        add_kim, FORWARDED_ALLOW_IPS=PROXY_ADDRESS, LOGIN_FREE_ATTEMPTS="2"
    )
    with trusted as server:
        attacker, staff = server.client("127.0.0.66"), server.client("127.0.0.7")
        assert [sign_in_from(attacker) for _ in range(3)] == [401, 401, 429]
        # The attacker's own X-Forwarded-For, which the proxy appends to, changes nothing:
        # uvicorn takes the rightmost address that is not a trusted proxy.
        assert sign_in_from(attacker, **{"X-Forwarded-For": "127.0.0.7"}) == 429
        assert sign_in_from(staff, PASSWORD) == 200
    log = server.log.read_text()
    assert WRONG not in log and PASSWORD not in log


def test_an_untrusted_proxy_cannot_choose_the_client(facts_behind_proxy):
    # Only 10.9.9.9 would be trusted: X-Forwarded-For from this proxy is ignored, so its
    # clients do not escape the wait (they all share the proxy's count).
    untrusted = facts_behind_proxy(add_kim, FORWARDED_ALLOW_IPS="10.9.9.9", LOGIN_FREE_ATTEMPTS="2")
    with untrusted as server:
        codes = [sign_in_from(server.client(f"127.0.0.{n}")) for n in (1, 2, 3)]
        assert codes == [401, 401, 429]
    log = server.log.read_text()
    assert WRONG not in log and PASSWORD not in log
