"""No lost edits: the staff editor renews its token while in use, warns before it runs out,
keeps the open form when it has run out (or the service refuses it), signs in again in a
dialog and then saves with the same If-Match; unsaved changes survive a reload as a draft.

The expiry tests have a facts service of their own with TOKEN_SECONDS, so the tokens expire
while the test waits; the others use the shared ``facts_only`` (30-minute tokens)."""

from __future__ import annotations

import json

import httpx
import pytest
from playwright.sync_api import expect

from tests.web.conftest import axe_violations, create_staff_user, describe, facts_server
from tests.web.pages import open_record, staff_login

pytestmark = pytest.mark.browser

LIFETIME = 8  # seconds: long enough to sign in and open a record on a busy machine
PLACE = "huset-tvaers"
DRAFT = f"jobcenter-staff-draft:places/{PLACE}"
UNIT = "cvr"
# What an editor types: Danish letters, typographic quotes, a dash, an emoji, two lines.
TEXT = "Niveaufri adgang ad rampen – «ring på» ved døren; æøå ÆØÅ ü 🙂\nAnden linje:  to mellemrum."


@pytest.fixture(scope="module")
def short_tokens(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("short-tokens")
    with facts_server(var_dir, "short-tokens", TOKEN_SECONDS=str(LIFETIME)) as server:
        yield server


@pytest.fixture(scope="module")
def account(short_tokens):
    return "udloeber", create_staff_user(short_tokens, "udloeber", role="editor")


def stored(page, key: str):
    value = page.evaluate("key => sessionStorage.getItem(key)", key)
    return json.loads(value) if value else None


def public_place(server, slug: str = PLACE) -> dict:
    return httpx.get(f"{server.url}/api/places/{slug}", timeout=10).json()


def test_token_runs_out_while_typing_sign_in_again_and_save_every_character(
    page, short_tokens, account, shot
):
    staff_login(page, short_tokens.url, *account)
    open_record(page, short_tokens.url, "places", PLACE)
    version = public_place(short_tokens)["version"]
    field = page.get_by_label("Tilgængelighed")
    field.fill(TEXT)

    warning = page.locator("#session-warning")
    expect(warning).to_be_visible(timeout=LIFETIME * 1000)
    expect(warning).to_contain_text("Din session udløber kl.")
    shot(page, "staff-session-warning")

    dialog = page.get_by_role("dialog", name="Log ind igen")
    expect(dialog).to_be_visible(timeout=LIFETIME * 1000)
    token = stored(page, "jobcenter-staff-session")["token"]
    gone = httpx.get(
        f"{short_tokens.url}/api/auth/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert gone.status_code == 401  # the service has let it expire too
    expect(field).to_have_value(TEXT)  # the form is untouched under the dialog
    assert stored(page, DRAFT)["body"]["accessibility"] == TEXT
    assert stored(page, DRAFT)["version"] == version
    expect(dialog.get_by_label("Brugernavn")).to_have_value(account[0])
    expect(dialog.get_by_label("Adgangskode")).to_be_focused()
    shot(page, "staff-session-expired-dialog")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    dialog.get_by_label("Adgangskode").fill(account[1])
    dialog.get_by_role("button", name="Log ind").click()
    signed_in = page.get_by_role("dialog", name="Du er logget ind igen")
    expect(signed_in).to_contain_text("Dine ændringer er ikke gemt endnu")
    shot(page, "staff-session-signed-in-again")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    signed_in.get_by_role("button", name="Gem ændringerne").click()

    expect(page.locator("#staff-message")).to_have_text("Ændringerne er gemt.")
    expect(page.get_by_role("dialog")).to_have_count(0)
    saved = public_place(short_tokens)
    assert saved["accessibility"] == TEXT  # not a character lost
    assert saved["version"] == version + 1
    expect(field).to_have_value(TEXT)
    assert stored(page, DRAFT) is None
    shot(page, "staff-session-saved", full_page=True)


def test_typing_keeps_the_session_alive(page, short_tokens, account):
    staff_login(page, short_tokens.url, *account)
    open_record(page, short_tokens.url, "org-units", "byd")
    first = stored(page, "jobcenter-staff-session")["token"]
    field = page.get_by_label("Beskrivelse")
    field.fill("")
    # Typing for twice the token's lifetime: the editor renews it as it goes.
    field.press_sequentially("Skrevet langsomt " * 2, delay=2 * LIFETIME * 1000 // 34)
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert stored(page, "jobcenter-staff-session")["token"] != first
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator("#staff-message")).to_have_text("Ændringerne er gemt.")
    unit = httpx.get(f"{short_tokens.url}/api/org-units/byd", timeout=10).json()
    assert unit["description"] == "Skrevet langsomt Skrevet langsomt"


def test_the_warning_offers_to_stay_signed_in(page, short_tokens, account):
    staff_login(page, short_tokens.url, *account)
    first = stored(page, "jobcenter-staff-session")
    warning = page.locator("#session-warning")
    expect(warning).to_be_visible(timeout=LIFETIME * 1000)
    warning.get_by_role("button", name="Forbliv logget ind").click()
    expect(warning).to_be_hidden()
    renewed = stored(page, "jobcenter-staff-session")
    assert renewed["token"] != first["token"] and renewed["expiresAt"] > first["expiresAt"]
    page.wait_for_timeout(first["expiresAt"] - page.evaluate("Date.now()") + 500)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steder")  # still signed in
    expect(page.get_by_role("dialog")).to_have_count(0)


@pytest.fixture(scope="module")
def editor(facts_only):
    return "kladder", create_staff_user(facts_only, "kladder", role="editor")


def test_a_refused_save_is_resubmitted_with_the_same_if_match(page, facts_only, editor):
    """As when the service restarts with a new secret: it refuses the save with 401."""
    staff_login(page, facts_only.url, *editor)
    open_record(page, facts_only.url, "places", "perron-4")
    version = public_place(facts_only, "perron-4")["version"]
    if_match = []
    page.on(
        "request",
        lambda r: r.method == "PUT" and if_match.append(r.headers.get("if-match")),
    )
    page.route(
        "**/api/staff/places/perron-4",
        lambda route: (
            route.fulfill(status=401, json={"detail": "Log ind for at ændre indhold"})
            if route.request.method == "PUT"
            else route.fallback()
        ),
        times=1,
    )
    page.get_by_label("By").fill("Randers C")
    page.get_by_role("button", name="Gem", exact=True).click()
    dialog = page.get_by_role("dialog", name="Log ind igen")
    expect(dialog).to_contain_text("ugyldig")
    dialog.get_by_label("Adgangskode").fill(editor[1])
    dialog.get_by_role("button", name="Log ind").click()
    page.get_by_role("button", name="Gem ændringerne").click()
    expect(page.locator("#staff-message")).to_have_text("Ændringerne er gemt.")
    assert if_match == [f'"{version}"', f'"{version}"']
    assert public_place(facts_only, "perron-4")["city"] == "Randers C"


def test_unsaved_changes_come_back_after_a_reload_and_a_trip_away(page, facts_only, editor):
    page.on("dialog", lambda d: d.accept())  # the browser's "leave the page?" on reload
    staff_login(page, facts_only.url, *editor)
    open_record(page, facts_only.url, "org-units", UNIT)
    field = page.get_by_label("Forkortelse")
    original = field.input_value()
    field.fill("KLADDE-1")
    page.reload()
    expect(page.locator(".draft-note")).to_contain_text("ikke gemt endnu")
    expect(field).to_have_value("KLADDE-1")

    page.get_by_role("link", name="Steder").click()
    expect(page.locator("#staff-message")).to_contain_text("er ikke gemt endnu")
    page.go_back()
    expect(field).to_have_value("KLADDE-1")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_role("button", name="Kassér ændringerne").click()
    expect(field).to_have_value(original)
    expect(page.locator(".draft-note")).to_be_hidden()
    assert stored(page, f"jobcenter-staff-draft:org-units/{UNIT}") is None
