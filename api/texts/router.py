from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.errors import NotFound, responses
from api.records.public import ReadsDep
from api.texts.kind import TEXTS
from api.texts.schemas import TextKey, TextOut

router = APIRouter(prefix="/api/texts", tags=["texts"])


@router.get("", response_model=list[TextOut])
def list_texts(reads: ReadsDep):
    return reads.list(TEXTS)


@router.get("/{key}", response_model=TextOut, responses=responses(NotFound))
def get_text(key: Annotated[TextKey, Path()], reads: ReadsDep):
    return reads.get(TEXTS, key)
