from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.process_rules.kind import PROCESS_RULES
from api.process_rules.models import ProcessRule
from api.process_rules.schemas import ProcessRuleOut
from api.records.public import NOT_FOUND, get_out, list_out
from api.records.types import Slug

router = APIRouter(prefix="/api/process-rules", tags=["process rules"])


@router.get("", response_model=list[ProcessRuleOut])
def list_rules(
    session: SessionDep,
    settings: SettingsDep,
    situation: Annotated[Slug | None, Query(description="fx sygedagpenge")] = None,
) -> list[dict]:
    where = [ProcessRule.situation == situation] if situation else []
    return list_out(session, PROCESS_RULES, settings, *where)


@router.get("/{slug}", response_model=ProcessRuleOut, responses=NOT_FOUND)
def get_rule(
    slug: Annotated[Slug, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, PROCESS_RULES, slug, settings, cache)
