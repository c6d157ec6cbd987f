from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.advisory_sessions import service
from api.advisory_sessions.hours import local
from api.advisory_sessions.kind import ADVISORY_SESSIONS
from api.advisory_sessions.schemas import AdvisorySessionOut, NextAdvisorySessionOut, OpenNowOut
from api.errors import NotFound, responses
from api.places.kind import PLACES
from api.records.public import PublicReads, ReadsDep
from api.records.types import Slug

router = APIRouter(tags=["advisory sessions"])
PlaceSlug = Annotated[Slug, Path()]
AdvisorySessionKind = Annotated[
    Literal["advisory", "opening_hours"] | None,
    Query(description="Kun åben rådgivning eller kun åbningstider"),
]


@router.get("/api/advisory-sessions", response_model=list[AdvisorySessionOut])
def list_advisory_sessions(
    reads: ReadsDep,
    place: Annotated[Slug | None, Query(description="Kun for dette sted")] = None,
):
    return reads.list(ADVISORY_SESSIONS, lambda a: place in (None, a.place))


@router.get(
    "/api/advisory-sessions/{slug}",
    response_model=AdvisorySessionOut,
    responses=responses(NotFound),
)
def get_advisory_session(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(ADVISORY_SESSIONS, slug)


def advisory_sessions_at(
    reads: PublicReads, place: str, kind: str | None
) -> list[AdvisorySessionOut]:
    """The live advisory sessions of a live place (404 if there is no such place), maybe of
    one kind."""
    reads.one(PLACES, place)
    live = reads.live(ADVISORY_SESSIONS).values()
    return [a for a in live if a.place == place and kind in (None, a.kind)]


@router.get(
    "/api/places/{slug}/next-session",
    tags=["places"],
    response_model=NextAdvisorySessionOut,
    responses=responses(NotFound),
    summary="Næste åbne rådgivning/åbningstid (Europe/Copenhagen, sommertid og undtagelser)",
)
def next_advisory_session(
    slug: PlaceSlug,
    reads: ReadsDep,
    after: Annotated[
        datetime | None, Query(description="ISO-tidspunkt; uden zone = dansk tid; standard nu")
    ] = None,
    kind: AdvisorySessionKind = None,
) -> NextAdvisorySessionOut:
    moment = local(after or datetime.now().astimezone())
    return service.next_advisory_session(slug, advisory_sessions_at(reads, slug, kind), moment)


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
    kind: AdvisorySessionKind = None,
) -> OpenNowOut:
    moment = local(at or datetime.now().astimezone())
    return service.open_now(slug, advisory_sessions_at(reads, slug, kind), moment)
