from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, SlugKey, WebUrl, choices

Topic = Literal[
    "locations", "advisory_hours", "offers", "codex", "process", "org", "smalltalk", "human"
]


class FaqFields(Provenance):
    questions: list[Alias] = Field(
        min_length=1,
        max_length=50,
        title="Spørgsmål",
        description="Én formulering pr. linje, sådan som borgere spørger.",
    )
    answer: LongText = Field(title="Svar")
    topic: Topic = Field(
        title="Emne",
        json_schema_extra=choices(
            locations="Steder",
            advisory_hours="Åbningstider og rådgivning",
            offers="Tilbud",
            codex="Kodeks",
            process="Sagsforløb og frister",
            org="Organisation",
            smalltalk="Småsnak",
            human="Kontakt til et menneske",
        ),
    )
    status: Literal["published", "draft"] = Field(
        default="draft",
        title="Status",
        json_schema_extra=choices(draft="Kladde", published="Udgivet"),
    )
    url: WebUrl | None = Field(default=None, title="Link")


class FaqRecord(FaqFields):
    slug: SlugKey


class FaqOut(FaqRecord, RecordMeta):
    pass
