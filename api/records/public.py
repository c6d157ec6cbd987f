"""Helpers for the public (no sign-in) read endpoints."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from api.errors import NotFound
from api.records import service
from api.records.cache import ContentCache
from api.records.kind import Kind
from api.records.schemas import ErrorOut
from api.settings import Settings

NOT_FOUND = {404: {"model": ErrorOut, "description": "Findes ikke"}}


def list_out(session: Session, kind: Kind, settings: Settings, *where: Any) -> list[dict]:
    query = service.ordered(kind, service.live_query(kind).where(*where))
    return [service.out_dict(session, kind, obj, settings) for obj in session.scalars(query)]


def cached_list(session: Session, kind: Kind, settings: Settings, cache: ContentCache) -> Any:
    """The whole live list, validated once per content state."""
    rows = cache.get(session, f"list:{kind.name}", lambda s: list_out(s, kind, settings))
    return JSONResponse(rows)


def _all_out(session: Session, kind: Kind, settings: Settings) -> dict[str, dict]:
    return {str(r[kind.key_field]): r for r in list_out(session, kind, settings)}


def live_records(
    session: Session, kind: Kind, settings: Settings, cache: ContentCache
) -> dict[str, dict]:
    return cache.get(session, f"by-key:{kind.name}", lambda s: _all_out(s, kind, settings))


def ensure_live(
    session: Session, kind: Kind, key: str | int, settings: Settings, cache: ContentCache
) -> dict:
    record = live_records(session, kind, settings, cache).get(str(key))
    if record is None:
        raise NotFound(f"{kind.label} '{key}' findes ikke")
    return record


def get_out(
    session: Session, kind: Kind, key: str | int, settings: Settings, cache: ContentCache
) -> JSONResponse:
    """One live record with its ETag (already validated: returned as is)."""
    record = ensure_live(session, kind, key, settings, cache)
    return JSONResponse(record, headers={"ETag": f'"{record["version"]}"'})
