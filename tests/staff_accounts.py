"""Staff accounts for tests: created with the service's own CLI, signed in over HTTP."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

import httpx

from scripts.stack import FACTS_BIN, ROOT, StackConfig, facts_env

STAFF_PASSWORD = "Webtest-kodeord-2025!"


@dataclass
class FactsServer:
    url: str
    rasa_url: str
    cfg: StackConfig

    @classmethod
    def of(cls, cfg: StackConfig) -> FactsServer:
        return cls(url=cfg.facts_url, rasa_url=cfg.rasa_url, cfg=cfg)


def create_staff_user(server: FactsServer, username: str, role: str = "editor") -> str:
    """Creates a staff account (or finds it existing); returns its password."""
    result = subprocess.run(
        [
            str(FACTS_BIN),
            "create-admin",
            "--username",
            username,
            "--role",
            role,
            "--password-stdin",
        ],
        input=STAFF_PASSWORD + "\n",
        cwd=ROOT,
        env=facts_env(server.cfg),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 or "findes" in result.stderr, result.stdout + result.stderr
    return STAFF_PASSWORD


def token_for(server: FactsServer, username: str, password: str = STAFF_PASSWORD) -> str:
    resp = httpx.post(
        f"{server.url}/api/auth/token",
        data={"username": username, "password": password},
        timeout=10,
    )
    assert resp.status_code == 200, resp.text
    return resp.json()["access_token"]


def staff_api(server: FactsServer, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
