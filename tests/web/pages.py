"""Small page objects for the chat widget and the staff editor (Playwright sync API)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

BOT_TIMEOUT_MS = 30_000


# ---------- chat widget ----------


def focus_launcher_with_tab(page: Page, max_tabs: int = 30) -> None:
    """Tabs from the top of the page until the chat launcher has focus."""
    page.locator("body").focus()
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.classList.contains('cw-launcher')"):
            return
    raise AssertionError("the chat launcher cannot be reached with Tab")


def open_widget_with_keyboard(page: Page) -> None:
    focus_launcher_with_tab(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Spørg Jobcenter Randers")).to_be_visible()
    expect(page.get_by_label("Skriv dit spørgsmål")).to_be_focused()


def ask(page: Page, text: str) -> None:
    """Types a question and sends it with Enter; waits until the answer (or error) is shown."""
    before = page.locator(".cw-msg--bot, .cw-msg--system").count()
    field = page.get_by_label("Skriv dit spørgsmål")
    field.focus()
    field.fill(text)
    page.keyboard.press("Enter")
    expect(page.locator(".cw-msg--user").last).to_have_text(f"Du skrev:{text}")
    wait_for_reply(page, before)


def wait_for_reply(page: Page, before: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.cw-msg--bot, .cw-msg--system').length > n"
        " && document.querySelector('.cw-typing').hidden",
        arg=before,
        timeout=BOT_TIMEOUT_MS,
    )


def bot_texts(page: Page) -> list[str]:
    return page.locator(".cw-msg--bot .cw-bubble").all_inner_texts()


# ---------- staff editor ----------


def staff_login(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/staff")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()


def open_record(page: Page, base_url: str, kind: str, record_id: str) -> None:
    page.goto(f"{base_url}/staff#/{kind}/{record_id}")
    expect(page.locator("#record-form")).to_be_visible()
