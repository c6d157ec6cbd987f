from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, ShortText, Slug, SlugKey, choices


class ProcessRuleFields(Provenance):
    situation: Slug = Field(
        title="Situation (slug)", description="Fx sygedagpenge eller ledighedsydelse."
    )
    target_group: ShortText | None = Field(default=None, title="Målgruppe")
    what_happens: LongText = Field(title="Hvad sker der")
    deadline: ShortText | None = Field(default=None, title="Frist")
    rule_type: Literal["local", "national"] = Field(
        default="local",
        title="Regeltype",
        json_schema_extra=choices(local="Lokal regel", national="National regel"),
    )


class ProcessRuleRecord(ProcessRuleFields):
    slug: SlugKey


class ProcessRuleOut(ProcessRuleRecord, RecordMeta):
    pass
