"""Whole conversations out of Rasa's SQL tracker store, by the age of their last event.

Rasa's ``SQLTrackerStore`` (rasa/core/tracker_store.py, 3.6) keeps one row per event in the
table ``events(id, sender_id, type_name, timestamp float, intent_name, action_name, data)``,
``timestamp`` in Unix seconds, with an index on ``sender_id`` only. This module declares just
the columns it reads, so it needs neither ``rasa`` nor Rasa's SQLAlchemy 1.4 and works on the
SQLite file ``make run`` uses as well as on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    exists,
    inspect,
    select,
)
from sqlalchemy.engine import make_url

BATCH_CONVERSATIONS = 500

_metadata = MetaData()
events = Table(
    "events",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False),
    Column("timestamp", Float),
)
# The purge looks for old events (timestamp), then checks that the conversation has nothing
# newer (sender_id, timestamp). Rasa's own index on sender_id alone serves neither.
INDEXES = (
    Index("ix_events_timestamp", events.c.timestamp),
    Index("ix_events_sender_id_timestamp", events.c.sender_id, events.c.timestamp),
)


@dataclass(frozen=True)
class ConversationPurge:
    conversations: int = 0
    events: int = 0
    store_found: bool = True


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def ensure_indexes(conn: Connection) -> None:
    for index in INDEXES:
        index.create(conn, checkfirst=True)


def _expired_batch(cutoff: float, batch_size: int):
    """Up to ``batch_size`` senders with an event before ``cutoff`` and none at or after it."""
    old, newer = events.alias("old"), events.alias("newer")
    still_active = exists().where(newer.c.sender_id == old.c.sender_id, newer.c.timestamp >= cutoff)
    return (
        select(old.c.sender_id)
        .where(old.c.timestamp < cutoff, ~still_active)
        .distinct()
        .limit(batch_size)
    )


def purge_conversations(
    url: str, *, cutoff: float, batch_size: int = BATCH_CONVERSATIONS
) -> ConversationPurge:
    """Delete every conversation whose latest event is older than ``cutoff`` (Unix seconds).

    Each batch is one DELETE statement in its own transaction that picks the expired senders
    and deletes all of their events, so a conversation is either gone or untouched: never
    half-deleted, also while Rasa keeps writing. A missing SQLite file or a database without
    the ``events`` table (Rasa never started) means there is nothing to purge.
    """
    path = sqlite_file(url)
    if path is not None and not path.exists():
        return ConversationPurge(store_found=False)
    connect_args = {"timeout": 10} if path is not None else {}
    engine = create_engine(url, connect_args=connect_args)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("events"):
                return ConversationPurge(store_found=False)
            ensure_indexes(conn)
            conn.commit()
        conversations = deleted_events = 0
        statement = (
            delete(events)
            .where(events.c.sender_id.in_(_expired_batch(cutoff, batch_size)))
            .returning(events.c.sender_id)
        )
        while True:
            with engine.begin() as conn:
                senders = conn.execute(statement).scalars().all()
            if not senders:
                break
            conversations += len(set(senders))
            deleted_events += len(senders)
        return ConversationPurge(conversations=conversations, events=deleted_events)
    finally:
        engine.dispose()
