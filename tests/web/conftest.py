"""Browser fixtures: Debian's Chromium through pytest-playwright, a facts-service-only server,
staff accounts, screenshots and axe-core scans.

Tests that need the bot use the full-stack ``stack`` fixture from ``tests/conftest.py``;
tests that only need the facts service (staff editor, assistant down) use ``facts_only``,
whose RASA_URL points at a port nobody listens on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.stack import Stack, StackConfig, prepare_database
from tests.staff_accounts import (  # noqa: F401 - re-exported for the test modules
    STAFF_PASSWORD,
    FactsServer,
    create_staff_user,
    staff_api,
    token_for,
)

ROOT = Path(__file__).resolve().parents[2]
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


@contextmanager
def facts_server(var_dir: Path, name: str, **extra_env: str) -> Iterator[FactsServer]:
    """The real facts service (fresh seeded SQLite DB) on a free port, with ``extra_env``
    (e.g. TOKEN_SECONDS); its log is copied to test-artifacts/web/logs/<name>.log."""
    cfg = StackConfig.on_free_ports(
        var_dir, secret_key="web-tests-" + "x" * 40, facts_extra_env=extra_env
    )
    prepare_database(cfg)
    server = Stack(cfg)
    server.start(only=("facts",))
    try:
        server.wait_healthy(timeout=60)
        yield FactsServer.of(cfg)
    finally:
        server.stop()
        if ARTIFACTS.parent.exists():
            (ARTIFACTS / "logs").mkdir(parents=True, exist_ok=True)
            log = cfg.log_dir / "facts.log"
            (ARTIFACTS / "logs" / f"{name}.log").write_bytes(log.read_bytes())


@pytest.fixture(scope="session")
def facts_only(tmp_path_factory):
    """The real facts service; no bot behind it.

    Its pages name ``cfg.rasa_url`` as the bot, a free port nobody listens on, so the
    "assistant down" tests can never reach a Rasa someone else runs.
    """
    with facts_server(tmp_path_factory.mktemp("facts-only"), "facts-only") as server:
        yield server


@pytest.fixture(scope="session")
def full_stack(stack):
    """The lead's three real servers, seen through the same interface as ``facts_only``."""
    return FactsServer.of(stack.cfg)


# ---------- staff accounts and API helpers: tests/staff_accounts.py ----------
