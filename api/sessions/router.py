from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.places.kind import PLACES
from api.records.public import NOT_FOUND, ensure_live, get_out, list_out
from api.records.types import Slug
from api.sessions import service
from api.sessions.hours import local
from api.sessions.kind import SESSIONS
from api.sessions.models import AdvisorySession
from api.sessions.schemas import NextSessionOut, OpenNowOut, SessionOut

router = APIRouter(tags=["sessions"])
PlaceSlug = Annotated[Slug, Path()]
SessionKind = Annotated[
    Literal["advisory", "opening_hours"] | None,
    Query(description="Kun åben rådgivning eller kun åbningstider"),
]


@router.get("/api/sessions", response_model=list[SessionOut])
def list_sessions(
    session: SessionDep,
    settings: SettingsDep,
    place: Annotated[Slug | None, Query(description="Kun for dette sted")] = None,
) -> list[dict]:
    where = [AdvisorySession.place == place] if place else []
    return list_out(session, SESSIONS, settings, *where)


@router.get("/api/sessions/{slug}", response_model=SessionOut, responses=NOT_FOUND)
def get_session(
    slug: Annotated[Slug, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, SESSIONS, slug, settings, cache)


@router.get(
    "/api/places/{slug}/next-session",
    tags=["places"],
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
    return service.next_session(
        session, cache, slug, local(after or datetime.now().astimezone()), kind
    )


@router.get(
    "/api/places/{slug}/open-now",
    tags=["places"],
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
    return service.open_now(session, cache, slug, local(at or datetime.now().astimezone()), kind)
