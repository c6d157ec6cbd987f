"""Browser fixtures: Debian's Chromium through pytest-playwright, a facts-service-only server,
staff accounts, screenshots and axe-core scans.

Tests that need the bot use the full-stack ``stack`` fixture from ``tests/conftest.py``;
tests that only need the facts service (staff editor, assistant down) use ``facts_only``,
whose RASA_URL points at a port nobody listens on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
FACTS_CLI = ROOT / ".venv" / "bin" / "facts-service"
ARTIFACTS = ROOT / "test-artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STAFF_PASSWORD = "Webtest-kodeord-2025!"


# ---------- browser (pytest-playwright's fixtures, pointed at Debian's Chromium) ----------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (never download one)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "da-DK", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def shot():
    """``shot(page, "name")`` saves test-artifacts/web/<name>.png: the viewport (what the
    citizen sees, fixed-position widget included), or the whole page with full_page=True."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str, full_page: bool = False) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


def axe_violations(page, context: str | None = None) -> list[dict]:
    """Runs axe-core (bundled by axe-playwright-python) at WCAG 2.1 A/AA; returns violations."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(map(str, n["target"])) for n in v["nodes"][:5]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


# ---------- servers ----------


@dataclass
class FactsServer:
    url: str
    rasa_url: str
    cfg: object

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        from scripts.stack import facts_cli

        return facts_cli(self.cfg, *args)


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"facts service exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"facts service not healthy after {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def web_copy_for_bot(target: Path, bot_url: str) -> Path:
    """A copy of web/ whose pages name ``bot_url`` as the bot, so the "assistant down"
    tests can never reach a Rasa someone else runs on the default port 5005."""
    shutil.copytree(ROOT / "web", target, ignore=shutil.ignore_patterns("node_modules"))
    for page in [*target.glob("demo/*.html"), *target.glob("staff/*.html")]:
        text = re.sub(r'data-bot-url="[^"]*"', f'data-bot-url="{bot_url}"', page.read_text())
        page.write_text(text)
    return target


@pytest.fixture(scope="session")
def facts_only(tmp_path_factory):
    """The real facts service (fresh seeded SQLite DB) on a free port; no bot behind it."""
    from scripts.stack import FACTS_BIN, StackConfig, facts_env, free_port, prepare_database

    var = tmp_path_factory.mktemp("facts-only")
    cfg = StackConfig(
        facts_port=free_port(),
        actions_port=free_port(),
        rasa_port=free_port(),  # nothing listens here: the assistant is "down"
        var_dir=var,
        facts_env="test",
        secret_key="web-tests-" + "x" * 40,
    )
    prepare_database(cfg)
    env = {**facts_env(cfg), "WEB_DIR": str(web_copy_for_bot(var / "web", cfg.rasa_url))}
    log = var / "facts.log"
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [str(FACTS_BIN), "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(cfg.facts_url, proc, log)
        yield FactsServer(url=cfg.facts_url, rasa_url=cfg.rasa_url, cfg=cfg)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if ARTIFACTS.parent.exists():
            (ARTIFACTS / "logs").mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "logs" / "facts-only.log").write_bytes(log.read_bytes())


@pytest.fixture(scope="session")
def full_stack(stack):
    """The lead's three real servers, seen through the same interface as ``facts_only``."""
    return FactsServer(url=stack.cfg.facts_url, rasa_url=stack.cfg.rasa_url, cfg=stack.cfg)


# ---------- staff accounts and API helpers ----------


def create_staff_user(server: FactsServer, username: str, role: str = "editor") -> str:
    """Creates a staff account with the service's own CLI; returns its password."""
    from scripts.stack import facts_env

    result = subprocess.run(
        [
            str(FACTS_CLI),
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
