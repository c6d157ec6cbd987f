"""The staff editor at /staff against the real facts service (no bot needed)."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.web.conftest import (
    axe_violations,
    create_staff_user,
    describe,
    staff_api,
    token_for,
)
from tests.web.pages import open_record, staff_login

pytestmark = pytest.mark.browser

ADVISORY_SESSION = "aaben-raadgivning-huset-tvaers"


@pytest.fixture(scope="module")
def editor(facts_only):
    password = create_staff_user(facts_only, "redaktoer", role="editor")
    return "redaktoer", password


@pytest.fixture(scope="module")
def editor2(facts_only):
    password = create_staff_user(facts_only, "redaktoer2", role="editor")
    return "redaktoer2", password


def test_login_token_in_session_storage_not_cookies(page, facts_only, editor, shot):
    page.goto(f"{facts_only.url}/staff")
    shot(page, "staff-login", full_page=True)
    page.get_by_label("Brugernavn").fill(editor[0])
    page.get_by_label("Adgangskode").fill("forkert-kode")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("alert")).to_have_text("Forkert brugernavn eller adgangskode.")
    staff_login(page, facts_only.url, *editor)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steder")
    assert page.context.cookies() == []
    stored = page.evaluate("sessionStorage.getItem('jobcenter-staff-session')")
    assert stored and "token" in stored
    page.reload()
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")
    assert page.evaluate("sessionStorage.getItem('jobcenter-staff-session')") is None


def test_expired_or_rejected_token_logs_out(page, facts_only, editor):
    staff_login(page, facts_only.url, *editor)
    # The token's expiry passes: the next action finds the session gone.
    page.evaluate(
        """() => {
          const s = JSON.parse(sessionStorage.getItem('jobcenter-staff-session'));
          s.expiresAt = Date.now() - 1000;
          sessionStorage.setItem('jobcenter-staff-session', JSON.stringify(s));
        }"""
    )
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")
    # A token the server no longer accepts (401) ends the session too.
    staff_login(page, facts_only.url, *editor)
    page.evaluate(
        """() => {
          const s = JSON.parse(sessionStorage.getItem('jobcenter-staff-session'));
          s.token = 'not-a-valid-token';
          sessionStorage.setItem('jobcenter-staff-session', JSON.stringify(s));
        }"""
    )
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("Log ind igen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")


def test_list_search_and_stale_filter(page, facts_only, editor, shot):
    # Mark one place as verified today; the seeded ones are older than STALE_AFTER_DAYS.
    with staff_api(facts_only, token_for(facts_only, editor[0])) as api:
        place = api.get("/api/places/borgerservice").json()
        body = {k: v for k, v in place.items() if k not in META_KEYS}
        body["last_verified"] = dt.date.today().isoformat()
        resp = api.put(
            "/api/staff/places/borgerservice",
            json=body,
            headers={"If-Match": f'"{place["version"]}"'},
        )
        assert resp.status_code == 200, resp.text
    staff_login(page, facts_only.url, *editor)
    rows = page.locator("table.records tbody tr")
    expect(rows.first).to_be_visible()
    total = rows.count()
    page.get_by_label("Søg i steder").fill("tværs")
    expect(rows.filter(has_text="Huset Tværs")).to_have_count(1)
    assert rows.count() < total
    expect(rows.filter(has_text="Borgerservice")).to_have_count(0)
    page.get_by_label("Søg i steder").fill("findes-ikke-xyz")
    expect(rows).to_have_count(0)
    expect(page.locator("#list-count")).to_have_text(f"0 af {total} poster vises")
    page.get_by_label("Søg i steder").fill("")
    expect(rows).to_have_count(total)
    page.get_by_label("Vis kun poster, der skal kontrolleres").check()
    expect(rows).to_have_count(total - 1)
    expect(page.locator("table.records")).not_to_contain_text("Borgerservice")
    shot(page, "staff-list-stale", full_page=True)
    page.get_by_role("link", name="Skal kontrolleres").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skal kontrolleres")
    expect(page.locator(".stale-list")).to_contain_text("Huset Tværs")


META_KEYS = {"version", "stale", "deleted", "updated_at", "updated_by", "advisory_sessions", "slug"}


def test_validation_errors_are_shown_at_the_field(page, facts_only, editor, shot):
    staff_login(page, facts_only.url, *editor)
    open_record(page, facts_only.url, "advisory-sessions", ADVISORY_SESSION)
    page.get_by_role("button", name="Tilføj tidsrum").click()
    page.locator("#f-slots-0-weekday").select_option("tuesday")
    page.locator("#f-slots-0-start").fill("15:00")
    page.locator("#f-slots-0-end").fill("13:00")
    page.get_by_role("button", name="Gem", exact=True).click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Posten blev ikke gemt")
    expect(summary).to_contain_text("sluttidspunktet skal være efter starttidspunktet")
    field_error = page.locator(".repeat-row .field-error:not(:empty)").first
    expect(field_error).to_contain_text("sluttidspunktet skal være efter starttidspunktet")
    shot(page, "staff-validation-error", full_page=True)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_two_editors_second_is_told_of_the_conflict(browser, facts_only, editor, editor2, shot):
    first_ctx, second_ctx = browser.new_context(), browser.new_context()
    try:
        first, second = first_ctx.new_page(), second_ctx.new_page()
        staff_login(first, facts_only.url, *editor)
        staff_login(second, facts_only.url, *editor2)
        open_record(first, facts_only.url, "places", "huset-tvaers")
        open_record(second, facts_only.url, "places", "huset-tvaers")

        first.get_by_label("Tilgængelighed").fill("Niveaufri adgang (rettet af første)")
        first.get_by_role("button", name="Gem", exact=True).click()
        expect(first.get_by_role("status").first).to_have_text("Ændringerne er gemt.")

        second.get_by_label("Tilgængelighed").fill("Trappe ved indgangen (rettet af anden)")
        second.get_by_role("button", name="Gem", exact=True).click()
        conflict = second.locator("#conflict")
        expect(conflict).to_be_visible()
        expect(conflict.get_by_role("heading")).to_have_text("Nogen har ændret posten imens")
        row = conflict.locator("tr", has_text="Tilgængelighed")
        expect(row).to_contain_text("Trappe ved indgangen (rettet af anden)")
        expect(row).to_contain_text("Niveaufri adgang (rettet af første)")
        expect(row).to_contain_text("forskellig")
        shot(second, "staff-conflict", full_page=True)
        violations = axe_violations(second)
        assert violations == [], describe(violations)

        # Nothing was overwritten; the second editor takes the saved version.
        second.get_by_role("button", name="Brug den gemte version").click()
        expect(second.get_by_label("Tilgængelighed")).to_have_value(
            "Niveaufri adgang (rettet af første)"
        )
        # ... or could keep their own: saving now uses the current version and succeeds.
        second.get_by_label("Tilgængelighed").fill("Trappe ved indgangen (rettet af anden)")
        second.get_by_role("button", name="Gem", exact=True).click()
        expect(second.locator("#staff-message")).to_have_text("Ændringerne er gemt.")
        expect(second.locator("#conflict")).to_be_hidden()
        saved = httpx.get(f"{facts_only.url}/api/places/huset-tvaers", timeout=10).json()
        assert saved["accessibility"] == "Trappe ved indgangen (rettet af anden)"
        expect(second.get_by_label("Tilgængelighed")).to_have_value(
            "Trappe ved indgangen (rettet af anden)"
        )
    finally:
        first_ctx.close()
        second_ctx.close()


def test_history_and_revert(page, facts_only, editor, shot):
    staff_login(page, facts_only.url, *editor)
    open_record(page, facts_only.url, "org-units", "byd")
    original = page.get_by_label("Forkortelse").input_value()
    version = page.locator("#record-facts dd").first
    before = int(version.inner_text())
    page.get_by_label("Forkortelse").fill("BYD-TEST")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(version).to_have_text(str(before + 1))
    expect(page.get_by_label("Forkortelse")).to_have_value("BYD-TEST")
    page.get_by_role("button", name="Vis historik").click()
    entries = page.locator(".history-entry")
    expect(entries.first).to_contain_text(editor[0])
    shot(page, "staff-history", full_page=True)
    revert = page.get_by_role("button", name=re.compile(r"^Gendan version \d+$")).last
    revert.click()
    expect(version).to_have_text(str(before + 2))
    expect(page.get_by_label("Forkortelse")).to_have_value(original)


def test_preview_says_when_the_bot_is_down(page, facts_only, editor):
    staff_login(page, facts_only.url, *editor)
    page.get_by_label("Spørgsmål").fill("hvor ligger borgerservice")
    page.get_by_role("button", name="Spørg chatten").click()
    expect(page.locator("#preview-output")).to_contain_text("Chatten svarer ikke lige nu")


@pytest.mark.parametrize(
    "route",
    [
        "",
        "#/advisory-sessions",
        f"#/advisory-sessions/{ADVISORY_SESSION}",
        "#/faq/ny",
        "#/stale",
        "#/texts",
    ],
)
def test_axe_staff_pages(page, facts_only, editor, shot, route):
    page.goto(f"{facts_only.url}/staff")
    violations = axe_violations(page)
    assert violations == [], "login page: " + describe(violations)
    staff_login(page, facts_only.url, *editor)
    page.goto(f"{facts_only.url}/staff{route}")
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    name = route.strip("#/").replace("/", "-") or "places"
    shot(page, f"staff-{name}", full_page=True)
    violations = axe_violations(page)
    assert violations == [], f"{route}: " + describe(violations)


def test_create_faq_draft_publish_and_delete(page, facts_only, editor):
    staff_login(page, facts_only.url, *editor)
    page.get_by_role("link", name="Spørgsmål og svar").click()
    page.get_by_role("link", name="Opret spørgsmål").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret spørgsmål")
    page.get_by_label("Kort id (slug)").fill("webtest-parkering")
    page.get_by_label("Spørgsmål (skal udfyldes)").fill("kan jeg parkere ved webtesten\nparkering")
    page.get_by_label("Svar (skal udfyldes)").fill("Dette er et testsvar fra browsertesten.")
    page.get_by_label("Emne").select_option("places")
    page.get_by_label("Kilde (skal udfyldes)").fill("Browsertest")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page).to_have_url(f"{facts_only.url}/staff#/faq/webtest-parkering")
    expect(page.get_by_label("Status")).to_have_value("draft")
    assert httpx.get(f"{facts_only.url}/api/faq/webtest-parkering", timeout=10).status_code == 404

    page.get_by_role("button", name="Udgiv").click()
    expect(page.locator("#staff-message")).to_have_text("Spørgsmålet er udgivet.")
    expect(page.get_by_label("Status")).to_have_value("published")
    public = httpx.get(f"{facts_only.url}/api/faq/webtest-parkering", timeout=10)
    assert public.status_code == 200
    assert public.json()["answer"] == "Dette er et testsvar fra browsertesten."

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Slet").click()
    expect(page.locator("#staff-message")).to_have_text("Posten er slettet.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Spørgsmål og svar")
    assert httpx.get(f"{facts_only.url}/api/faq/webtest-parkering", timeout=10).status_code == 404
