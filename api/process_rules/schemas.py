from __future__ import annotations

from typing import Literal

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, ShortText, Slug


class ProcessRuleFields(Provenance):
    situation: Slug
    target_group: ShortText | None = None
    what_happens: LongText
    deadline: ShortText | None = None
    rule_type: Literal["local", "national"] = "local"


class ProcessRuleRecord(ProcessRuleFields):
    slug: Slug


class ProcessRuleOut(ProcessRuleRecord, RecordMeta):
    pass
