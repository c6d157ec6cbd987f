"""Sign-in under a burst of wrong passwords: how many passwords the facts service checks, and
its peak memory while it does.

Starts `facts-service serve` (production settings, a fresh SQLite database in a temp dir) and
sends the burst from threads released together:

1. one client, one account: N wrong passwords at once. The attempts are counted before any
   password is checked, so at most LOGIN_FREE_ATTEMPTS are checked (401); the rest get 429.
2. N clients (through a trusted proxy, X-Forwarded-For), N accounts: every password is
   checked, at most LOGIN_HASH_CONCURRENCY at once (argon2: 64 MiB each).
3. as 2, with the password checks not bounded (LOGIN_HASH_CONCURRENCY=N), for comparison.

Memory is the server process's peak resident set (VmHWM in /proc), read after each burst;
each scenario gets its own server. Usage: .venv/bin/python scripts/bench_sign_in.py [--burst 30]
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / ".venv" / "bin" / "facts-service"
PASSWORD = "Gummistøvle-traktor-17"  # noqa: S105 - a throw-away account in a temp database
WRONG = "forkert-kodeord-123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory_kib(pid: int) -> dict[str, int]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


class Server:
    def __init__(self, workdir: Path, accounts: list[str], **env_values: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        db = workdir / f"facts-{self.port}.db"
        self.env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{db}",
            FACTS_PORT=str(self.port),
            FACTS_ENV="production",
            FACTS_SECRET_KEY=secrets.token_urlsafe(48),
            FORWARDED_ALLOW_IPS="127.0.0.1",
            **env_values,
        )
        subprocess.run([FACTS, "migrate"], env=self.env, check=True, capture_output=True)
        for account in accounts:
            subprocess.run(
                [FACTS, "create-admin", "--username", account, "--password-stdin", "--role",
                 "editor"],
                input=PASSWORD + "\n", text=True, env=self.env, check=True, capture_output=True,
            )  # fmt: skip
        self.log = (workdir / f"facts-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            [FACTS, "serve"], env=self.env, stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{self.url}/health", timeout=1)
                return
            except httpx.HTTPError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("facts-service serve did not start") from None
                time.sleep(0.2)

    def failed_sign_ins_in_audit_log(self) -> int:
        """Password checks that failed, as the audit log has them (read from the database)."""
        code = (
            "from sqlalchemy import func, select\n"
            "from api.audit.models import AuditEntry\n"
            "from api.db import make_engine\n"
            "from api.settings import load_settings\n"
            "engine = make_engine(load_settings().sqlalchemy_url)\n"
            "with engine.connect() as c:\n"
            "    print(c.execute(select(func.count()).select_from(AuditEntry)"
            ".where(AuditEntry.action == 'sign_in_failed')).scalar())\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=self.env, cwd=ROOT, capture_output=True, text=True
        )
        return int(done.stdout.strip())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def burst(url: str, requests: list[tuple[str, dict[str, str]]]) -> tuple[Counter, float]:
    start = threading.Barrier(len(requests) + 1)
    codes: list[int] = []
    lock = threading.Lock()

    def send(username: str, headers: dict[str, str]) -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            start.wait()
            response = client.post(
                "/api/auth/token",
                data={"username": username, "password": WRONG},
                headers=headers,
            )
            with lock:
                codes.append(response.status_code)

    threads = [threading.Thread(target=send, args=request) for request in requests]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join(timeout=300)
    return Counter(codes), time.monotonic() - began


def scenario(workdir: Path, name: str, size: int, *, many: bool, **env: str) -> dict:
    accounts = [f"konto{i}" for i in range(size)] if many else ["kim"]
    server = Server(workdir, accounts, **env)
    try:
        before = memory_kib(server.process.pid)
        if many:
            requests = [
                (f"konto{i}", {"X-Forwarded-For": f"203.0.113.{i + 1}"}) for i in range(size)
            ]
        else:
            requests = [("kim", {})] * size
        codes, seconds = burst(server.url, requests)
        time.sleep(0.2)
        after = memory_kib(server.process.pid)
        checked = server.failed_sign_ins_in_audit_log()
    finally:
        server.stop()
    return {
        "name": name,
        "codes": dict(sorted(codes.items())),
        "checked": checked,
        "seconds": seconds,
        "rss_before_mib": before["VmRSS"] / 1024,
        "peak_mib": after["VmHWM"] / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=30, help="concurrent sign-ins (default 30)")
    parser.add_argument(
        "--skip-unbounded", action="store_true", help="leave out scenario 3 (about 2 GiB)"
    )
    args = parser.parse_args()
    size = args.burst
    with tempfile.TemporaryDirectory(prefix="bench-sign-in-") as tmp:
        workdir = Path(tmp)
        runs = [
            scenario(workdir, f"1. one client, one account, {size} at once", size, many=False),
            scenario(workdir, f"2. {size} clients, {size} accounts (bounded)", size, many=True),
        ]
        if not args.skip_unbounded:
            runs.append(
                scenario(
                    workdir, "3. as 2, checks not bounded", size, many=True,
                    LOGIN_HASH_CONCURRENCY=str(size),
                )
            )  # fmt: skip
    cores = len(os.sched_getaffinity(0))
    print(f"facts service, production settings, {cores} cores (LOGIN_HASH_CONCURRENCY default)")
    print(f"{'scenario':<44} {'answers':<22} {'checked':>7} {'time':>7} {'RSS':>8} {'peak':>8}")
    for run in runs:
        answers = ", ".join(f"{n}x{code}" for code, n in run["codes"].items())
        print(
            f"{run['name']:<44} {answers:<22} {run['checked']:>7} {run['seconds']:>6.1f}s "
            f"{run['rss_before_mib']:>5.0f}MiB {run['peak_mib']:>5.0f}MiB"
        )
    print("checked: wrong passwords verified (sign_in_failed in the audit log); RSS: before the")
    print("burst; peak: the server's peak resident memory (VmHWM) after it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
