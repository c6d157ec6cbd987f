"""Retention: `facts-service purge` with a controlled clock, on real SQLite/PostgreSQL databases.

The tracker store is built with the table Rasa 3.6's ``SQLTrackerStore`` creates (same
columns and index); tests/e2e/test_retention.py runs the purge on one written by Rasa itself.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    inspect,
    select,
)

from api.cli import main
from api.feedback.models import Rating
from api.retention.logs import rotate_and_delete
from api.retention.service import purge
from api.retention.tracker_store import purge_conversations
from api.settings import Settings
from tests.api.conftest import build_app, make_settings

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
DAY = 24 * 3600

# Rasa 3.6 rasa/core/tracker_store.py, SQLTrackerStore.SQLEvent
rasa_metadata = MetaData()
rasa_events = Table(
    "events",
    rasa_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def days_ago(days: float) -> float:
    return NOW.timestamp() - days * DAY


def build_tracker_store(url: str, conversations: dict[str, list[float]]) -> None:
    """Each conversation as the timestamps of its events (Unix seconds)."""
    engine = create_engine(url)
    rasa_metadata.create_all(engine)
    rows = [
        {
            "sender_id": sender,
            "type_name": "user",
            "timestamp": stamp,
            "intent_name": "ask_location",
            "data": '{"event": "user", "text": "hvor ligger [PLACE]"}',
        }
        for sender, stamps in conversations.items()
        for stamp in stamps
    ]
    with engine.begin() as conn:
        conn.execute(rasa_events.insert(), rows)
    engine.dispose()


def events_per_sender(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(rasa_events.c.sender_id, func.count()).group_by(rasa_events.c.sender_id)
        ).all()
    engine.dispose()
    return dict(rows)


# 30 days after the last message: a conversation's age is that of its newest event.
CONVERSATIONS = {
    "expired": [days_ago(45), days_ago(44), days_ago(31)],
    "just-expired": [days_ago(30.001)],
    "long-but-active": [days_ago(90), days_ago(60), days_ago(29)],  # an old start is kept
    "recent": [days_ago(2), days_ago(1)],
    "just-kept": [days_ago(29.999)],
}
KEPT = {"long-but-active": 3, "recent": 2, "just-kept": 1}


def rasa_tracker(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'rasa-tracker.db'}"
    build_tracker_store(url, CONVERSATIONS)
    return url


def test_whole_conversations_go_when_their_last_message_is_older_than_the_period(tmp_path):
    url = rasa_tracker(tmp_path)
    result = purge_conversations(url, cutoff=days_ago(30))
    assert (result.conversations, result.events) == (2, 4)
    assert events_per_sender(url) == KEPT
    again = purge_conversations(url, cutoff=days_ago(30))
    assert (again.conversations, again.events) == (0, 0)


def test_small_batches_delete_the_same(tmp_path):
    url = f"sqlite:///{tmp_path / 't.db'}"
    many = {f"old-{n}": [days_ago(40), days_ago(35 + n % 3)] for n in range(25)}
    build_tracker_store(url, many | {"new": [days_ago(40), days_ago(1)]})
    result = purge_conversations(url, cutoff=days_ago(30), batch_size=4)
    assert (result.conversations, result.events) == (25, 50)
    assert events_per_sender(url) == {"new": 2}


def test_purge_adds_the_timestamp_indexes_once(tmp_path):
    url = rasa_tracker(tmp_path)
    purge_conversations(url, cutoff=days_ago(30))
    purge_conversations(url, cutoff=days_ago(30))
    engine = create_engine(url)
    indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("events")}
    engine.dispose()
    assert indexes["ix_events_timestamp"] == ["timestamp"]
    assert indexes["ix_events_sender_id_timestamp"] == ["sender_id", "timestamp"]
    assert "ix_events_sender_id" in indexes  # Rasa's own stays


def test_no_tracker_store_means_nothing_to_purge(tmp_path):
    missing = tmp_path / "never-started.db"
    result = purge_conversations(f"sqlite:///{missing}", cutoff=days_ago(30))
    assert (result.store_found, result.conversations) == (False, 0)
    assert not missing.exists(), "the purge must not create the file"
    empty = tmp_path / "empty.db"
    create_engine(f"sqlite:///{empty}").connect().close()
    assert purge_conversations(f"sqlite:///{empty}", cutoff=days_ago(30)).store_found is False


# --- logs ---------------------------------------------------------------------------------


def test_logs_rotate_once_a_day_and_old_rotations_are_deleted(tmp_path):
    logs = tmp_path / "log"
    logs.mkdir()
    (logs / "facts.log").write_text("i dag\n")
    (logs / "rasa.log").write_text("")  # empty: nothing to rotate
    for day in ("2026-11-01", "2026-11-03", "2026-11-04", "2026-12-02"):
        (logs / f"rasa.log.{day}").write_text(f"{day}\n")
    (logs / "notes.txt").write_text("not ours")

    result = rotate_and_delete(logs, now=NOW, keep_days=30)

    assert (result.rotated, result.deleted) == (1, 2)
    assert sorted(p.name for p in logs.iterdir()) == [
        "facts.log",
        "facts.log.2026-12-03",
        "notes.txt",
        "rasa.log",
        "rasa.log.2026-11-04",
        "rasa.log.2026-12-02",
    ]
    assert (logs / "facts.log.2026-12-03").read_text() == "i dag\n"
    assert (logs / "facts.log").read_text() == ""
    (logs / "facts.log").write_text("senere samme dag\n")
    assert rotate_and_delete(logs, now=NOW + timedelta(hours=1), keep_days=30).rotated == 0
    assert rotate_and_delete(logs, now=NOW + timedelta(days=1), keep_days=30).rotated == 1


WRITER = """
import sys, time
with open(sys.argv[1], "ab", buffering=0) as log:  # as scripts/stack.py gives the servers
    n = 0
    while True:
        log.write(b"line %d\\n" % n)
        n += 1
        time.sleep(0.002)
