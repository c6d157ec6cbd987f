"""The chat widget on the demo page, served by the real facts service, with the bot down.

What needs a real bot answer lives in ``test_full_stack.py``.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import expect

from tests.web.conftest import ROOT, axe_violations, describe
from tests.web.pages import ask, focus_launcher_with_tab, open_widget_with_keyboard

pytestmark = pytest.mark.browser

WIDGET = ROOT / "web" / "static" / "widget"


@pytest.fixture
def demo(page, facts_only):
    """The demo page with console errors (e.g. CSP violations) collected."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{facts_only.url}/")
    expect(page.locator(".cw-launcher")).to_be_visible()
    page.errors = errors
    return page


def csp_errors(errors: list[str]) -> list[str]:
    return [e for e in errors if "Content Security Policy" in e]


def test_demo_page_is_a_demo_with_one_script_tag_under_strict_csp(demo, facts_only):
    resp = httpx.get(f"{facts_only.url}/", timeout=10)
    csp = resp.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, csp
    assert "<style" not in resp.text and " style=" not in resp.text
    assert resp.text.count("<script") == 1
    expect(demo.locator(".demo-banner")).to_contain_text("Demoside")
    bot_url = demo.locator("script[data-bot-url]").get_attribute("data-bot-url")
    assert bot_url == facts_only.rasa_url, "the facts service must put RASA_URL in the demo page"
    assert csp_errors(demo.errors) == []


