"""Generic create/read/update/soft-delete/publish/revert for every kind, with versions and ETags."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from api.errors import (
    Conflict,
    ContentInvalid,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
)
from api.history import service as history
from api.records.kind import Kind
from api.settings import Settings


def utcnow() -> datetime:
    return datetime.now(UTC)


def is_stale(last_verified: date | None, settings: Settings, today: date | None = None) -> bool:
    if last_verified is None:
        return True
    today = today or date.today()
    return (today - last_verified).days > settings.stale_after_days


def record_model(kind: Kind, obj: Any) -> BaseModel:
    """The record in its canonical (content file) shape."""
    return kind.record_schema.model_validate(obj, from_attributes=True)


def snapshot(kind: Kind, obj: Any) -> dict[str, Any]:
    return record_model(kind, obj).model_dump(mode="json")


def render(schema: type[BaseModel], obj: Any, settings: Settings, **extras: Any) -> BaseModel:
    """A row in a public shape: the schema's fields read from the row, version, stale flag."""
    meta = {"version": obj.version, "stale": is_stale(obj.last_verified, settings)}
    data = {n: getattr(obj, n) for n in schema.model_fields if n not in meta and n not in extras}
    return schema.model_validate(data | meta | extras, from_attributes=True)


def out_model(kind: Kind, obj: Any, settings: Settings) -> BaseModel:
    extras = kind.out_extras(obj, settings) if kind.out_extras else {}
    return render(kind.out_schema, obj, settings, **extras)


def staff_out(kind: Kind, obj: Any, settings: Settings) -> dict[str, Any]:
    """The staff view of a record (deleted ones too): adds deleted, updated_at, updated_by."""
    data = out_model(kind, obj, settings).model_dump()
    deleted = obj.deleted_at is not None
    return data | {"deleted": deleted, "updated_at": obj.updated_at, "updated_by": obj.updated_by}


def live_query(kind: Kind) -> Select:
    return select(kind.model).where(kind.model.deleted_at.is_(None))


def all_query(kind: Kind) -> Select:
    return select(kind.model)


def ordered(kind: Kind, query: Select) -> Select:
    column = kind.model.number if kind.key_field == "number" else kind.model.id
    return query.order_by(column)


def find(session: Session, kind: Kind, key: str | int, *, include_deleted: bool = False) -> Any:
    query = select(kind.model) if include_deleted else live_query(kind)
    query = query.where(getattr(kind.model, kind.key_field) == kind.parse_key(key))
    return session.scalars(query).first()


def get_or_404(session: Session, kind: Kind, key: str | int, *, include_deleted=False) -> Any:
    obj = find(session, kind, key, include_deleted=include_deleted)
    if obj is None:
        raise NotFound(f"{kind.label} '{key}' findes ikke")
    return obj


def parse_if_match(header: str | None) -> int:
    """The version the editor saw, from ``If-Match: "3"`` (also ``W/"3"`` or ``3``).

    Every write needs it: missing, or ``*`` (which would match any version), is 428."""
    if header is None or not header.strip():
        raise PreconditionRequired(
            'Mangler If-Match med versionen du har redigeret (fx If-Match: "3")'
        )
    raw = header.strip().removeprefix("W/").strip('"')
    if raw == "*":
        raise PreconditionRequired(
            'If-Match: * gælder enhver version; send versionen du har redigeret (fx "3")'
        )
    try:
        return int(raw)
    except ValueError:
        raise PreconditionFailed('If-Match skal være et versionsnummer, fx "3"', {}) from None


def stale_write(kind: Kind, current: Any, settings: Settings) -> PreconditionFailed:
    """412 with the record as it is now, so the editor can show both versions."""
    return PreconditionFailed(
        f"En anden har gemt en nyere version ({current.version}) af {kind.label} "
        f"'{getattr(current, kind.key_field)}'. Se den aktuelle udgave og gem dine ændringer igen.",
        staff_out(kind, current, settings),
    )


def check_version(kind: Kind, obj: Any, expected: int | None, settings: Settings) -> None:
    if expected is not None and expected != obj.version:
        raise stale_write(kind, obj, settings)


def _apply(kind: Kind, obj: Any, fields: BaseModel) -> None:
    """Copy the fields onto the row; a list field that is a relationship becomes child rows."""
    children = inspect(kind.model).relationships
    for name in kind.fields_schema.model_fields:
        value = getattr(fields, name)
        if name in children:
            row = children[name].mapper.class_
            value = [row(position=i, **dict(item)) for i, item in enumerate(value)]
        elif isinstance(value, list):
            value = list(value)
        setattr(obj, name, value)


