from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.db import SessionDep
from api.deps import SettingsDep
from api.kinds import TEXTS
from api.records.public import NOT_FOUND, get_out, list_out
from api.texts.schemas import TextKey, TextOut

router = APIRouter(prefix="/api/texts", tags=["texts"])


@router.get("", response_model=list[TextOut])
def list_texts(session: SessionDep, settings: SettingsDep) -> list[dict]:
    return list_out(session, TEXTS, settings)


@router.get("/{key}", response_model=TextOut, responses=NOT_FOUND)
def get_text(
    key: Annotated[TextKey, Path()], response: Response, session: SessionDep, settings: SettingsDep
):
    return get_out(session, TEXTS, key, settings, response)
