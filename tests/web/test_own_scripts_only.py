"""The staff origin runs only its own scripts: the staff editor and /docs load nothing from
another origin, and the browser reports no Content-Security-Policy violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import create_staff_user
from tests.web.pages import staff_login

pytestmark = pytest.mark.browser


def watch(page, origin: str) -> tuple[list[str], list[str]]:
    """Requests to other origins, and console errors (CSP violations among them)."""
    foreign: list[str] = []
    errors: list[str] = []
    page.on(
        "request",
        lambda r: foreign.append(r.url) if not r.url.startswith((origin, "data:")) else None,
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return foreign, errors


def test_docs_load_only_from_this_origin(page, facts_only, shot):
    foreign, errors = watch(page, facts_only.url)
    page.goto(f"{facts_only.url}/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=20_000)
    page.locator(".opblock-summary").first.click()  # opens an operation: more of the UI runs
    shot(page, "api-docs")
    assert foreign == []
    assert errors == []


def test_staff_editor_loads_only_from_this_origin(page, facts_only):
    password = create_staff_user(facts_only, "egne-scripts", role="editor")
    foreign, errors = watch(page, facts_only.url)
    staff_login(page, facts_only.url, "egne-scripts", password)
    assert [url for url in foreign if "/webhooks/" not in url] == []  # the preview calls Rasa
    assert not [e for e in errors if "Content Security Policy" in e]
