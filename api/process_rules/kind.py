"""Process rules: what a citizen in a situation can expect, and by when."""

from __future__ import annotations

from api.process_rules.models import ProcessRule
from api.process_rules.schemas import ProcessRuleFields, ProcessRuleOut, ProcessRuleRecord
from api.records.kind import Kind

PROCESS_RULES = Kind(
    name="process-rules",
    label="procesregel",
    heading="Sagsforløb og frister",
    model=ProcessRule,
    fields_schema=ProcessRuleFields,
    record_schema=ProcessRuleRecord,
    out_schema=ProcessRuleOut,
    title_field="situation",
    search_texts={"situation": 1.0, "target_group": 0.9, "what_happens": 0.8, "deadline": 0.7},
)