"""


def line_numbers(data: bytes) -> list[int]:
    return [int(line.split()[1]) for line in data.decode().splitlines()]


def wait_for_lines(path: Path, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() or path.read_bytes().count(b"\n") < count:
        assert time.monotonic() < deadline, f"{path} did not reach {count} lines"
        time.sleep(0.05)


def test_a_running_writer_keeps_writing_after_rotation(tmp_path):
    logs = tmp_path / "log"
    logs.mkdir()
    live = logs / "rasa.log"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(live)])
    try:
        wait_for_lines(live, 50)
        assert rotate_and_delete(logs, now=NOW, keep_days=30).rotated == 1
        wait_for_lines(live, 50)  # 50 more, in the emptied file
    finally:
        writer.terminate()
        writer.wait(timeout=10)
    rotated = (logs / "rasa.log.2026-12-03").read_bytes()
    after = live.read_bytes()
    assert b"\0" not in after, "the writer appends at the new end, no hole at its old offset"
    before_numbers, after_numbers = line_numbers(rotated), line_numbers(after)
    assert before_numbers == list(range(len(before_numbers)))
    # The live file starts again after the rotated lines and holds only what came since.
    assert after_numbers == list(range(after_numbers[0], after_numbers[-1] + 1))
    assert before_numbers[-1] < after_numbers[0]
    assert len(after_numbers) >= 50


# --- the whole purge ----------------------------------------------------------------------


def add_ratings(app, ages_in_days: list[float]) -> None:
    with app.state.session_factory() as session:
        for number, age in enumerate(ages_in_days):
            session.add(
                Rating(
                    answer_id=f"places:sted-{number}",
                    intent="ask_location",
                    helpful=True,
                    created_at=NOW - timedelta(days=age),
                )
            )
        session.commit()


def rating_ages(app) -> list[int]:
    with app.state.session_factory() as session:
        stamps = session.scalars(select(Rating.created_at).order_by(Rating.created_at)).all()
    return [round((NOW - stamp).total_seconds() / DAY) for stamp in stamps]


def retention_settings(database_url: str, tmp_path: Path, **overrides) -> Settings:
    values = {"tracker_store_url": f"sqlite:///{tmp_path / 'rasa-tracker.db'}"} | overrides
    return make_settings(database_url, log_dir=tmp_path / "log", **values)


def purge_everything(settings: Settings, tmp_path: Path) -> None:
    app = build_app(settings)
    build_tracker_store(settings.tracker_sqlalchemy_url, CONVERSATIONS)
    add_ratings(app, [400, 366, 364, 30, 0])
    logs = tmp_path / "log"
    logs.mkdir()
    (logs / "facts.log").write_text("started\n")
    (logs / "facts.log.2026-10-01").write_text("old\n")

    report = purge(settings, now=NOW)

    assert report.errors == []
    assert report.lines()[1:] == [
        "conversations: deleted 2 (4 events)",
        "logs: rotated 1, deleted 1 rotated files",
        "ratings: deleted 2",
        "audit log: deleted 0",
        "sign-in counters: deleted 0",
    ]
    assert events_per_sender(settings.tracker_sqlalchemy_url) == KEPT
    assert rating_ages(app) == [364, 30, 0]
    assert sorted(p.name for p in logs.iterdir()) == ["facts.log", "facts.log.2026-12-03"]
    app.state.engine.dispose()


def test_purge_deletes_exactly_what_has_expired_sqlite(tmp_path):
    purge_everything(retention_settings(f"sqlite:///{tmp_path / 'facts.db'}", tmp_path), tmp_path)


@pytest.mark.postgres
def test_purge_deletes_exactly_what_has_expired_postgres(tmp_path, postgres_url):
    # Facts tables and Rasa's events table on one PostgreSQL server (here in one database).
    settings = retention_settings(postgres_url, tmp_path, tracker_store_url=postgres_url)
    purge_everything(settings, tmp_path)


@pytest.mark.postgres
def test_postgres_tracker_store_in_rasa_url_form(postgres_url):
    # Rasa's env (psycopg2) takes "postgresql://..."; the purge reads the same setting.
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    settings = make_settings("sqlite:///:memory:", tracker_store_url=plain)
    build_tracker_store(settings.tracker_sqlalchemy_url, CONVERSATIONS)
    result = purge_conversations(settings.tracker_sqlalchemy_url, cutoff=days_ago(30))
    assert (result.conversations, result.events) == (2, 4)
    engine = create_engine(settings.tracker_sqlalchemy_url)
    names = {ix["name"] for ix in inspect(engine).get_indexes("events")}
    engine.dispose()
    assert {"ix_events_timestamp", "ix_events_sender_id_timestamp"} <= names


def test_periods_come_from_the_settings(tmp_path):
    settings = retention_settings(
        f"sqlite:///{tmp_path / 'facts.db'}",
        tmp_path,
        conversation_retention_days=60,
        rating_retention_days=30,
    )
    app = build_app(settings)
    build_tracker_store(settings.tracker_sqlalchemy_url, CONVERSATIONS)
    add_ratings(app, [400, 31, 29])
    report = purge(settings, now=NOW)
    assert report.conversations.conversations == 0  # the newest is 31 days old
    assert report.ratings == 2
    assert rating_ages(app) == [29]
    app.state.engine.dispose()


def test_purge_command_prints_counts_only(tmp_path, monkeypatch, capsys):
    settings = retention_settings(f"sqlite:///{tmp_path / 'facts.db'}", tmp_path)
    build_app(settings).state.engine.dispose()
    build_tracker_store(settings.tracker_sqlalchemy_url, CONVERSATIONS)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("TRACKER_STORE_URL", settings.tracker_store_url)
    monkeypatch.setenv("LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("FACTS_ENV", "test")
    assert main(["purge", "--now", NOW.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "purge at 2026-12-03T12:00:00+00:00",
        "conversations: deleted 2 (4 events)",
        "logs: rotated 0, deleted 0 rotated files",
        "ratings: deleted 0",
        "audit log: deleted 0",
        "sign-in counters: deleted 0",
    ]
    assert "PLACE" not in out and "expired" not in out  # no content, no sender ids


def test_purge_command_reports_a_failing_part_and_still_does_the_rest(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'not-migrated.db'}")
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    monkeypatch.setenv("LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("FACTS_ENV", "test")
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "facts.log").write_text("x\n")
    assert main(["purge", "--now", NOW.isoformat()]) == 1
    captured = capsys.readouterr()
    assert "conversations: no tracker store yet, nothing to delete" in captured.out
    assert "logs: rotated 1, deleted 0 rotated files" in captured.out
    assert "purge failed: ratings: OperationalError: no such table: ratings" in captured.err


def test_purge_command_wants_a_time_zone(capsys):
    with pytest.raises(SystemExit):
        main(["purge", "--now", "2026-12-03T12:00:00"])
    assert "time zone" in capsys.readouterr().err


def test_make_run_purges_at_start_and_on_a_schedule(tmp_path, capsys):
    from scripts.stack import StackConfig, facts_cli, purge_on_schedule

    cfg = StackConfig(var_dir=tmp_path / "var", facts_env="test")
    cfg.var_dir.mkdir()
    facts_cli(cfg, "migrate")
    build_tracker_store(cfg.tracker_url, {"old": [time.time() - 31 * DAY]})
    stop = threading.Event()
    thread = purge_on_schedule(cfg, stop, every=0.2)
    deadline = time.monotonic() + 60
    runs: list[str] = []
    while len(runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        runs += [line for line in capsys.readouterr().out.splitlines() if line.startswith("Purge")]
    stop.set()
    thread.join(timeout=30)
    assert len(runs) >= 2
    assert runs[0].startswith("Purge: conversations: deleted 1 (1 events); logs: rotated")
    assert runs[1].startswith("Purge: conversations: deleted 0 (0 events)")
    assert events_per_sender(cfg.tracker_url) == {}
