"""Talking to Rasa's REST channel the way the widget does, and reading what the stack kept."""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import closing

import httpx

from privacy.pseudonym import pseudonym
from scripts.stack import chat_sender_key


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def post(stack, body: dict, *, headers: dict | None = None, timeout: float = 30) -> httpx.Response:
    return httpx.post(
        f"{stack.cfg.rasa_url}/webhooks/rest/webhook", json=body, headers=headers, timeout=timeout
    )


def ask(stack, text: str, sender: str | None = None, *, client: str | None = None) -> list[dict]:
    """Send one message; return Rasa's list of bot messages. ``client`` is the address a
    reverse proxy would name in X-Forwarded-For."""
    headers = {"X-Forwarded-For": client} if client else None
    resp = post(stack, {"sender": sender or new_sender(), "message": text}, headers=headers)
    resp.raise_for_status()
    return resp.json()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def answer_ids(messages: list[dict]) -> list[str]:
    return [m["custom"]["answer_id"] for m in messages if "answer_id" in m.get("custom", {})]


def stored_id(stack, sender: str) -> str:
    """The id the tracker store keeps the browser's conversation ``sender`` under."""
    return pseudonym(sender, chat_sender_key(stack.cfg).encode())


def tracker_store_bytes(stack) -> bytes:
    """The SQLite tracker store's files: in WAL mode recent turns are in ``-wal``."""
    files = sorted(stack.cfg.var_dir.glob("rasa-tracker.db*"))
    assert files, "the tracker store exists"
    return b"".join(p.read_bytes() for p in files)


def stored_events(stack, sender: str) -> int:
    with closing(sqlite3.connect(stack.cfg.var_dir / "rasa-tracker.db")) as db:
        query = "SELECT count(*) FROM events WHERE sender_id = ?"
        return db.execute(query, (stored_id(stack, sender),)).fetchone()[0]


def stored_user_texts(stack, sender: str) -> list[str]:
    """What the tracker store kept of the citizen's messages in conversation ``sender``."""
    with closing(sqlite3.connect(stack.cfg.var_dir / "rasa-tracker.db")) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (stored_id(stack, sender),),
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def log_bytes(stack) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(stack.cfg.log_dir.glob("*.log")))
