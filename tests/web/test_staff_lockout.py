"""The staff editor shows the facts service's lock-out message after too many wrong passwords."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from api.settings import Settings
from tests.web.conftest import create_staff_user

pytestmark = pytest.mark.browser

MAX_FAILURES = Settings.model_fields["login_max_failures"].default
WRONG = "wrong password!"


def test_staff_editor_shows_the_lockout_message(page, facts_only):
    # An account of its own: its lock-out must not touch the other staff tests' accounts.
    password = create_staff_user(facts_only, "laast-ude", role="editor")
    page.goto(f"{facts_only.url}/staff")
    alert = page.get_by_role("alert")
    for number in range(MAX_FAILURES + 1):
        page.get_by_label("Brugernavn").fill("laast-ude")
        page.get_by_label("Adgangskode").fill(WRONG if number < MAX_FAILURES else password)
        page.get_by_role("button", name="Log ind").click()
        if number < MAX_FAILURES:
            expect(alert).to_have_text("Forkert brugernavn eller adgangskode.")
            page.evaluate("document.getElementById('login-error').textContent = ''")
    expect(alert).to_have_text("For mange forkerte forsøg. Prøv igen om 15 minutter.")
    expect(page.get_by_role("button", name="Log ud")).to_have_count(0)
