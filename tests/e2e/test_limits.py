"""End to end: what the servers refuse before any NLU runs, and what they expose."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.chat import ask, log_bytes, new_sender, post, texts, tracker_store_bytes

pytestmark = pytest.mark.e2e
GROWTH_LIMIT_MB = 300  # Rasa grew to 24 GB on a 120 kB message before the limits existed


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemoryWatchdog:
    """Kills the process if it grows more than ``limit_mb`` while watched, so a regression
    fails the test instead of exhausting the machine."""

    def __init__(self, pid: int, limit_mb: float) -> None:
        self.pid, self.start = pid, rss_mb(pid)
        self.limit, self.peak, self.fired = limit_mb, self.start, False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb(self.pid))
            if self.peak - self.start > self.limit:
                self.fired = True
                os.kill(self.pid, signal.SIGKILL)
                return

    def __enter__(self) -> MemoryWatchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def rasa_pid(stack) -> int:
    """The Rasa server process (the launcher starts it in its own process group)."""
    return stack.procs["rasa"].pid


def test_a_one_megabyte_message_is_refused_at_once_and_nobody_else_waits(stack):
    huge = "ord " * 250_000  # 1 MB
    with MemoryWatchdog(rasa_pid(stack), GROWTH_LIMIT_MB) as watchdog:
        started = time.monotonic()
        resp = post(stack, {"sender": new_sender(), "message": huge}, timeout=10)
        refused_in = time.monotonic() - started
        answered = texts(ask(stack, "hvor ligger borgerservice"))
    print(
        f"1 MB message: {resp.status_code} in {refused_in * 1000:.0f} ms; Rasa RSS "
        f"{watchdog.start:.0f} -> peak {watchdog.peak:.0f} MB"
    )
    assert not watchdog.fired
    assert resp.status_code == 413
    assert refused_in < 1.0
    assert "Odinsgade" in answered


def test_a_long_message_gets_a_danish_reply_and_is_neither_stored_nor_logged(stack):
    marker = "ekstraordinærtlangtord"
    resp = post(stack, {"sender": new_sender(), "message": f"{marker} " * 100})  # 2,300 chars
    assert resp.status_code == 413
    assert "højst 1000 tegn" in texts(resp.json())
    assert marker.encode() not in tracker_store_bytes(stack)
    assert marker.encode() not in log_bytes(stack)


def test_too_many_messages_in_one_conversation_get_429_with_retry_after(stack):
    sender = new_sender()
    statuses = [post(stack, {"sender": sender, "message": "hej"}).status_code for _ in range(30)]
    assert statuses == [200] * 30
    resp = post(stack, {"sender": sender, "message": "hej"})
    assert resp.status_code == 429
    assert 1 <= int(resp.headers["Retry-After"]) <= 61
    assert "Vent et øjeblik" in texts(resp.json())
    assert ask(stack, "hej"), "another conversation is answered"


def test_the_address_limit_uses_the_client_address_the_proxy_names(stack):
    client = {"X-Forwarded-For": "10.9.9.9"}
    statuses = [
        post(stack, {"sender": new_sender(), "message": "/greet"}, headers=client).status_code
        for _ in range(300)
    ]
    assert statuses == [200] * 300
    refused = post(stack, {"sender": new_sender(), "message": "/greet"}, headers=client)
    assert refused.status_code == 429
    other = post(
        stack,
        {"sender": new_sender(), "message": "/greet"},
        headers={"X-Forwarded-For": "10.9.9.10"},
    )
    assert other.status_code == 200


def test_malformed_requests_get_400(stack):
    url = f"{stack.cfg.rasa_url}/webhooks/rest/webhook"
    assert httpx.post(url, content=b"{not json", timeout=5).status_code == 400
    assert httpx.post(url, json={"message": "hej"}, timeout=5).status_code == 400
    assert httpx.post(url, json={"sender": "x", "message": 5}, timeout=5).status_code == 400


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.add(address)
    return found


def test_all_three_servers_listen_on_loopback_only(stack):
    loopback = {"0100007F", "00000000000000000000000001000000"}
    for port in (stack.cfg.rasa_port, stack.cfg.actions_port, stack.cfg.facts_port):
        addresses = listening_addresses(port)
        assert addresses and addresses <= loopback, (port, addresses)


def test_the_action_server_answers_only_rasa(stack):
    url = f"{stack.cfg.actions_url}/webhook"
    call = {"next_action": "action_answer_location", "tracker": {"sender_id": "x"}, "domain": {}}
    assert httpx.post(url, json=call, timeout=5).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert httpx.post(url, json=call, headers=wrong, timeout=5).status_code == 401


def test_an_action_server_error_does_not_send_the_conversation_back(stack):
    token = {"Authorization": f"Bearer {stack.actions_token}"}
    call = {
        "next_action": "action_answer_location",
        "tracker": "cpr 1203454712",  # not a tracker: the action fails
        "version": "3.6.21",
    }
    resp = httpx.post(f"{stack.cfg.actions_url}/webhook", json=call, headers=token, timeout=5)
    assert resp.status_code == 500
    assert "1203454712" not in resp.text
