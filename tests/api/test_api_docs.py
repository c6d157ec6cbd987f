"""/docs and /openapi.json: off in production unless API_DOCS=true; served from our own origin
with the same strict Content-Security-Policy as every page (no CDN, no inline script)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import make_settings

DOC_URLS = (
    "/docs",
    "/openapi.json",
    "/docs/assets/swagger-ui-bundle.js",
    "/docs/init/swagger-init.js",
)


def docs_client(tmp_path, **overrides) -> TestClient:
    return TestClient(create_app(make_settings(f"sqlite:///{tmp_path / 'd.db'}", **overrides)))


@pytest.mark.parametrize(
    ("overrides", "enabled"),
    [
        ({"facts_env": "production"}, False),
        ({"facts_env": "production", "api_docs": True}, True),
        ({"facts_env": "development"}, True),
        ({"facts_env": "development", "api_docs": False}, False),
        ({"facts_env": "test"}, True),
    ],
)
def test_docs_are_off_in_production_unless_enabled(tmp_path, overrides, enabled):
    with docs_client(tmp_path, **overrides) as client:
        for url in DOC_URLS:
            assert client.get(url).status_code == (200 if enabled else 404), url
        assert client.get("/redoc").status_code == 404  # Redoc would need a CDN: never served
        assert client.get("/docs/oauth2-redirect").status_code == 404
        assert client.get("/health").status_code == 200


def test_docs_page_runs_only_our_own_scripts(tmp_path):
    with docs_client(tmp_path, facts_env="production", api_docs=True) as client:
        page = client.get("/docs")
        csp = page.headers["Content-Security-Policy"]
        for asset in re.findall(r'(?:src|href)="([^"]+)"', page.text):
            assert asset.startswith("/docs/"), asset
            assert client.get(asset).status_code == 200, asset
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "http" not in csp.replace("connect-src 'self' http://localhost:5005", "")
    assert "cdn" not in page.text.lower()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert len(scripts) == 2 and all(
        'src="' in attrs and not body.strip() for attrs, body in scripts
    )
