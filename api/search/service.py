"""The search over every searchable kind: documents from the public read path, one index
per content state, and the rule for a clear answer."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.kinds import KINDS
from api.records.cache import ContentCache
from api.records.kind import Kind
from api.records.public import live_records
from api.search.engine import Document, Hit, SearchIndex, build_index, search
from api.search.schemas import SearchHit, SearchOut
from api.settings import Settings


def _texts(record: BaseModel, kind: Kind, ref_titles: list[str]) -> Iterator[tuple[str, float]]:
    for name, weight in kind.search_texts.items():
        value = getattr(record, name)
        for text in value if isinstance(value, list) else [value]:
            if text:
                yield str(text), weight
                if weight == 1.0 and ref_titles:
                    # "Åben rådgivning" + "Huset Tværs": a session is found by its place too
                    yield " ".join([str(text), *ref_titles]), 0.9 * weight


def documents(session: Session, settings: Settings) -> list[Document]:
    live = {kind.name: live_records(session, kind, settings) for kind in KINDS}
    found: list[Document] = []
    for kind in KINDS:
        if not kind.search_texts:
            continue
        for key, record in live[kind.name].items():
            refs = {f: getattr(record, f) for f in kind.references}
            ref_titles = [
                target.title(live[target.name][refs[f]])
                for f, target in kind.references.items()
                if refs[f] in live[target.name]
            ]
            texts = tuple(_texts(record, kind, ref_titles))
            found.append(
                Document(kind.name, key, kind.title(record), record.source, texts, refs, record)
            )
    return found


def _hit(hit: Hit) -> SearchHit:
    document = hit.document
    return SearchHit(
        kind=document.kind,
        key=document.key,
        title=document.title,
        matched=hit.text,
        score=hit.score,
        source=document.source,
        refs=document.refs,
        record=document.record.model_dump(mode="json"),
    )


def is_clear(hits: list[Hit], settings: Settings) -> bool:
    """The best hit scores high enough and clearly ahead of the next."""
    if not hits or hits[0].score < settings.search_clear_score:
        return False
    runner_up = hits[1].score if len(hits) > 1 else 0.0
    return hits[0].score - runner_up >= settings.search_clear_margin


def search_content(
    session: Session,
    cache: ContentCache,
    settings: Settings,
    text: str,
    limit: int,
    kinds: set[str] | None = None,
) -> SearchOut:
    index: SearchIndex = cache.get(
        session, "search:index", lambda s: build_index(documents(s, settings))
    )
    hits = search(index, text, max(limit, 2), kinds)
    return SearchOut(clear=is_clear(hits, settings), hits=[_hit(h) for h in hits[:limit]])


def searchable_kinds() -> list[str]:
    return [kind.name for kind in KINDS if kind.search_texts]
