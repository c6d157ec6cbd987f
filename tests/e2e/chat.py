"""Talking to Rasa's REST channel the way the widget does."""

from __future__ import annotations

import uuid

import httpx


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def ask(stack, text: str, sender: str | None = None) -> list[dict]:
    """Send one message; return Rasa's list of bot messages."""
    resp = httpx.post(
        f"{stack.cfg.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender or new_sender(), "message": text},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)
