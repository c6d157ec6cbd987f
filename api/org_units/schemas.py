from __future__ import annotations

from pydantic import Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, Name, ShortText, SlugKey


class OrgUnitFields(Provenance):
    name: Name = Field(title="Navn")
    short_name: ShortText | None = Field(default=None, title="Forkortelse")
    description: LongText | None = Field(default=None, title="Beskrivelse")


class OrgUnitRecord(OrgUnitFields):
    slug: SlugKey


class OrgUnitOut(OrgUnitRecord, RecordMeta):
    pass
