"""A per-process memo of read data derived from the content, valid while the content is unchanged.

Every request asks the database for a small fingerprint of all content tables (row count,
newest ``updated_at`` and sum of versions per table). Any staff change, soft delete, revert
or import changes it, so the bot's next read sees the change, also with several workers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

T = TypeVar("T")


def fingerprint_query(models: list[type]):
    parts = [
        select(
            literal(m.__tablename__).label("t"),
            func.count(m.id),
            func.max(m.updated_at),
            func.coalesce(func.sum(m.version), 0),
        )
        for m in models
    ]
    return union_all(*parts)


class ContentCache:
    def __init__(self, models: list[type], stale_after_days: Callable[[], int]) -> None:
        self._query = fingerprint_query(models)
        self._stale_after_days = stale_after_days
        self._lock = threading.Lock()
        self._fingerprint: tuple | None = None
        self._values: dict[str, Any] = {}

    def fingerprint(self, session: Session) -> tuple:
        rows = tuple(tuple(str(v) for v in row) for row in session.execute(self._query))
        return rows, date.today(), self._stale_after_days()

    def get(self, session: Session, name: str, build: Callable[[Session], T]) -> T:
        current = self.fingerprint(session)
        with self._lock:
            if current != self._fingerprint:
                self._fingerprint, self._values = current, {}
            if name in self._values:
                return self._values[name]
        value = build(session)
        with self._lock:
            if self._fingerprint == current:
                self._values[name] = value
        return value
