from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.kinds import PLACES
from api.places.schemas import PlaceOut
from api.records.public import NOT_FOUND, cached_list, ensure_live, get_out
from api.records.types import Slug
from api.sessions import service as sessions_service
from api.sessions.hours import local
from api.sessions.schemas import NextSessionOut, OpenNowOut

router = APIRouter(prefix="/api/places", tags=["places"])
PlaceSlug = Annotated[Slug, Path()]
SessionKind = Annotated[
    Literal["advisory", "opening_hours"] | None,
    Query(description="Kun åben rådgivning eller kun åbningstider"),
]


@router.get("", response_model=list[PlaceOut])
def list_places(session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return cached_list(session, PLACES, settings, cache)


@router.get("/{slug}", response_model=PlaceOut, responses=NOT_FOUND)
def get_place(slug: PlaceSlug, session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return get_out(session, PLACES, slug, settings, cache)


@router.get(
    "/{slug}/next-session",
    response_model=NextSessionOut,
    responses=NOT_FOUND,
    summary="Næste åbne rådgivning/åbningstid (Europe/Copenhagen, sommertid og undtagelser)",
)
def next_session(
    slug: PlaceSlug,
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
    after: Annotated[
        datetime | None, Query(description="ISO-tidspunkt; uden zone = dansk tid; standard nu")
    ] = None,
    kind: SessionKind = None,
) -> NextSessionOut:
    ensure_live(session, PLACES, slug, settings, cache)
    return sessions_service.next_session(
        session, cache, slug, local(after or datetime.now().astimezone()), kind
    )


@router.get(
    "/{slug}/open-now",
    response_model=OpenNowOut,
    responses=NOT_FOUND,
    summary="Er der åbent nu (eller på tidspunktet `at`)? null når tiderne ikke kendes",
)
def open_now(
    slug: PlaceSlug,
    session: SessionDep,
    settings: SettingsDep,
    cache: CacheDep,
    at: Annotated[datetime | None, Query(description="ISO-tidspunkt; standard nu")] = None,
    kind: SessionKind = None,
) -> OpenNowOut:
    ensure_live(session, PLACES, slug, settings, cache)
    return sessions_service.open_now(
        session, cache, slug, local(at or datetime.now().astimezone()), kind
    )
