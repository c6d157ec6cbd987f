from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from api.db import SessionDep
from api.deps import SettingsDep
from api.kinds import PLACES
from api.places.schemas import PlaceOut
from api.records import service
from api.records.public import NOT_FOUND, get_out, list_out
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
def list_places(session: SessionDep, settings: SettingsDep) -> list[dict]:
    return list_out(session, PLACES, settings)


@router.get("/{slug}", response_model=PlaceOut, responses=NOT_FOUND)
def get_place(slug: PlaceSlug, response: Response, session: SessionDep, settings: SettingsDep):
    return get_out(session, PLACES, slug, settings, response)


@router.get(
    "/{slug}/next-session",
    response_model=NextSessionOut,
    responses=NOT_FOUND,
    summary="Næste åbne rådgivning/åbningstid (Europe/Copenhagen, sommertid og undtagelser)",
)
def next_session(
    slug: PlaceSlug,
    session: SessionDep,
    after: Annotated[
        datetime | None, Query(description="ISO-tidspunkt; uden zone = dansk tid; standard nu")
    ] = None,
    kind: SessionKind = None,
) -> NextSessionOut:
    service.get_or_404(session, PLACES, slug)
    return sessions_service.next_session(
        session, slug, local(after or datetime.now().astimezone()), kind
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
    at: Annotated[datetime | None, Query(description="ISO-tidspunkt; standard nu")] = None,
    kind: SessionKind = None,
) -> OpenNowOut:
    service.get_or_404(session, PLACES, slug)
    return sessions_service.open_now(session, slug, local(at or datetime.now().astimezone()), kind)
