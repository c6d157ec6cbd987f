from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.db import SessionDep
from api.deps import CacheDep
from api.errors import NotFound, responses
from api.resolve.schemas import ResolveKind, ResolveOut
from api.resolve.service import resolve

router = APIRouter(tags=["resolve"])


@router.get(
    "/api/resolve",
    response_model=ResolveOut,
    responses=responses(NotFound, notes={404: "Intet passer godt nok"}),
    summary="Find sted, tilbud eller situation ud fra navn, alias eller stavefejl",
)
def resolve_name(
    session: SessionDep,
    cache: CacheDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    kind: Annotated[ResolveKind | None, Query()] = None,
) -> ResolveOut:
    found = resolve(session, q, kind, cache)
    if found is None:
        raise NotFound(f"fandt ingen {kind or 'post'} der ligner '{q}'")
    return found
