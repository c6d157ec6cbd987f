from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.errors import NotFound, responses
from api.offers.kind import OFFERS
from api.offers.schemas import OfferOut
from api.records.public import ReadsDep
from api.records.types import Slug
from api.text_match import fold

router = APIRouter(prefix="/api/offers", tags=["offers"])


@router.get("", response_model=list[OfferOut])
def list_offers(
    reads: ReadsDep,
    audience: Annotated[Literal["citizen", "company"] | None, Query()] = None,
    target_group: Annotated[
        str | None, Query(max_length=200, description="Del af en målgruppe, fx 'unge'")
    ] = None,
):
    wanted = fold(target_group or "")

    def keep(offer: OfferOut) -> bool:
        groups = (fold(g) for g in offer.target_groups)
        return audience in (None, offer.audience) and (
            not wanted or any(wanted in g for g in groups)
        )

    return reads.list(OFFERS, keep)


@router.get("/{slug}", response_model=OfferOut, responses=responses(NotFound))
def get_offer(slug: Annotated[Slug, Path()], reads: ReadsDep):
    return reads.get(OFFERS, slug)
