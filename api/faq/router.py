from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.errors import NotFound
from api.faq.kind import FAQ
from api.faq.models import FaqEntry
from api.faq.schemas import FaqHit, FaqOut
from api.faq.search import load_index, search
from api.records import service
from api.records.public import NOT_FOUND, list_out
from api.records.types import Slug

router = APIRouter(prefix="/api/faq", tags=["faq"])


@router.get("", response_model=list[FaqOut], summary="Udgivne FAQ-svar")
def list_faq(session: SessionDep, settings: SettingsDep) -> list[dict]:
    return list_out(session, FAQ, settings, FaqEntry.status == "published")


@router.get(
    "/search",
    response_model=list[FaqHit],
    summary="Søg i udgivne FAQ-svar (dansk bøjning og stavefejl)",
)
def search_faq(
    session: SessionDep,
    cache: CacheDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
) -> list[FaqHit]:
    index = cache.get(session, "faq:index", load_index)
    return search(index, q, limit)


@router.get("/{slug}", response_model=FaqOut, responses=NOT_FOUND)
def get_faq(
    slug: Annotated[Slug, Path()], response: Response, session: SessionDep, settings: SettingsDep
):
    obj = service.get_or_404(session, FAQ, slug)
    if obj.status != "published":
        raise NotFound(f"FAQ-svar '{slug}' findes ikke")
    response.headers["ETag"] = f'"{obj.version}"'
    return service.out_dict(session, FAQ, obj, settings)
