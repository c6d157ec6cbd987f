from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.errors import NotFound, responses
from api.places.kind import PLACES
from api.records.public import PublicReads, ReadsDep
from api.records.types import Slug
from api.sessions import service
from api.sessions.hours import local
from api.sessions.kind import SESSIONS
from api.sessions.schemas import NextSessionOut, OpenNowOut, SessionOut

router = APIRouter(tags=["sessions"])
PlaceSlug = Annotated[Slug, Path()]
SessionKind = Annotated[
    Literal["advisory", "opening_hours"] | None,
    Query(description="Kun åben rådgivning eller kun åbningstider"),
]


@router.get("/api/sessions", response_model=list[SessionOut])
def list_sessions(
    reads: ReadsDep,
    place: Annotated[Slug | None, Query(description="Kun for dette sted")] = None,
):
    return reads.list(SESSIONS, lambda s: place in (None, s.place))


@router.get("/api/sessions/{slug}", response_model=SessionOut, responses=responses(NotFound))
def get_session(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(SESSIONS, slug)


def sessions_at(reads: PublicReads, place: str, kind: str | None) -> list[SessionOut]:
    """The live sessions of a live place (404 if there is no such place), maybe of one kind."""
    reads.one(PLACES, place)
    return [s for s in reads.live(SESSIONS).values() if s.place == place and kind in (None, s.kind)]


@router.get(
    "/api/places/{slug}/next-session",
    tags=["places"],
    response_model=NextSessionOut,
    responses=responses(NotFound),
    summary="Næste åbne rådgivning/åbningstid (Europe/Copenhagen, sommertid og undtagelser)",
)
def next_session(
    slug: PlaceSlug,
    reads: ReadsDep,
    after: Annotated[
        datetime | None, Query(description="ISO-tidspunkt; uden zone = dansk tid; standard nu")
    ] = None,
    kind: SessionKind = None,
) -> NextSessionOut:
    moment = local(after or datetime.now().astimezone())
    return service.next_session(slug, sessions_at(reads, slug, kind), moment)


@router.get(
    "/api/places/{slug}/open-now",
    tags=["places"],
    response_model=OpenNowOut,
    responses=responses(NotFound),
    summary="Er der åbent nu (eller på tidspunktet `at`)? null når tiderne ikke kendes",
)
def open_now(
    slug: PlaceSlug,
    reads: ReadsDep,
    at: Annotated[datetime | None, Query(description="ISO-tidspunkt; standard nu")] = None,
    kind: SessionKind = None,
) -> OpenNowOut:
    return service.open_now(
        slug, sessions_at(reads, slug, kind), local(at or datetime.now().astimezone())
    )
