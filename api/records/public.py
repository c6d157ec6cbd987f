"""Helpers for the public (no sign-in) read endpoints."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from sqlalchemy.orm import Session

from api.records import service
from api.records.kinds import Kind
from api.records.schemas import ErrorOut
from api.settings import Settings

NOT_FOUND = {404: {"model": ErrorOut, "description": "Findes ikke"}}


def list_out(session: Session, kind: Kind, settings: Settings, *where: Any) -> list[dict]:
    query = service.ordered(kind, service.live_query(kind).where(*where))
    return [service.out_dict(session, kind, obj, settings) for obj in session.scalars(query)]


def get_out(
    session: Session, kind: Kind, key: str | int, settings: Settings, response: Response
) -> dict:
    obj = service.get_or_404(session, kind, key)
    response.headers["ETag"] = f'"{obj.version}"'
    return service.out_dict(session, kind, obj, settings)
