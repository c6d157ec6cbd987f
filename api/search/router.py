from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.search.schemas import SearchOut
from api.search.service import search_content, searchable_kinds

router = APIRouter(tags=["search"])
SearchKind = Literal[tuple(searchable_kinds())]  # type: ignore[valid-type]


@router.get(
    "/api/search",
    response_model=SearchOut,
    summary="Søg i alt udgivet indhold (dansk bøjning, stavefejl, uden æ/ø/å)",
)
def search_all(
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
    kind: Annotated[list[SearchKind] | None, Query(description="Kun disse slags")] = None,
) -> SearchOut:
    return search_content(session, cache, settings, q, limit, set(kind) if kind else None)
