"""The version log: every change of every record, with who, when, what changed and a snapshot."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.history.models import RecordVersion


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Top-level fields whose value changed, as {field: {"from": old, "to": new}}."""
    changed = {}
    for key in list(before) + [k for k in after if k not in before]:
        if before.get(key) != after.get(key):
            changed[key] = {"from": before.get(key), "to": after.get(key)}
    return changed


def add_version(
    session: Session,
    *,
    kind: str,
    key: str | int,
    version: int,
    action: str,
    who: str,
    at: datetime,
    snapshot: dict[str, Any],
    changes: dict[str, Any],
) -> RecordVersion:
    row = RecordVersion(
        kind=kind,
        record_key=str(key),
        version=version,
        action=action,
        who=who,
        at=at,
        snapshot=snapshot,
        changes=changes,
    )
    session.add(row)
    return row


def list_versions(session: Session, kind: str, key: str | int) -> list[RecordVersion]:
    query = (
        select(RecordVersion)
        .where(RecordVersion.kind == kind, RecordVersion.record_key == str(key))
        .order_by(RecordVersion.version.desc())
    )
    return list(session.scalars(query))


def get_version(session: Session, kind: str, key: str | int, version: int) -> RecordVersion | None:
    query = select(RecordVersion).where(
        RecordVersion.kind == kind,
        RecordVersion.record_key == str(key),
        RecordVersion.version == version,
    )
    return session.scalars(query).first()
