from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep
from api.errors import NotFound, responses
from api.faq.kind import FAQ
from api.faq.schemas import FaqHit, FaqOut
from api.faq.search import load_index, search
from api.records.public import ReadsDep
from api.records.types import Slug

router = APIRouter(prefix="/api/faq", tags=["faq"])


@router.get("", response_model=list[FaqOut], summary="Udgivne FAQ-svar")
def list_faq(reads: ReadsDep):
    return reads.list(FAQ)


@router.get(
    "/search",
    response_model=list[FaqHit],
    summary="Søg i udgivne FAQ-svar (dansk bøjning og stavefejl)",
)
def search_faq(
    session: SessionDep,
    cache: CacheDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
) -> list[FaqHit]:
    index = cache.get(session, "faq:index", load_index)
    return search(index, q, limit)


@router.get("/{slug}", response_model=FaqOut, responses=responses(NotFound))
def get_faq(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(FAQ, slug)
