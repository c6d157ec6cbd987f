"""Organisation units (departments, teams) of the jobcentre."""

from __future__ import annotations

from api.org_units.models import OrgUnit
from api.org_units.schemas import OrgUnitFields, OrgUnitOut, OrgUnitRecord
from api.records.kind import Kind

ORG_UNITS = Kind(
    name="org-units",
    label="organisationsenhed",
    heading="Organisation",
    model=OrgUnit,
    fields_schema=OrgUnitFields,
    record_schema=OrgUnitRecord,
    out_schema=OrgUnitOut,
    title_field="name",
    search_texts={"name": 1.0, "short_name": 1.0, "description": 0.8},
)
