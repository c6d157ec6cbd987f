"""The API's documentation: /openapi.json and Swagger UI at /docs, when enabled (API_DOCS;
by default on in development and test, off in production).

Swagger UI's files come from the ``fastapi-offline`` package and are served from this origin,
and the page starts them with a script file of ours: the staff origin, where the staff token
lives in sessionStorage, runs no script from elsewhere and no inline script (the page has the
same strict Content-Security-Policy as the others; see api/middleware.py)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"
INIT_URL = "/docs/init"
SWAGGER_FILES = Path(str(files("fastapi_offline") / "static"))
OWN_FILES = Path(__file__).with_name("api_docs_static")

PAGE = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>{title} – API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{init}/swagger-init.js"></script>
</body>
</html>
"""


def mount_docs(app: FastAPI) -> None:
    """Serves Swagger UI at /docs from this origin (call only when the docs are enabled)."""
    page = PAGE.format(title=app.title, assets=ASSETS_URL, init=INIT_URL)
    router = APIRouter(include_in_schema=False)

    @router.get(DOCS_URL)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    app.include_router(router)
    app.mount(ASSETS_URL, StaticFiles(directory=SWAGGER_FILES), name="docs-assets")
    app.mount(INIT_URL, StaticFiles(directory=OWN_FILES), name="docs-init")
