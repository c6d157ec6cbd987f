from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, Name, ShortText, Slug


class OfferFields(Provenance):
    name: Name
    aliases: list[Alias] = Field(default_factory=list)
    audience: Literal["citizen", "company"] = "citizen"
    target_groups: list[Alias] = Field(default_factory=list)
    description: LongText | None = None
    how_to_get: LongText | None = None
    unit: Slug | None = Field(default=None, description="Organisationsenhedens slug")
    url: ShortText | None = None


class OfferRecord(OfferFields):
    slug: Slug


class OfferOut(OfferRecord, RecordMeta):
    pass
