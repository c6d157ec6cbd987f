"""The same service against a real PostgreSQL server (skipped, with the reason, if none)."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient

from api.db import make_engine
from api.models import Base
from tests.api.conftest import (
    FIXTURE_CONTENT,
    add_user,
    build_app,
    import_file,
    make_settings,
    seed_file,
    sign_in,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_app(postgres_url):
    app = build_app(make_settings(postgres_url))
    yield app
    app.state.engine.dispose()


@pytest.fixture
def pg_client(pg_app):
    import_file(pg_app, FIXTURE_CONTENT)
    add_user(pg_app, "editor", "editor")
    add_user(pg_app, "editor2", "editor")
    with TestClient(pg_app) as client:
        yield client


def test_postgres_migrations_match_models(postgres_url):
    from api.migrations import upgrade_head

    upgrade_head(postgres_url)
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_postgres_advisory_sessions_migration_carries_the_data(postgres_url):
    from tests.api.test_migrations import check_advisory_sessions_migration

    check_advisory_sessions_migration(postgres_url)


def test_postgres_reads_and_next_session(pg_client):
    assert pg_client.get("/health").json() == {"status": "ok", "database": "ok"}
    place = pg_client.get("/api/places/huset-tvaers").json()
    assert place["advisory_sessions"][0]["slots"][0]["start"] == "10:00"
    nxt = pg_client.get(
        "/api/places/huset-tvaers/next-session", params={"after": "2025-10-24T12:00:00+02:00"}
    ).json()
    assert nxt["start"] == "2025-10-27T10:00:00+01:00"
    assert (
        pg_client.get("/api/resolve", params={"q": "huset tvers"}).json()["slug"] == "huset-tvaers"
    )
    hits = pg_client.get("/api/search", params={"q": "praktikpladserne", "kind": "faq"}).json()
    assert hits["hits"][0]["key"] == "praktikplads"


def test_postgres_concurrent_edits_one_412_and_history(pg_client):
    editor, editor2 = sign_in(pg_client, "editor"), sign_in(pg_client, "editor2")
    place = pg_client.get("/api/staff/places/jobcenter", headers=editor).json()
    drop = ("slug", "version", "stale", "advisory_sessions", "deleted", "updated_at", "updated_by")
    body = {k: v for k, v in place.items() if k not in drop}
    barrier = threading.Barrier(2)
    codes: list[int] = []

    def save(headers: dict, phone: str) -> None:
        barrier.wait()
        response = pg_client.put(
            "/api/staff/places/jobcenter",
            json=body | {"phone": phone},
            headers=headers | {"If-Match": '"1"'},
        )
        codes.append(response.status_code)

    threads = [
        threading.Thread(target=save, args=(editor, "1")),
        threading.Thread(target=save, args=(editor2, "2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(codes) == [200, 412]
    history = pg_client.get("/api/staff/places/jobcenter/history", headers=editor).json()
    assert [v["version"] for v in history] == [2, 1]
    reverted = pg_client.post(
        "/api/staff/places/jobcenter/revert/1", headers=editor | {"If-Match": '"2"'}
    )
    assert reverted.status_code == 200 and reverted.json()["phone"] is None


def test_postgres_seed_round_trip(postgres_url):
    from api import content_io

    app = build_app(make_settings(postgres_url))
    source = seed_file()
    import_file(app, source)
    with app.state.session_factory() as session:
        exported = content_io.export_yaml(session)
    app.state.engine.dispose()
    as_model = content_io.ContentFile.model_validate
    import yaml

    original = as_model(yaml.safe_load(source.read_text(encoding="utf-8")))
    versions = {"exported_versions"}  # an export adds them
    assert as_model(yaml.safe_load(exported)).model_dump(exclude=versions) == original.model_dump(
        exclude=versions
    )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_attempts_are_counted_once_each(backend, tmp_path, request):
    """30 workers' sessions claim at once: exactly LOGIN_FREE_ATTEMPTS are let through, on
    both databases (compare-and-swap on the counter rows, no lost updates)."""
    from collections import Counter

    from api.auth.throttle import Policy, SignInThrottle

    url = (
        request.getfixturevalue("postgres_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 'claims.db'}"
    )
    app = build_app(make_settings(url))
    throttle = SignInThrottle(
        Policy(free_attempts=5, client_free_attempts=20, first_delay=30, max_delay=900, window=3600)
    )
    start = threading.Barrier(30)
    outcomes: list[bool] = []

    def claim() -> None:
        with app.state.session_factory() as session:
            start.wait()
            outcomes.append(throttle.claim(session, account="kim", client="10.0.0.1").allowed)

    threads = [threading.Thread(target=claim) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    app.state.engine.dispose()
    assert Counter(outcomes) == {True: 5, False: 25}