def test_keyboard_open_escape_returns_focus(demo, shot):
    open_widget_with_keyboard(demo)
    launcher = demo.locator(".cw-launcher")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    # The privacy line comes before any message and links to the privacy statement.
    notice = demo.locator(".cw-notice")
    expect(notice).to_contain_text("CPR-nummer")
    expect(notice.get_by_role("link", name="Læs om privatliv")).to_have_attribute(
        "href", "/privatliv"
    )
    shot(demo, "widget-open-empty")
    demo.keyboard.press("Escape")
    expect(demo.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    # Open again with Space, close with the close button via keyboard.
    demo.keyboard.press("Space")
    expect(demo.get_by_label("Skriv dit spørgsmål")).to_be_focused()
    demo.get_by_role("button", name="Luk chatten").focus()
    demo.keyboard.press("Enter")
    expect(launcher).to_be_focused()


def test_assistant_down_shows_message_and_human_routes(demo, facts_only, shot):
    routes = httpx.get(f"{facts_only.url}/api/texts/human_routes", timeout=10).json()["body"]
    open_widget_with_keyboard(demo)
    ask(demo, "hvor ligger borgerservice")
    message = demo.locator(".cw-msg--system").last
    expect(message).to_contain_text("Assistenten kan ikke svare lige nu")
    expect(message).to_contain_text(routes.strip().splitlines()[0])
    expect(demo.get_by_role("button", name="Prøv igen")).to_be_visible()
    # The question is not lost: it is still in the log and can be sent again.
    expect(demo.locator(".cw-msg--user")).to_have_count(1)
    shot(demo, "widget-assistant-down")
    demo.get_by_role("button", name="Prøv igen").click()
    expect(demo.locator(".cw-msg--system")).to_have_count(2)
    assert csp_errors(demo.errors) == []


class SilentServer:
    """A real TCP server that accepts connections and never answers (a hung assistant)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("127.0.0.1", port))
        self.sock.settimeout(0.2)
        self.held: list[socket.socket] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.held.append(conn)

    def __enter__(self) -> SilentServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join(2)
        for conn in self.held:
            conn.close()
        self.sock.close()


def test_slow_assistant_times_out_with_a_clear_message(demo, facts_only, shot):
    port = urlsplit(facts_only.rasa_url).port
    with SilentServer(port) as silent:
        open_widget_with_keyboard(demo)
        started = time.monotonic()
        field = demo.get_by_label("Skriv dit spørgsmål")
        field.fill("hvor ligger borgerservice")
        demo.keyboard.press("Enter")
        expect(demo.locator(".cw-typing")).to_be_visible()
        expect(demo.get_by_role("status").filter(has_text="Assistenten skriver")).to_be_visible()
        shot(demo, "widget-typing")
        message = demo.locator(".cw-msg--system")
        expect(message).to_contain_text("det tager for lang tid", timeout=20_000)
        waited = time.monotonic() - started
        assert silent.held, "the widget never reached the (silent) assistant"
    assert 9 <= waited <= 16, f"timeout after {waited:.1f} s, expected ~10 s"
    expect(demo.locator(".cw-typing")).to_be_hidden()
    shot(demo, "widget-assistant-slow")


def test_privacy_page_and_conversation_survive_navigation(demo, facts_only, shot):
    open_widget_with_keyboard(demo)
    ask(demo, "hej")
    demo.locator(".cw-notice").get_by_role("link", name="Læs om privatliv").click()
    expect(demo).to_have_url(f"{facts_only.url}/privatliv")
    expect(demo.get_by_role("heading", level=1)).to_have_text("Privatliv i chatten")
    body = demo.locator("main")
    expect(body).to_contain_text("CPR-nummer")
    expect(body).to_contain_text("Din vurdering")
    # Same tab, new page: the conversation is still there (and the dialog still open).
    expect(demo.locator(".cw-msg--user")).to_have_text(["Du skrev:hej"])
    shot(demo, "privacy-page-with-widget")
    demo.get_by_role("button", name="Ny samtale").click()
    expect(demo.locator(".cw-msg")).to_have_count(0)
    expect(demo.get_by_label("Skriv dit spørgsmål")).to_be_focused()


def test_new_conversation_gets_new_sender_id(demo):
    open_widget_with_keyboard(demo)
    key = "jobcenter-chat:" + demo.locator("script[data-bot-url]").get_attribute("data-bot-url")
    first = demo.evaluate("k => JSON.parse(sessionStorage.getItem(k)).senderId", key)
    demo.get_by_role("button", name="Ny samtale").click()
    second = demo.evaluate("k => JSON.parse(sessionStorage.getItem(k)).senderId", key)
    assert first and second and first != second


@pytest.mark.parametrize(
    ("name", "viewport"),
    [("320px", {"width": 320, "height": 640}), ("zoom-200", {"width": 640, "height": 400})],
)
def test_small_screens_and_zoom(demo, shot, name, viewport):
    """320 CSS px wide, and 1280x800 at 200 % zoom (= 640x400 CSS px): no sideways
    scrolling, the whole dialog and its controls on screen."""
    demo.set_viewport_size(viewport)
    open_widget_with_keyboard(demo)
    ask(demo, "hvor ligger borgerservice")
    width = demo.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"horizontal scrolling: {width}px"
    for role, label in [
        ("button", "Send"),
        ("button", "Luk chatten"),
        ("button", "Ny samtale"),
        ("textbox", "Skriv dit spørgsmål"),
    ]:
        box = demo.get_by_role(role, name=label).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (label, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (label, box)
    shot(demo, f"widget-{name}")
    violations = axe_violations(demo)
    assert violations == [], describe(violations)


def test_reduced_motion_stops_the_typing_animation(page, facts_only):
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{facts_only.url}/")
    open_widget_with_keyboard(page)
    name = page.evaluate("getComputedStyle(document.querySelector('.cw-dots span')).animationName")
    assert name == "none"
    page.emulate_media(reduced_motion="no-preference")
    name = page.evaluate("getComputedStyle(document.querySelector('.cw-dots span')).animationName")
    assert name == "cw-bounce"


def test_axe_demo_page_with_widget_open(demo, shot):
    violations = axe_violations(demo)
    assert violations == [], describe(violations)
    focus_launcher_with_tab(demo)
    demo.keyboard.press("Enter")
    ask(demo, "hej")
    shot(demo, "axe-demo-widget-open")
    violations = axe_violations(demo)
    assert violations == [], describe(violations)


def test_axe_privacy_page(page, facts_only):
    page.goto(f"{facts_only.url}/privatliv")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_widget_is_small():
    js = gzip.compress((WIDGET / "chat-widget.js").read_bytes(), 9)
    css = gzip.compress((WIDGET / "chat-widget.css").read_bytes(), 9)
    print(f"widget gzipped: js {len(js)} B, css {len(css)} B, total {len(js) + len(css)} B")
    assert len(js) + len(css) < 15_000
