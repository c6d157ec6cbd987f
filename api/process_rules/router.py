from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.errors import NotFound, responses
from api.process_rules.kind import PROCESS_RULES
from api.process_rules.schemas import ProcessRuleOut
from api.records.public import ReadsDep
from api.records.types import Slug

router = APIRouter(prefix="/api/process-rules", tags=["process rules"])


@router.get("", response_model=list[ProcessRuleOut])
def list_rules(
    reads: ReadsDep,
    situation: Annotated[Slug | None, Query(description="fx sygedagpenge")] = None,
):
    return reads.list(PROCESS_RULES, lambda r: situation in (None, r.situation))


@router.get("/{slug}", response_model=ProcessRuleOut, responses=responses(NotFound))
def get_rule(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(PROCESS_RULES, slug)
