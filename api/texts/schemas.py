from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, ShortText

TextKey = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$", max_length=80),
]


class TextFields(Provenance):
    title: ShortText | None = Field(default=None, title="Titel")
    body: LongText = Field(title="Tekst")


class TextRecord(TextFields):
    key: TextKey = Field(title="Nøgle")


class TextOut(TextRecord, RecordMeta):
    pass
