from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, SlugKey, WebUrl, choices

# The bot's topics by their one name; files exported before still import with the old names.
FORMER_TOPICS = {
    "locations": "places",
    "advisory_hours": "advisory_sessions",
    "process": "process_rules",
    "org": "org_units",
}
Topic = Annotated[
    Literal[
        "places", "advisory_sessions", "offers", "codex", "process_rules", "org_units",
        "smalltalk", "human",
    ],
    BeforeValidator(lambda value: FORMER_TOPICS.get(value, value)),
]  # fmt: skip


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
            places="Steder",
            advisory_sessions="Rådgivning og åbningstider",
            offers="Tilbud",
            codex="Kodeks",
            process_rules="Sagsforløb og frister",
            org_units="Organisation",
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
