from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.codex.kind import CODEX
from api.codex.schemas import CodexOut
from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.records.public import NOT_FOUND, cached_list, get_out

router = APIRouter(prefix="/api/codex", tags=["codex"])


@router.get("", response_model=list[CodexOut], summary="Kodeks for det gode samarbejde")
def list_codex(session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return cached_list(session, CODEX, settings, cache)


@router.get("/{number}", response_model=CodexOut, responses=NOT_FOUND)
def get_principle(
    number: Annotated[int, Path(ge=1, le=1000)],
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
):
    return get_out(session, CODEX, number, settings, cache)
