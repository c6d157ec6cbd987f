"""Conversation ids that are never the value the browser sent.

The chat widget sends a random id that only that browser knows. The channel stores the
conversation under a keyed hash of it, so the tracker store, the logs and the action server
never see the browser's id (nor anything personal a client might send as an id), and only the
browser that holds the id can ask for its conversation to be deleted.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "c-"


def pseudonym(sender: str, key: bytes) -> str:
    """``c-`` and 32 hex digits of HMAC-SHA-256(key, sender)."""
    digest = hmac.new(key, sender.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return PREFIX + digest.hexdigest()[:32]
