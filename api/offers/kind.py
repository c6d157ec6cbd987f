"""Offers of the jobcentre, each maybe run by an organisation unit."""

from __future__ import annotations

from api.offers.models import Offer
from api.offers.schemas import OfferFields, OfferOut, OfferRecord
from api.org_units.kind import ORG_UNITS
from api.records.kind import Kind

OFFERS = Kind(
    name="offers",
    label="tilbud",
    heading="Tilbud",
    model=Offer,
    fields_schema=OfferFields,
    record_schema=OfferRecord,
    out_schema=OfferOut,
    title_field="name",
    references={"unit": ORG_UNITS},
)
