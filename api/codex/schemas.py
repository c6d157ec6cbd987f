from __future__ import annotations

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, Name


class CodexFields(Provenance):
    title: Name = Field(title="Overskrift")
    description: LongText = Field(title="Beskrivelse")


class CodexRecord(CodexFields):
    number: int = Field(ge=1, le=1000, title="Nummer")


class CodexOut(CodexRecord, RecordMeta):
    pass
