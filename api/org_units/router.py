from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.errors import NotFound, responses
from api.org_units.kind import ORG_UNITS
from api.org_units.schemas import OrgUnitOut
from api.records.public import ReadsDep
from api.records.types import Slug

router = APIRouter(prefix="/api/org-units", tags=["org units"])


@router.get("", response_model=list[OrgUnitOut])
def list_units(reads: ReadsDep):
    return reads.list(ORG_UNITS)


@router.get("/{slug}", response_model=OrgUnitOut, responses=responses(NotFound))
def get_unit(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(ORG_UNITS, slug)
