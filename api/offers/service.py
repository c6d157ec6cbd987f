"""Offers: the organisation unit they name must exist."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.errors import ContentInvalid
from api.offers.schemas import OfferFields
from api.org_units.models import OrgUnit


def check_refs(session: Session, fields: BaseModel) -> None:
    assert isinstance(fields, OfferFields)
    if fields.unit is None:
        return
    unit = session.scalars(
        select(OrgUnit.id).where(OrgUnit.slug == fields.unit, OrgUnit.deleted_at.is_(None))
    ).first()
    if unit is None:
        raise ContentInvalid(["body", "unit"], f"ukendt organisationsenhed '{fields.unit}'")
