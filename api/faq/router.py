from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.errors import NotFound, responses
from api.faq.kind import FAQ
from api.faq.schemas import FaqOut
from api.records.public import ReadsDep
from api.records.types import Slug

router = APIRouter(prefix="/api/faq", tags=["faq"])


@router.get("", response_model=list[FaqOut], summary="Udgivne FAQ-svar")
def list_faq(reads: ReadsDep):
    return reads.list(FAQ)


@router.get("/{slug}", response_model=FaqOut, responses=responses(NotFound))
def get_faq(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(FAQ, slug)
