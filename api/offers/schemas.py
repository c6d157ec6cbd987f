from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, Name, Slug, SlugKey, WebUrl, choices


class OfferFields(Provenance):
    name: Name = Field(title="Navn")
    aliases: list[Alias] = Field(
        default_factory=list, title="Andre navne og stavemåder", description="Én pr. linje."
    )
    audience: Literal["citizen", "company"] = Field(
        default="citizen",
        title="Målgruppe",
        json_schema_extra=choices(citizen="Borgere", company="Virksomheder"),
    )
    target_groups: list[Alias] = Field(
        default_factory=list, title="Hvem er det for", description="Én pr. linje."
    )
    description: LongText | None = Field(default=None, title="Hvad er det")
    how_to_get: LongText | None = Field(default=None, title="Sådan får man det")
    unit: Slug | None = Field(
        default=None, title="Enhed (slug)", description="Organisationsenhedens slug"
    )
    url: WebUrl | None = Field(default=None, title="Link")


class OfferRecord(OfferFields):
    slug: SlugKey


class OfferOut(OfferRecord, RecordMeta):
    pass
