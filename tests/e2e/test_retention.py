"""The purge on a tracker store written by the real Rasa (a copy, so other tests keep theirs)."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from api.retention.tracker_store import purge_conversations
from tests.e2e.chat import ask, new_sender, stored_id

pytestmark = pytest.mark.e2e


def events_by_sender(path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("SELECT sender_id, count(*) FROM events GROUP BY sender_id"))


def test_purge_deletes_whole_conversations_from_rasas_own_tracker_store(stack, tmp_path):
    earlier, later = new_sender(), new_sender()
    ask(stack, "hvor ligger jobcentret?", earlier)
    ask(stack, "tak", earlier)
    time.sleep(0.05)
    cutoff = time.time()
    time.sleep(0.05)
    ask(stack, "hvornår har huset tværs åbent?", later)

    copy = tmp_path / "tracker-copy.db"
    live = sqlite3.connect(stack.cfg.var_dir / "rasa-tracker.db")
    with closing(live), closing(sqlite3.connect(copy)) as target:
        live.backup(target)  # includes what is still in the -wal file
    earlier, later = stored_id(stack, earlier), stored_id(stack, later)
    before = events_by_sender(copy)
    assert before[earlier] >= 8 and before[later] >= 4

    result = purge_conversations(f"sqlite:///{copy}", cutoff=cutoff)

    after = events_by_sender(copy)
    assert earlier not in after
    assert after[later] == before[later]
    assert result.conversations == len(before) - len(after)
    assert result.events == sum(before.values()) - sum(after.values())
