"""The web files written in web/: demo page, privacy page, staff editor, static assets."""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

PAGES = {
    "/": ("demo/index.html", "Demo af chatassistenten"),
    "/privatliv": ("demo/privatliv.html", "Privatlivsside"),
    "/staff": ("staff/index.html", "Redigering for medarbejdere"),
}

# The pages in web/ name the default Rasa URL; the service writes in the configured one, so
# the widget and the staff preview reach the Rasa that this deployment runs.
DEFAULT_BOT_URL = 'data-bot-url="http://localhost:5005"'

PLACEHOLDER = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{title} mangler</title></head>
<body><main><h1>{title} er ikke bygget endnu</h1>
<p>Filen <code>web/{path}</code> findes ikke på serveren.</p></main></body></html>
"""


def _page_handler(web_dir: Path, relative: str, title: str):
    def page(request: Request) -> Response:
        path = web_dir / relative
        if path.is_file():
            rasa_url = request.app.state.settings.rasa_url.rstrip("/")
            page_html = path.read_text(encoding="utf-8").replace(
                DEFAULT_BOT_URL, f'data-bot-url="{html.escape(rasa_url, quote=True)}"'
            )
            return HTMLResponse(page_html)
        return HTMLResponse(PLACEHOLDER.format(title=title, path=relative), status_code=404)

    return page


def mount_web(app: FastAPI, web_dir: Path) -> None:
    router = APIRouter(include_in_schema=False)
    for url, (relative, title) in PAGES.items():
        router.add_api_route(url, _page_handler(web_dir, relative, title), methods=["GET"])
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=web_dir / "static", check_dir=False), name="static")
