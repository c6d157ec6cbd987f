from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.records.public import NOT_FOUND, cached_list, get_out
from api.texts.kind import TEXTS
from api.texts.schemas import TextKey, TextOut

router = APIRouter(prefix="/api/texts", tags=["texts"])


@router.get("", response_model=list[TextOut])
def list_texts(session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return cached_list(session, TEXTS, settings, cache)


@router.get("/{key}", response_model=TextOut, responses=NOT_FOUND)
def get_text(
    key: Annotated[TextKey, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, TEXTS, key, settings, cache)
