"""Deleting one conversation from Rasa's tracker store (Rasa OSS has no such operation).

Runs inside the Rasa server, under the conversation's lock, so a message being handled at the
same moment either finishes first or starts a fresh conversation afterwards.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore

logger = logging.getLogger(__name__)


def innermost(store: TrackerStore) -> TrackerStore:
    """The real store inside Rasa's fail-safe and awaitable wrappers."""
    while hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store


async def delete_conversation(agent: Any, sender_id: str) -> int:
    """Delete every stored event of ``sender_id``; return how many were deleted."""
    store = innermost(agent.tracker_store)
    async with agent.lock_store.lock(sender_id):
        if isinstance(store, SQLTrackerStore):
            with store.session_scope() as session:
                deleted = (
                    session.query(store.SQLEvent)
                    .filter(store.SQLEvent.sender_id == sender_id)
                    .delete(synchronize_session=False)
                )
                session.commit()
        elif isinstance(store, InMemoryTrackerStore):
            deleted = 1 if store.store.pop(sender_id, None) is not None else 0
        else:
            raise NotImplementedError(f"deleting from {type(store).__name__}")
    logger.info("Deleted a conversation on request (%d events).", deleted)
    return deleted