def _check_references(session: Session, kind: Kind, fields: BaseModel) -> None:
    for name, target in kind.references.items():
        value = getattr(fields, name)
        if value is None:
            continue
        key = getattr(target.model, target.key_field)
        found = session.execute(select(target.model.deleted_at).where(key == value)).first()
        if found is None:
            raise ContentInvalid(["body", name], f"ukendt {target.label} '{value}'")
        if found.deleted_at is not None:
            raise ContentInvalid(
                ["body", name], f"{target.label} '{value}' er slettet; gendan det først"
            )


def _stamp(obj: Any, who: str, at: datetime) -> None:
    obj.updated_at = at
    obj.updated_by = who


def _flush(session: Session, kind: Kind, obj: Any, settings: Settings) -> None:
    """Flush; a concurrent writer that got there first turns into 412 with the current record."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        current = get_or_404(session, kind, getattr(obj, kind.key_field), include_deleted=True)
        raise stale_write(kind, current, settings) from None


def _log(
    session: Session, kind: Kind, obj: Any, action: str, who: str, before: dict, after: dict
) -> None:
    history.add_version(
        session,
        kind=kind.name,
        key=getattr(obj, kind.key_field),
        version=obj.version,
        action=action,
        who=who,
        at=obj.updated_at,
        snapshot=after,
        changes=history.diff(before, after),
    )


def create(
    session: Session,
    kind: Kind,
    key: str | int,
    fields: BaseModel,
    who: str,
    settings: Settings,
    *,
    action: str = "create",
) -> Any:
    key = kind.parse_key(key)
    existing = find(session, kind, key, include_deleted=True)
    if existing is not None:
        hint = " (den er slettet; gendan en tidligere version)" if existing.deleted_at else ""
        raise Conflict(f"{kind.label} '{key}' findes allerede{hint}")
    _check_references(session, kind, fields)
    obj = kind.model(**{kind.key_field: key})
    _apply(kind, obj, fields)
    at = utcnow()
    obj.created_at = at
    _stamp(obj, who, at)
    session.add(obj)
    _flush(session, kind, obj, settings)
    _log(session, kind, obj, action, who, {}, snapshot(kind, obj))
    return obj


def update(
    session: Session,
    kind: Kind,
    key: str | int,
    fields: BaseModel,
    who: str,
    settings: Settings,
    *,
    expected: int | None,
    action: str = "update",
    include_deleted: bool = False,
) -> Any:
    obj = get_or_404(session, kind, key, include_deleted=include_deleted)
    check_version(kind, obj, expected, settings)
    _check_references(session, kind, fields)
    before = snapshot(kind, obj)
    was_deleted = obj.deleted_at is not None
    _apply(kind, obj, fields)
    obj.deleted_at = None
    after = snapshot(kind, obj)
    if before == after and not was_deleted:
        return obj
    _stamp(obj, who, utcnow())
    _flush(session, kind, obj, settings)
    _log(session, kind, obj, action, who, before, after)
    return obj


def soft_delete(
    session: Session, kind: Kind, key: str | int, who: str, settings: Settings, *, expected: int
) -> Any:
    obj = get_or_404(session, kind, key)
    check_version(kind, obj, expected, settings)
    at = utcnow()
    obj.deleted_at = at
    _stamp(obj, who, at)
    _flush(session, kind, obj, settings)
    snap = snapshot(kind, obj)
    history.add_version(
        session,
        kind=kind.name,
        key=getattr(obj, kind.key_field),
        version=obj.version,
        action="delete",
        who=who,
        at=at,
        snapshot=snap,
        changes={"deleted": {"from": False, "to": True}},
    )
    return obj


def publish(
    session: Session,
    kind: Kind,
    key: str | int,
    who: str,
    settings: Settings,
    *,
    expected: int,
) -> Any:
    obj = get_or_404(session, kind, key)
    check_version(kind, obj, expected, settings)
    if obj.status == "published":
        return obj
    before = snapshot(kind, obj)
    obj.status = "published"
    _stamp(obj, who, utcnow())
    _flush(session, kind, obj, settings)
    _log(session, kind, obj, "publish", who, before, snapshot(kind, obj))
    return obj


def revert(
    session: Session,
    kind: Kind,
    key: str | int,
    version: int,
    who: str,
    settings: Settings,
    *,
    expected: int,
) -> Any:
    row = history.get_version(session, kind.name, key, version)
    if row is None:
        raise NotFound(f"version {version} af {kind.label} '{key}' findes ikke")
    data = {k: v for k, v in row.snapshot.items() if k != kind.key_field}
    try:
        fields = kind.fields_schema.model_validate(data)
    except ValidationError as exc:
        raise ContentInvalid(["path", "version"], f"version {version} kan ikke gendannes") from exc
    return update(
        session,
        kind,
        key,
        fields,
        who,
        settings,
        expected=expected,
        action="revert",
        include_deleted=True,
    )
