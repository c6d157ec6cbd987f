"""Fixtures for the facts service tests: a fresh database per test, created by Alembic.

SQLite always; PostgreSQL through ``TEST_POSTGRES_URL`` or a throwaway server started from
Debian's packages (see ``postgres_server``); when neither works those tests are skipped with
the reason shown by ``-ra``."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api import content_io
from api.auth.service import create_user
from api.db import make_engine, make_session_factory
from api.main import create_app
from api.migrations import upgrade_head
from api.settings import REPO_ROOT, Settings
from tests.e2e.recorder import RecordingProxy

FIXTURE_CONTENT = Path(__file__).with_name("fixtures") / "content.yml"
SEED_FILE = REPO_ROOT / "content" / "seed.yml"
SECRET = "test-secret-0123456789-0123456789-abcdef"
PASSWORD = "correct horse battery"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PROXY_ADDRESS = "127.0.0.2"  # the reverse proxy reaches the facts service from here


def make_settings(database_url: str, **overrides) -> Settings:
    values = {
        "database_url": database_url,
        "facts_env": "test",
        "facts_secret_key": SECRET,
        "rasa_url": "http://localhost:5005",
    }
    values.update(overrides)
    return Settings(**values)


def build_app(settings: Settings) -> FastAPI:
    upgrade_head(settings.sqlalchemy_url)
    return create_app(settings)


def add_user(app: FastAPI, username: str, role: str, password: str = PASSWORD) -> None:
    with app.state.session_factory() as session:
        create_user(session, username, password, role)
        session.commit()


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def import_file(app: FastAPI, path: Path) -> None:
    with app.state.session_factory() as session:
        content = content_io.read_file(str(path))
        content_io.import_content(session, content, "seed", app.state.settings)
        session.commit()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return make_settings(f"sqlite:///{tmp_path / 'facts.db'}")


@pytest.fixture
def app(settings) -> FastAPI:
    return build_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def seeded(app, client) -> TestClient:
    """A client on a database holding the small fixture content."""
    import_file(app, FIXTURE_CONTENT)
    return client


@pytest.fixture
def admin(app, client) -> dict[str, str]:
    add_user(app, "admin", "admin")
    return sign_in(client, "admin")


@pytest.fixture
def editor(app, client) -> dict[str, str]:
    add_user(app, "editor", "editor")
    return sign_in(client, "editor")


@pytest.fixture
def editor2(app, client) -> dict[str, str]:
    add_user(app, "editor2", "editor")
    return sign_in(client, "editor2")


@dataclass
class ProxiedServer:
    url: str  # the reverse proxy's
    log: Path  # the facts service's output

    def client(self, address: str) -> httpx.Client:
        """A client on its own loopback address (any in 127.0.0.0/8), through the proxy."""
        transport = httpx.HTTPTransport(local_address=address)
        return httpx.Client(base_url=self.url, transport=transport, timeout=30)


@pytest.fixture
def facts_behind_proxy(tmp_path) -> Callable[..., contextlib.AbstractContextManager]:
    """`facts-service serve` as an operator starts it (production settings, a migrated
    database, the given environment), behind a real reverse proxy that connects from
    PROXY_ADDRESS and appends each client's address to X-Forwarded-For. Use it as
    ``with facts_behind_proxy(prepare, **env) as server``; ``prepare(app)`` runs first."""

    @contextlib.contextmanager
    def start(prepare: Callable[[FastAPI], None] | None = None, **env: str):
        port = free_port()
        env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{tmp_path / f'facts-{port}.db'}",
            FACTS_PORT=str(port),
            FACTS_SECRET_KEY=SECRET,
            FACTS_ENV="production",
            **env,
        )
        app = build_app(make_settings(env["DATABASE_URL"]))  # as `facts-service migrate`
        if prepare:
            prepare(app)
        app.state.engine.dispose()
        log = tmp_path / f"facts-{port}.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "api.cli", "serve"], env=env, cwd=REPO_ROOT,
                stdout=out, stderr=out,
            )  # fmt: skip
        target = f"http://127.0.0.1:{port}"
        proxy = RecordingProxy(target, from_address=PROXY_ADDRESS).start()
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(f"{target}/health", timeout=1)
                    break
                except httpx.HTTPError:
                    assert server.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, log.read_text()
                    time.sleep(0.2)
            yield ProxiedServer(proxy.url, log)
        finally:
            proxy.stop()
            server.terminate()
            server.wait(timeout=10)

    return start


def seed_file() -> Path:
    """The real content once it exists, else the fixture."""
    return SEED_FILE if SEED_FILE.exists() else FIXTURE_CONTENT


# --- PostgreSQL -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return ["su", "postgres", "-c", " ".join(args)]


def _start_throwaway_postgres(base: Path) -> tuple[str, list[str]]:
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError(f"no PostgreSQL server binaries at {PG_BIN}")
    if os.geteuid() == 0:
        try:
            import pwd

            pg_user = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no 'postgres' user") from exc
        base.chmod(0o755)
        os.chown(base, pg_user.pw_uid, pg_user.pw_gid)
    data, sock = base / "data", base / "sock"
    for folder in (data, sock):
        folder.mkdir()
        if os.geteuid() == 0:
            os.chown(folder, pg_user.pw_uid, pg_user.pw_gid)
    subprocess.run(
        _as_postgres_user(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = free_port()
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres_user(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
        timeout=60,
    )
    stop = _as_postgres_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server's maintenance database, or skip with the reason."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if url:
        yield url
        return
    # Not under pytest's tmp dir: that is private to root, and the server runs as `postgres`.
    base = Path(tempfile.mkdtemp(prefix="facts-pg-"))
    try:
        url, stop = _start_throwaway_postgres(base)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"PostgreSQL not available: {exc} {detail.decode(errors='replace')[:300]}")
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                create_engine(url).connect().close()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """A fresh, empty database on the PostgreSQL server, dropped after the test."""
    name = f"facts_test_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = postgres_server.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


__all__ = ["make_engine", "make_session_factory"]
