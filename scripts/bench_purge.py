"""The purge on a tracker store of 10,000 conversations: rows before and after, seconds.

Builds Rasa 3.6's ``events`` table (as ``SQLTrackerStore`` creates it) with conversations of
10-20 events shaped like ours (session start, user messages with parse data, slots, actions,
bot answers), half of them last active more than 30 days ago, then runs the same function as
`facts-service purge` and times it: first run (it also creates the timestamp indexes), then a
second run, which is what the hourly purge costs when nothing has expired.

    .venv/bin/python scripts/bench_purge.py                      # throwaway SQLite file
    .venv/bin/python scripts/bench_purge.py --url postgresql+psycopg://user@host/db
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.retention.tracker_store import (  # noqa: E402
    BATCH_CONVERSATIONS,
    ensure_indexes,
    purge_conversations,
)

DAY = 24 * 3600
PERIOD_DAYS = 30

metadata = MetaData()
events = Table(  # rasa/core/tracker_store.py, SQLTrackerStore.SQLEvent
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)

QUESTIONS = [
    ("ask_location", "hvor ligger jobcentret", "action_answer_location", "place", "jobcenter"),
    ("ask_hours", "hvornår har huset tværs åbent", "action_answer_hours", "place", "huset-tvaers"),
    ("ask_offer", "hvad er vejen til job", "action_answer_offer", "offer", "vejen-til-job"),
    ("ask_process", "jeg er [HELBRED] hvad sker der nu", "action_answer_process", "situation", "x"),
]


def event(kind: str, stamp: float, **data: object) -> dict:
    return {"event": kind, "timestamp": stamp, **data}


def conversation(rng: random.Random, sender: str, last: float) -> list[dict]:
    """One conversation of 10-20 events that ends at ``last``."""
    turns = rng.randint(2, 4)
    n_events = 3 + turns * 4  # 11, 15 or 19 (+1 for a slot in some turns)
    start = last - n_events * 7.0
    stamp = start
    rows: list[dict] = []

    def add(type_name: str, intent=None, action=None, **data) -> None:
        nonlocal stamp
        stamp += rng.uniform(0.5, 12.0) if rows else 0.0
        stamp = min(stamp, last)
        body = event(type_name, stamp, **data)
        rows.append(
            {
                "sender_id": sender,
                "type_name": type_name,
                "timestamp": stamp,
                "intent_name": intent,
                "action_name": action,
                "data": json.dumps(body, ensure_ascii=False),
            }
        )

    add("action", action="action_session_start", name="action_session_start")
    add("session_started")
    add("action", action="action_listen", name="action_listen")
    for _ in range(turns):
        intent, text, action, slot, value = rng.choice(QUESTIONS)
        ranking = [{"name": intent, "confidence": 0.93}] + [
            {"name": f"other_{i}", "confidence": 0.01} for i in range(9)
        ]
        add(
            "user",
            intent=intent,
            text=text,
            parse_data={
                "intent": ranking[0],
                "entities": [{"entity": slot, "value": value, "start": 0, "end": 5}],
                "intent_ranking": ranking,
                "text": text,
            },
            input_channel="rest",
            message_id=f"{rng.getrandbits(128):032x}",
        )
        if rng.random() < 0.3:
            add("slot", name=slot, value=value)
        add("action", action=action, name=action, policy="RulePolicy", confidence=1.0)
        add("bot", text="Jobcenter Randers ligger på Regimentvej ... " * 4, data={})
        add("action", action="action_listen", name="action_listen")
    rows[-1]["timestamp"] = last
    return rows


def build(url: str, conversations: int, now: float, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    engine = create_engine(url)
    if inspect(engine).has_table("events"):
        engine.dispose()
        raise SystemExit("that database already has an events table; give an empty one")
    metadata.create_all(engine)
    expired = 0
    batch: list[dict] = []
    with engine.begin() as conn:
        for number in range(conversations):
            if number % 2 == 0:  # half expired: last message 31-120 days ago
                last = now - rng.uniform(PERIOD_DAYS + 1, 120) * DAY
                expired += 1
            else:  # the other half within the period
                last = now - rng.uniform(0, PERIOD_DAYS - 1) * DAY
            batch += conversation(rng, f"{rng.getrandbits(128):032x}", last)
            if len(batch) > 5000:
                conn.execute(events.insert(), batch)
                batch = []
        if batch:
            conn.execute(events.insert(), batch)
    engine.dispose()
    return conversations, expired


def counts(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.scalar(select(func.count()).select_from(events))
        senders = conn.scalar(select(func.count(func.distinct(events.c.sender_id))))
    engine.dispose()
    return senders, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="tracker store URL (default: a throwaway SQLite file)")
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--batch", type=int, default=BATCH_CONVERSATIONS, help="per DELETE")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'bench-tracker.db'}"
        now = datetime.now(UTC).timestamp()
        started = time.perf_counter()
        total, expired = build(url, args.conversations, now, args.seed)
        seconds = time.perf_counter() - started
        print(f"built {total} conversations ({expired} expired) in {seconds:.1f} s")
        before = counts(url)
        print(f"before: {before[0]:>6} conversations {before[1]:>8} events")
        cutoff = now - PERIOD_DAYS * DAY
        started = time.perf_counter()
        engine = create_engine(url)
        with engine.begin() as conn:
            ensure_indexes(conn)
        engine.dispose()
        index_seconds = time.perf_counter() - started
        started = time.perf_counter()
        first = purge_conversations(url, cutoff=cutoff, batch_size=args.batch)
        first_seconds = time.perf_counter() - started
        after = counts(url)
        print(f"after:  {after[0]:>6} conversations {after[1]:>8} events")
        print(
            f"purge:  deleted {first.conversations} conversations ({first.events} events) "
            f"in {first_seconds:.2f} s, batches of {args.batch} "
            f"(+ {index_seconds:.2f} s once, creating the two indexes)"
        )
        started = time.perf_counter()
        second = purge_conversations(url, cutoff=cutoff, batch_size=args.batch)
        print(
            f"again:  deleted {second.conversations} conversations "
            f"in {time.perf_counter() - started:.3f} s (the hourly run when nothing expired)"
        )
        if args.url:
            engine = create_engine(url)
            metadata.drop_all(engine)
            engine.dispose()
        ok = first.conversations == expired and after[0] == total - expired
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
