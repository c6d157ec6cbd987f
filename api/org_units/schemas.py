from __future__ import annotations

from api.records.schemas import Provenance, RecordMeta
from api.records.types import LongText, Name, ShortText, Slug


class OrgUnitFields(Provenance):
    name: Name
    short_name: ShortText | None = None
    description: LongText | None = None


class OrgUnitRecord(OrgUnitFields):
    slug: Slug


class OrgUnitOut(OrgUnitRecord, RecordMeta):
    pass
