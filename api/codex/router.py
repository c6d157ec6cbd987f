from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.codex.schemas import CodexOut
from api.db import SessionDep
from api.deps import SettingsDep
from api.kinds import CODEX
from api.records.public import NOT_FOUND, get_out, list_out

router = APIRouter(prefix="/api/codex", tags=["codex"])


@router.get("", response_model=list[CodexOut], summary="Kodeks for det gode samarbejde")
def list_codex(session: SessionDep, settings: SettingsDep) -> list[dict]:
    return list_out(session, CODEX, settings)


@router.get("/{number}", response_model=CodexOut, responses=NOT_FOUND)
def get_principle(
    number: Annotated[int, Path(ge=1, le=1000)],
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
):
    return get_out(session, CODEX, number, settings, response)
