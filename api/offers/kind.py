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
    search_texts={
        "name": 1.0,
        "aliases": 1.0,
        "target_groups": 0.8,
        "description": 0.8,
        "how_to_get": 0.7,
    },
    references={"unit": ORG_UNITS},
)
