from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.places.kind import PLACES
from api.places.schemas import PlaceOut
from api.records.public import NOT_FOUND, cached_list, get_out
from api.records.types import Slug

router = APIRouter(prefix="/api/places", tags=["places"])
PlaceSlug = Annotated[Slug, Path()]


@router.get("", response_model=list[PlaceOut])
def list_places(session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return cached_list(session, PLACES, settings, cache)


@router.get("/{slug}", response_model=PlaceOut, responses=NOT_FOUND)
def get_place(slug: PlaceSlug, session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return get_out(session, PLACES, slug, settings, cache)
