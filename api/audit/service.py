"""The audit log: add entries (in the caller's transaction), read them, delete old ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.audit.models import AuditEntry

CLI_ACTOR = "<kommandolinje>"
UNKNOWN_ACCOUNT = "<ukendt brugernavn>"


def record(
    session: Session,
    *,
    action: str,
    actor: str,
    target: str | None = None,
    client: str | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Adds one entry to the session; it is saved with the change it describes."""
    entry = AuditEntry(
        at=at or datetime.now(UTC),
        action=action,
        actor=actor[:100],
        target=target[:200] if target else None,
        client=client[:200] if client else None,
        detail=detail,
    )
    session.add(entry)
    return entry


def list_entries(
    session: Session,
    *,
    action: str | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    """Newest first; ``before_id`` pages on from the last entry of the previous page."""
    query = select(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    if before_id:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))


def purge(session: Session, *, retention_days: int, now: datetime | None = None) -> int:
    """Deletes entries older than the retention period; returns how many (caller commits)."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    result = session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff))
    return result.rowcount or 0
