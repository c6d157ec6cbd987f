"""Alembic migrations build exactly the schema the models describe, and carry the data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, inspect, select

from api.db import make_engine
from api.main import create_app
from api.migrations import alembic_config, upgrade_head
from api.models import Base
from tests.api.conftest import add_user, make_settings, sign_in

BEFORE_ADVISORY_SESSIONS = "379d05c7aa05"  # the revision before the tables were renamed


def test_migrations_match_models_and_downgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade_head(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert diff == []
    assert mode == "wal" and fks == 1
    tables = set(inspect(engine).get_table_names())
    expected = {"places", "advisory_sessions", "advisory_session_slots", "record_versions"}
    assert expected | {"staff_users"} <= tables
    uniques = inspect(engine).get_unique_constraints("places")
    assert [u["name"] for u in uniques] == ["uq_places_slug"]  # naming convention
    engine.dispose()
    command.downgrade(alembic_config(url), "base")
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()


AT = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)  # kept by every purge
RECORD = {
    "source": "Test",
    "last_verified": date(2025, 4, 1),
    "version": 2,
    "deleted_at": None,
    "created_at": AT,
    "updated_at": AT,
    "updated_by": "kim",
}
OLD_ROWS = {
    "places": [{"slug": "huset-tvaers", "name": "Huset Tværs", "aliases": []} | RECORD],
    "sessions": [
        {
            "id": 7,
            "slug": "aaben-raadgivning",
            "place_slug": "huset-tvaers",
            "title": "Åben Rådgivning",
            "kind": "advisory",
            "frequency_note": "to gange om ugen",
        }
        | RECORD
    ],
    "session_slots": [
        {"id": 3, "session_id": 7, "position": 0, "weekday": "monday"}
        | {"start": time(10), "end": time(12), "staff": "Jobcentret"}
    ],
    "session_exceptions": [
        {"id": 4, "session_id": 7, "position": 0, "date": date(2025, 11, 3), "kind": "closed"}
    ],
    "record_versions": [
        {"kind": kind, "record_key": key, "version": 1, "action": "create"}
        | {"who": "kim", "at": AT, "snapshot": {"slug": key}, "changes": {}}
        for kind, key in (("places", "huset-tvaers"), ("sessions", "aaben-raadgivning"))
    ],
    "ratings": [
        {"answer_id": answer, "intent": "ask_advisory_hours", "helpful": True} | {"created_at": AT}
        for answer in ("hours:huset-tvaers", "hours:none", "place:hours:x")
    ],
    "audit_log": [
        {"at": AT, "action": "record_updated", "actor": "kim", "target": target}
        for target in ("sessions/aaben-raadgivning", "places/sessions")
    ],
}


def rows(url: str, table: str, column: str) -> list:
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine, only=[table])
    with engine.connect() as conn:
        found = list(conn.scalars(select(meta.tables[table].c[column]).order_by("id")))
    engine.dispose()
    return found


def check_advisory_sessions_migration(url: str) -> None:
    """A database with advisory sessions, their history, ratings and audit entries under the
    old names reads the same under the new ones, and goes back again."""
    config = alembic_config(url)
    command.upgrade(config, BEFORE_ADVISORY_SESSIONS)
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as conn:
        for table, values in OLD_ROWS.items():
            conn.execute(meta.tables[table].insert(), values)
    engine.dispose()

    upgrade_head(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()
    assert rows(url, "record_versions", "kind") == ["places", "advisory-sessions"]
    answers = ["advisory_sessions:huset-tvaers", "advisory_sessions:none", "place:hours:x"]
    assert rows(url, "ratings", "answer_id") == answers
    targets = ["advisory-sessions/aaben-raadgivning", "places/sessions"]
    assert rows(url, "audit_log", "target") == targets

    app = create_app(make_settings(url))
    add_user(app, "editor", "editor")
    with TestClient(app) as client:
        record = client.get("/api/advisory-sessions/aaben-raadgivning").json()
        assert record["version"] == 2 and record["slots"][0]["start"] == "10:00"
        assert record["exceptions"][0]["date"] == "2025-11-03"
        nxt = client.get(
            "/api/places/huset-tvaers/next-session", params={"after": "2025-11-03T09:00:00"}
        ).json()
        assert nxt["advisory_session_slug"] == "aaben-raadgivning"
        assert nxt["start"] == "2025-11-10T10:00:00+01:00"  # the 3rd is closed
        editor = sign_in(client, "editor")
        staff_url = "/api/staff/advisory-sessions/aaben-raadgivning"
        history = client.get(f"{staff_url}/history", headers=editor).json()
        assert [v["version"] for v in history] == [1]
        body = {k: record[k] for k in ("place", "title", "kind", "slots", "source")}
        created = client.post("/api/staff/advisory-sessions/ny", json=body, headers=editor)
        assert created.status_code == 201, created.text  # new ids follow the copied ones
    app.state.engine.dispose()
    assert rows(url, "advisory_session_slots", "id") == [3, 4]

    command.downgrade(config, BEFORE_ADVISORY_SESSIONS)
    assert rows(url, "sessions", "slug") == ["aaben-raadgivning", "ny"]
    assert rows(url, "session_slots", "session_id") == [7, 8]
    assert rows(url, "session_exceptions", "session_id") == [7]
    kinds = rows(url, "record_versions", "kind")
    assert kinds == ["places", "sessions", "sessions"]
    assert rows(url, "ratings", "answer_id") == [r["answer_id"] for r in OLD_ROWS["ratings"]]
    assert rows(url, "audit_log", "target")[:2] == [r["target"] for r in OLD_ROWS["audit_log"]]
    engine = make_engine(url)
    assert not {"advisory_sessions", "advisory_session_slots"} & set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def test_advisory_sessions_migration_carries_the_data(tmp_path):
    check_advisory_sessions_migration(f"sqlite:///{tmp_path / 'm.db'}")


def test_faq_topics_take_the_topics_names(tmp_path):
    """An FAQ entry's topic in the bot's former words (locations ...) becomes the topic's name,
    and a version from before still reverts."""
    url = f"sqlite:///{tmp_path / 'm.db'}"
    command.upgrade(alembic_config(url), "fadc04798e20")
    faq = {"slug": "hvor", "questions": ["hvor er I"], "answer": "Her.", "topic": "locations"}
    faq |= {"status": "published", "url": None, "source": "Test", "last_verified": None}
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as conn:
        conn.execute(meta.tables["faq"].insert(), faq | RECORD | {"last_verified": None})
        conn.execute(
            meta.tables["record_versions"].insert(),
            {"kind": "faq", "record_key": "hvor", "version": 1, "action": "create"}
            | {"who": "kim", "at": AT, "snapshot": faq | {"answer": "Der."}, "changes": {}},
        )
    engine.dispose()
    upgrade_head(url)
    assert rows(url, "faq", "topic") == ["places"]
    app = create_app(make_settings(url))
    add_user(app, "editor", "editor")
    with TestClient(app) as client:
        assert client.get("/api/faq/hvor").json()["topic"] == "places"
        reverted = client.post(
            "/api/staff/faq/hvor/revert/1",
            headers=sign_in(client, "editor") | {"If-Match": '"2"'},
        )
        assert reverted.status_code == 200, reverted.text
        assert reverted.json()["answer"] == "Der." and reverted.json()["topic"] == "places"
    app.state.engine.dispose()
    command.downgrade(alembic_config(url), "fadc04798e20")
    assert rows(url, "faq", "topic") == ["locations"]
