"""The bot's texts that staff edit (help overview, human routes, privacy notice ...)."""

from __future__ import annotations

from api.records.kind import Kind
from api.texts.models import BotText
from api.texts.schemas import TextFields, TextOut, TextRecord

TEXTS = Kind(
    name="texts",
    label="bottekst",
    heading="Chattens tekster",
    model=BotText,
    fields_schema=TextFields,
    record_schema=TextRecord,
    out_schema=TextOut,
    title_field="title",
    key_field="key",
)
