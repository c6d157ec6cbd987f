"""Web pages, static files, security headers, CORS, settings and `facts-service serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.main import create_app
from api.settings import DEV_SECRET, REPO_ROOT, Settings
from tests.api.conftest import SECRET, make_settings


@pytest.fixture
def web_dir(tmp_path):
    root = tmp_path / "web"
    (root / "demo").mkdir(parents=True)
    (root / "static").mkdir()
    (root / "demo" / "index.html").write_text("<!doctype html><title>demo</title>", "utf-8")
    (root / "static" / "widget.js").write_text("console.log('hej')", "utf-8")
    return root


def web_client(tmp_path, web_dir, **overrides) -> TestClient:
    settings = make_settings(f"sqlite:///{tmp_path / 'w.db'}", web_dir=web_dir, **overrides)
    return TestClient(create_app(settings))


def test_pages_static_and_placeholders(tmp_path, web_dir):
    with web_client(tmp_path, web_dir) as client:
        page = client.get("/")
        assert page.status_code == 200 and "<title>demo</title>" in page.text
        static = client.get("/static/widget.js")
        assert static.status_code == 200 and "hej" in static.text
        assert static.headers["X-Content-Type-Options"] == "nosniff"
        for url in ("/privatliv", "/staff"):
            missing = client.get(url)
            assert missing.status_code == 404
            assert "ikke bygget endnu" in missing.text
        assert client.get("/static/nope.js").status_code == 404


def test_strict_csp_on_html_pages(tmp_path, web_dir):
    with web_client(tmp_path, web_dir, rasa_url="https://chat.example.dk") as client:
        headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    for part in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self' https://chat.example.dk",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_real_web_files_are_served(client):
    if not (REPO_ROOT / "web" / "demo" / "index.html").exists():
        pytest.skip("web/demo/index.html not written yet")
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in page.headers


def test_cors_only_for_configured_origins(tmp_path, web_dir):
    origins = "https://www.randers.dk, https://test.randers.dk"
    with web_client(tmp_path, web_dir, chat_origins=origins) as client:
        ok = client.get("/health", headers={"Origin": "https://www.randers.dk"})
        assert ok.headers["access-control-allow-origin"] == "https://www.randers.dk"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options(
            "/api/feedback",
            headers={
                "Origin": "https://test.randers.dk",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200


def test_settings_refuse_default_secret_outside_dev_and_test():
    # Without a secret the settings load (the CLI's other commands need none), but the HTTP
    # service, which signs the tokens, refuses to start.
    missing = Settings(facts_env="production", facts_secret_key="")
    with pytest.raises(ValueError, match="FACTS_SECRET_KEY"):
        create_app(missing)
    with pytest.raises(ValidationError, match="FACTS_SECRET_KEY"):
        Settings(facts_env="production", facts_secret_key=DEV_SECRET)
    with pytest.raises(ValidationError, match="mindst 32"):
        Settings(facts_env="production", facts_secret_key="short")
    assert Settings(facts_env="development", facts_secret_key="").facts_secret_key
    relative = Settings(facts_env="test", database_url="sqlite:///var/facts.db")
    assert relative.sqlalchemy_url == f"sqlite:///{REPO_ROOT / 'var' / 'facts.db'}"
    assert Settings(facts_env="test").stale_after_days == 365


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_works_from_environment_only(tmp_path):
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.db'}",
        FACTS_PORT=str(port),
        FACTS_SECRET_KEY=SECRET,
        FACTS_ENV="production",
    )
    run = [sys.executable, "-m", "api.cli"]
    subprocess.run([*run, "migrate"], env=env, cwd=REPO_ROOT, check=True, capture_output=True)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([*run, "serve"], env=env, cwd=REPO_ROOT, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.HTTPError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert response.json() == {"status": "ok", "database": "ok"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pages_point_the_widget_at_the_configured_rasa(tmp_path, web_dir):
    (web_dir / "demo" / "index.html").write_text(
        '<script src="/static/w.js" data-bot-url="http://localhost:5005"></script>', "utf-8"
    )
    with web_client(tmp_path, web_dir, rasa_url='https://chat.example.dk/"x') as client:
        page = client.get("/").text
    assert 'data-bot-url="https://chat.example.dk/&quot;x"' in page
    assert "localhost:5005" not in page


def test_cli_configuration_errors_do_not_print_the_database_password(monkeypatch, capsys):
    from api.cli import main

    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:hemmeligt-kodeord@db/facts")
    monkeypatch.setenv("FACTS_ENV", "production")
    monkeypatch.setenv("FACTS_SECRET_KEY", "")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "FACTS_SECRET_KEY" in err
    assert "hemmeligt-kodeord" not in err
    monkeypatch.setenv("FACTS_PORT", "not a port")
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err
    assert "hemmeligt-kodeord" not in err
