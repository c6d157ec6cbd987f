from __future__ import annotations

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, Name, ShortText, Slug
from api.sessions.schemas import SessionOut


class PlaceFields(Provenance):
    name: Name
    aliases: list[Alias] = Field(default_factory=list, description="Andre navne og stavefejl")
    description: LongText | None = None
    street: ShortText | None = None
    house_number: ShortText | None = None
    postcode: ShortText | None = None
    city: ShortText | None = None
    area_note: ShortText | None = None
    phone: ShortText | None = None
    email: ShortText | None = None
    url: ShortText | None = None
    accessibility: LongText | None = None


class PlaceRecord(PlaceFields):
    slug: Slug


class PlaceOut(PlaceRecord, RecordMeta):
    sessions: list[SessionOut] = Field(default_factory=list)
