"""Widget and staff editor against all three real servers (facts service, actions, Rasa).

Uses the ``stack`` fixture of ``tests/conftest.py`` (needs a trained model).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.chat import stored_events
from tests.web.conftest import (
    axe_violations,
    create_staff_user,
    describe,
    staff_api,
    token_for,
)
from tests.web.pages import (
    ask,
    bot_texts,
    open_widget_with_keyboard,
    staff_login,
    wait_for_reply,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def editor(full_stack):
    return "webredaktoer", create_staff_user(full_stack, "webredaktoer", role="editor")


def watch_dialogs(page) -> list[str]:
    """Any alert()/confirm() the page opens (an executed injection would open one)."""
    opened: list[str] = []

    def on_dialog(dialog):
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return opened


def ratings_for(server, editor, answer_id: str) -> dict:
    """The stored rating counts for one answer, read back through the staff API."""
    token = token_for(server, editor[0])
    with staff_api(server, token) as api:
        resp = api.get("/api/staff/feedback")
        assert resp.status_code == 200, resp.text
        rows = [r for r in resp.json() if r["answer_id"] == answer_id]
    return rows[0] if rows else {"answer_id": answer_id, "helpful": 0, "not_helpful": 0}


def test_citizen_flow(page, full_stack, editor, shot):
    page.goto(f"{full_stack.url}/")
    assert page.locator("script[data-bot-url]").get_attribute("data-bot-url") == (
        full_stack.rasa_url
    ), "the facts service must put RASA_URL in the demo page"
    open_widget_with_keyboard(page)
    ask(page, "hvor ligger borgerservice")
    answer = page.locator(".cw-msg--bot").filter(has_text="Odinsgade").first
    expect(answer).to_be_visible()
    shot(page, "citizen-answer-odinsgade")

    # A quick reply: sends its payload and shows its title as the citizen's message.
    quick = page.locator(".cw-quick-button").first
    title = quick.inner_text()
    before = page.locator(".cw-msg--bot, .cw-msg--system").count()
    quick.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cw-msg--user").last).to_have_text(f"Du skrev:{title}")
    wait_for_reply(page, before)
    assert len(bot_texts(page)) >= 2
    shot(page, "citizen-quick-reply")

    # Reload: the conversation is still there.
    shown = page.locator(".cw-msg").all_inner_texts()
    page.reload()
    expect(page.locator(".cw-msg")).to_have_count(len(shown))
    assert page.locator(".cw-msg").all_inner_texts() == shown
    shot(page, "citizen-after-reload")

    # Rate the Odinsgade answer; the rating reaches the facts service.
    before_counts = ratings_for(full_stack, editor, "place:borgerservice")
    answer = page.locator(".cw-msg--bot").filter(has_text="Odinsgade").first
    answer.get_by_role("button", name="Svaret hjalp", exact=True).click()
    expect(answer.locator(".cw-rating-feedback")).to_have_text("Tak for din vurdering.")
    expect(answer.get_by_role("button", name="Svaret hjalp", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    after_counts = ratings_for(full_stack, editor, "place:borgerservice")
    assert after_counts["helpful"] == before_counts["helpful"] + 1
    assert after_counts["not_helpful"] == before_counts["not_helpful"]
    shot(page, "citizen-rated")

    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_bot_reply_with_markup_is_shown_as_text(page, full_stack, editor, shot):
    """A staff-edited text containing HTML travels facts service → action → Rasa → widget
    and is shown literally, never parsed."""
    token = token_for(full_stack, editor[0])
    with staff_api(full_stack, token) as api:
        original = api.get("/api/texts/human_routes").json()
        body = {k: original[k] for k in ("title", "body", "source", "last_verified")}
        body["body"] = f"{original['body']} {XSS} javascript:alert(2)"
        resp = api.put(
            "/api/staff/texts/human_routes",
            json=body,
            headers={"If-Match": f'"{original["version"]}"'},
        )
        assert resp.status_code == 200, resp.text
        version = resp.json()["version"]
    try:
        opened = watch_dialogs(page)
        page.goto(f"{full_stack.url}/")
        open_widget_with_keyboard(page)
        ask(page, "jeg vil gerne tale med et menneske")
        if not any(XSS in t for t in bot_texts(page)):
            # Whatever the NLU made of it, the quick reply payload /contact_human is exact.
            before = page.locator(".cw-msg--bot, .cw-msg--system").count()
            page.get_by_role("button", name="Kontakt en medarbejder").first.click()
            wait_for_reply(page, before)
        bubble = page.locator(".cw-msg--bot .cw-bubble").filter(has_text=XSS).last
        expect(bubble).to_be_visible()
        assert page.locator(".cw-log img").count() == 0
        assert bubble.locator("a[href^='javascript']").count() == 0
        page.wait_for_timeout(300)
        assert opened == []
        shot(page, "xss-shown-as-text")
    finally:
        with staff_api(full_stack, token) as api:
            restore = {k: original[k] for k in ("title", "body", "source", "last_verified")}
            resp = api.put(
                "/api/staff/texts/human_routes",
                json=restore,
                headers={"If-Match": f'"{version}"'},
            )
            assert resp.status_code == 200, resp.text


def test_staff_changes_huset_tvaers_hours_and_widget_says_them(browser, full_stack, editor, shot):
    staff_ctx, citizen_ctx = browser.new_context(), browser.new_context()
    try:
        staff = staff_ctx.new_page()
        staff_login(staff, full_stack.url, *editor)
        staff.get_by_role("link", name="Rådgivning og åbningstider").click()
        staff.get_by_label("Søg i rådgivning og åbningstider").fill("huset-tvaers")
        staff.locator("table.records tbody tr a").first.click()
        expect(staff.locator("#record-form")).to_be_visible()
        staff.get_by_role("button", name="Tilføj tidsrum").click()
        row = staff.locator(".repeat-row").last
        row.get_by_label("Ugedag").select_option("tuesday")
        row.get_by_label("Fra").fill("13:15")
        row.get_by_label("Til").fill("15:45")
        row.get_by_label("Hvem er der").fill("Jobcentrets rådgivere")
        staff.get_by_role("button", name="Gem", exact=True).click()
        expect(staff.locator("#staff-message")).to_have_text("Ændringerne er gemt.")
        shot(staff, "staff-huset-tvaers-hours-saved")

        # The staff preview asks the bot with the content saved now.
        staff.get_by_label("Spørgsmål").fill("hvornår er der åben rådgivning i huset tværs")
        staff.get_by_role("button", name="Spørg chatten").click()
        expect(staff.locator("#preview-output .preview-answer").first).to_contain_text(
            "13.15", timeout=30_000
        )
        shot(staff, "staff-preview")

        citizen = citizen_ctx.new_page()
        citizen.goto(f"{full_stack.url}/")
        open_widget_with_keyboard(citizen)
        ask(citizen, "hvornår er der åben rådgivning i huset tværs")
        texts = "\n".join(bot_texts(citizen))
        assert "13.15" in texts and "15.45" in texts, texts
        shot(citizen, "citizen-new-huset-tvaers-hours")
    finally:
        staff_ctx.close()
        citizen_ctx.close()
        _remove_added_slot(full_stack, editor)


def _remove_added_slot(server, editor) -> None:
    token = token_for(server, editor[0])
    with staff_api(server, token) as api:
        record = api.get("/api/advisory-sessions", params={"place": "huset-tvaers"}).json()
        for advisory_session in record:
            if advisory_session["slug"] != "aaben-raadgivning-huset-tvaers":
                continue
            keep = [s for s in advisory_session["slots"] if s["start"] != "13:15"]
            if keep == advisory_session["slots"]:
                return
            body = {
                k: v
                for k, v in advisory_session.items()
                if k not in {"slug", "version", "stale", "deleted", "updated_at", "updated_by"}
            }
            body["slots"] = keep
            api.put(
                f"/api/staff/advisory-sessions/{advisory_session['slug']}",
                json=body,
                headers={"If-Match": f'"{advisory_session["version"]}"'},
            )


def test_new_conversation_deletes_the_old_one_on_the_server(page, full_stack, stack):
    """ "Ny samtale" deletes the conversation from the tracker store, not only from the tab."""
    page.goto(f"{full_stack.url}/")
    open_widget_with_keyboard(page)
    ask(page, "hvor ligger borgerservice")
    expect(page.locator(".cw-msg--bot").filter(has_text="Odinsgade").first).to_be_visible()
    key = "jobcenter-chat:" + full_stack.rasa_url
    sender = page.evaluate("k => JSON.parse(sessionStorage.getItem(k)).senderId", key)
    assert stored_events(stack, sender) > 0
    with page.expect_response(lambda r: r.url.endswith("/webhooks/rest/forget")) as forget:
        page.get_by_role("button", name="Ny samtale").click()
    assert forget.value.ok
    assert stored_events(stack, sender) == 0
