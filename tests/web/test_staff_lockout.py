"""The staff editor shows the facts service's wait message after too many wrong passwords."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from api.settings import Settings
from tests.web.conftest import create_staff_user

pytestmark = pytest.mark.browser

MAX_FAILURES = Settings.model_fields["login_free_attempts"].default
FIRST_DELAY = Settings.model_fields["login_first_delay_seconds"].default
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
    # The first wait is FIRST_DELAY seconds from the last failure, so a second or two less
    # by the time the page shows it.
    waits = "|".join(str(s) for s in range(FIRST_DELAY - 5, FIRST_DELAY + 1))
    expect(alert).to_have_text(
        re.compile(rf"^For mange forkerte forsøg\. Prøv igen om ({waits}) sekunder\.$")
    )
    expect(page.get_by_role("button", name="Log ud")).to_have_count(0)
