"""The web files written in web/: demo page, privacy page, staff editor, static assets."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from api.settings import Settings

PAGES = {
    "/": ("demo/index.html", "Demo af chatassistenten"),
    "/privatliv": ("demo/privatliv.html", "Privatlivsside"),
    "/staff": ("staff/index.html", "Redigering for medarbejdere"),
}

# The pages in web/ name the default Rasa URL; the service writes in the configured one, so
# the widget and the staff preview reach the Rasa that this deployment runs.
DEFAULT_BOT_URL = 'data-bot-url="http://localhost:5005"'

# Facts the pages state that come from the settings, written in as {{name}} (the privacy page's
# retention periods): the page can never promise another period than the purge enforces.
SETTING_FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def days_in_danish(days: int) -> str:
    if days % 365 == 0:
        return f"{days // 365} år"
    return "1 dag" if days == 1 else f"{days} dage"


def page_facts(settings: Settings) -> dict[str, str]:
    return {
        "conversation_retention": days_in_danish(settings.conversation_retention_days),
        "log_retention": days_in_danish(settings.log_retention_days),
        "rating_retention": days_in_danish(settings.rating_retention_days),
    }


def fill_in(page_html: str, facts: dict[str, str]) -> str:
    """Replaces each {{name}}; an unknown name is an error in the page, not silent text."""

    def value(match: re.Match[str]) -> str:
        return html.escape(facts[match[1]])

    return SETTING_FIELD.sub(value, page_html)


PLACEHOLDER = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{title} mangler</title></head>
<body><main><h1>{title} er ikke bygget endnu</h1>
<p>Filen <code>web/{path}</code> findes ikke på serveren.</p></main></body></html>
"""


def _page_handler(web_dir: Path, relative: str, title: str):
    def page(request: Request) -> Response:
        path = web_dir / relative
        if path.is_file():
            settings = request.app.state.settings
            rasa_url = settings.rasa_url.rstrip("/")
            page_html = path.read_text(encoding="utf-8").replace(
                DEFAULT_BOT_URL, f'data-bot-url="{html.escape(rasa_url, quote=True)}"'
            )
            return HTMLResponse(fill_in(page_html, page_facts(settings)))
        return HTMLResponse(PLACEHOLDER.format(title=title, path=relative), status_code=404)

    return page


def mount_web(app: FastAPI, web_dir: Path) -> None:
    router = APIRouter(include_in_schema=False)
    for url, (relative, title) in PAGES.items():
        router.add_api_route(url, _page_handler(web_dir, relative, title), methods=["GET"])
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=web_dir / "static", check_dir=False), name="static")
