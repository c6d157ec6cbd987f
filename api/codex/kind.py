"""The principles of 'Kodeks for det gode samarbejde', by number."""

from __future__ import annotations

from api.codex.models import CodexPrinciple
from api.codex.schemas import CodexFields, CodexOut, CodexRecord
from api.records.kind import Kind

CODEX = Kind(
    name="codex",
    label="kodeksprincip",
    heading="Kodeks",
    model=CodexPrinciple,
    fields_schema=CodexFields,
    record_schema=CodexRecord,
    out_schema=CodexOut,
    title_field="title",
    search_texts={"title": 1.0, "description": 0.8},
    key_field="number",
)
