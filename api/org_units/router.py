from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.org_units.kind import ORG_UNITS
from api.org_units.schemas import OrgUnitOut
from api.records.public import NOT_FOUND, cached_list, get_out
from api.records.types import Slug

router = APIRouter(prefix="/api/org-units", tags=["org units"])


@router.get("", response_model=list[OrgUnitOut])
def list_units(session: SessionDep, settings: SettingsDep, cache: CacheDep):
    return cached_list(session, ORG_UNITS, settings, cache)


@router.get("/{slug}", response_model=OrgUnitOut, responses=NOT_FOUND)
def get_unit(
    slug: Annotated[Slug, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, ORG_UNITS, slug, settings, cache)
