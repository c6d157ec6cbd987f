from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.codex.kind import CODEX
from api.codex.schemas import CodexOut
from api.errors import NotFound, responses
from api.records.public import ReadsDep

router = APIRouter(prefix="/api/codex", tags=["codex"])


@router.get("", response_model=list[CodexOut], summary="Kodeks for det gode samarbejde")
def list_codex(reads: ReadsDep):
    return reads.list(CODEX)


@router.get("/{number}", response_model=CodexOut, responses=responses(NotFound))
def get_principle(number: Annotated[int, Path(ge=1, le=1000)], reads: ReadsDep):
    return reads.get(CODEX, number)
