from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.kinds import SESSIONS
from api.records.public import NOT_FOUND, get_out, list_out
from api.records.types import Slug
from api.sessions.models import AdvisorySession
from api.sessions.schemas import SessionOut

router = APIRouter(prefix="/api/sessions", tags=["sessions"])


@router.get("", response_model=list[SessionOut])
def list_sessions(
    session: SessionDep,
    settings: SettingsDep,
    place: Annotated[Slug | None, Query(description="Kun for dette sted")] = None,
) -> list[dict]:
    where = [AdvisorySession.place_slug == place] if place else []
    return list_out(session, SESSIONS, settings, *where)


@router.get("/{slug}", response_model=SessionOut, responses=NOT_FOUND)
def get_session(
    slug: Annotated[Slug, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, SESSIONS, slug, settings, cache)
