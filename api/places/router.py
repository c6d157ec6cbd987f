from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.errors import NotFound, responses
from api.places.kind import PLACES
from api.places.schemas import PlaceOut
from api.records.public import ReadsDep
from api.records.types import Slug

router = APIRouter(prefix="/api/places", tags=["places"])


@router.get("", response_model=list[PlaceOut])
def list_places(reads: ReadsDep):
    return reads.list(PLACES)


@router.get("/{slug}", response_model=PlaceOut, responses=responses(NotFound))
def get_place(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(PLACES, slug)
