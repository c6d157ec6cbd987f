from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.offers.kind import OFFERS
from api.offers.models import Offer
from api.offers.schemas import OfferOut
from api.records.public import NOT_FOUND, get_out, list_out
from api.records.types import Slug
from api.text_match import fold

router = APIRouter(prefix="/api/offers", tags=["offers"])


@router.get("", response_model=list[OfferOut])
def list_offers(
    session: SessionDep,
    settings: SettingsDep,
    audience: Annotated[Literal["citizen", "company"] | None, Query()] = None,
    target_group: Annotated[
        str | None, Query(max_length=200, description="Del af en målgruppe, fx 'unge'")
    ] = None,
) -> list[dict]:
    where = [Offer.audience == audience] if audience else []
    offers = list_out(session, OFFERS, settings, *where)
    if target_group and fold(target_group):
        wanted = fold(target_group)
        offers = [o for o in offers if any(wanted in fold(g) for g in o["target_groups"])]
    return offers


@router.get("/{slug}", response_model=OfferOut, responses=NOT_FOUND)
def get_offer(
    slug: Annotated[Slug, Path()], session: SessionDep, settings: SettingsDep, cache: CacheDep
):
    return get_out(session, OFFERS, slug, settings, cache)
