"""Best match for free text among place, offer and situation names (typo tolerant)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.offers.models import Offer
from api.places.models import Place
from api.process_rules.models import ProcessRule
from api.records.cache import ContentCache
from api.resolve.schemas import ResolveOut
from api.text_match import fold

MIN_SCORE = 75.0


@dataclass(frozen=True)
class Candidate:
    kind: str
    slug: str
    name: str
    forms: tuple[str, ...]  # folded names, aliases, slug


def _forms(*texts: str | None) -> tuple[str, ...]:
    folded = {fold(t) for t in texts if t}
    return tuple(sorted(f for f in folded if f))


def place_candidates(session: Session) -> list[Candidate]:
    rows = session.scalars(select(Place).where(Place.deleted_at.is_(None)))
    return [
        Candidate(
            "place",
            p.slug,
            p.name,
            _forms(p.name, p.slug.replace("-", " "), p.street, *(p.aliases or [])),
        )
        for p in rows
    ]


def offer_candidates(session: Session) -> list[Candidate]:
    rows = session.scalars(select(Offer).where(Offer.deleted_at.is_(None)))
    return [
        Candidate("offer", o.slug, o.name, _forms(o.name, o.slug.replace("-", " "), *o.aliases))
        for o in rows
    ]


def situation_candidates(session: Session) -> list[Candidate]:
    rows = session.scalars(
        select(ProcessRule.situation).where(ProcessRule.deleted_at.is_(None)).distinct()
    )
    return [
        Candidate("situation", s, s.replace("-", " "), _forms(s.replace("-", " "))) for s in rows
    ]


def similarity(query: str, form: str) -> float:
    """0-100: tolerant of typos, word order and spaces; whole words inside longer text."""
    if query == form:
        return 100.0
    score = max(
        fuzz.ratio(query, form),
        fuzz.ratio(query.replace(" ", ""), form.replace(" ", "")),
        fuzz.token_sort_ratio(query, form),
    )
    if len(form) >= 4 and f" {form} " in f" {query} ":
        score = max(score, 90.0)
    return float(score)


def all_candidates(session: Session) -> dict[str, list[Candidate]]:
    return {
        "place": place_candidates(session),
        "offer": offer_candidates(session),
        "situation": situation_candidates(session),
    }


def resolve(
    session: Session, text: str, kind: str | None, cache: ContentCache
) -> ResolveOut | None:
    query = fold(text)
    if not query:
        return None
    by_kind = cache.get(session, "resolve:candidates", all_candidates)
    candidates = [c for k, group in by_kind.items() if kind in (None, k) for c in group]
    best: tuple[float, Candidate] | None = None
    for cand in candidates:
        score = max((similarity(query, f) for f in cand.forms), default=0.0)
        if best is None or score > best[0]:
            best = (score, cand)
    if best is None or best[0] < MIN_SCORE:
        return None
    score, cand = best
    return ResolveOut(kind=cand.kind, slug=cand.slug, name=cand.name, score=round(score, 1))
