"""FAQ search for Danish questions: snowball stemming, IDF weights and typo tolerance.

The index (stems of every published question variant) is built once per content state
(``api.records.cache``) and rebuilt when the content changes."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import snowballstemmer
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.faq.models import FaqEntry
from api.faq.schemas import FaqHit
from api.text_match import words

_STOPWORD_TEXT = """
af alle alt andet at bare blev blive bliver da de dem den denne der deres det dette dig
din dine dit du efter eller en end er et for fra få gerne gør han har have hej hende her
hun hvad hvem hver hvilke hvilken hvis hvor hvordan hvornår hvorfor i ikke ind jeg jer
jo kan kunne man mange med meget men mig min mine mit mon må måske når nej noget nogen
nu og også om op os på sig sin sine sit skal skulle som så tak til ud under var vi vil
ville være været
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
TYPO_MIN_SIMILARITY = 80.0
COMPOUND_SIMILARITY = 0.85
MIN_SCORE = 40.0


def _stemmer():
    return snowballstemmer.stemmer("danish")


def stems(text: str, stemmer=None) -> list[str]:
    stemmer = stemmer or _stemmer()
    tokens = [w for w in words(text) if w not in STOPWORDS]
    return [s for s in stemmer.stemWords(tokens) if s]


@dataclass
class Variant:
    slug: str
    question: str
    stems: frozenset[str]


@dataclass
class FaqIndex:
    variants: list[Variant]
    entries: dict[str, FaqHit]
    idf: dict[str, float]
    vocabulary: list[str] = field(default_factory=list)

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.max_idf)

    @property
    def max_idf(self) -> float:
        return max(self.idf.values(), default=1.0)


def build_index(entries: list[FaqEntry]) -> FaqIndex:
    stemmer = _stemmer()
    variants: list[Variant] = []
    hits: dict[str, FaqHit] = {}
    doc_freq: Counter[str] = Counter()
    for entry in entries:
        entry_stems: set[str] = set()
        for question in entry.questions:
            found = frozenset(stems(question, stemmer))
            if found:
                variants.append(Variant(entry.slug, question, found))
                entry_stems |= found
        doc_freq.update(entry_stems)
        hits[entry.slug] = FaqHit(
            slug=entry.slug,
            question=entry.questions[0] if entry.questions else "",
            answer=entry.answer,
            url=entry.url,
            score=0,
            source=entry.source,
        )
    total = max(len(entries), 1)
    idf = {s: math.log(1 + total / df) for s, df in doc_freq.items()}
    return FaqIndex(variants, hits, idf, sorted(doc_freq))


def _token_matches(token: str, vocabulary: list[str]) -> dict[str, float]:
    """Vocabulary stems that `token` may mean, with similarity 0-1 (exact, typo, compound)."""
    found: dict[str, float] = {}
    if token in vocabulary:
        found[token] = 1.0
    if len(token) >= 4:
        for stem, score, _ in process.extract(
            token, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_MIN_SIMILARITY, limit=10
        ):
            found[stem] = max(found.get(stem, 0.0), score / 100)
    if len(token) >= 5:
        for stem in vocabulary:
            if len(stem) >= 5 and stem != token and (stem in token or token in stem):
                found[stem] = max(found.get(stem, 0.0), COMPOUND_SIMILARITY)
    return found


def search(index: FaqIndex, text: str, limit: int) -> list[FaqHit]:
    query = list(dict.fromkeys(stems(text)))
    if not query or not index.variants:
        return []
    matches = {t: _token_matches(t, index.vocabulary) for t in query}
    weights = {t: max((index.weight(s) for s in matches[t]), default=index.max_idf) for t in query}
    total_weight = sum(weights.values())
    best: dict[str, tuple[float, str]] = {}
    for variant in index.variants:
        covered = 0.0
        used: set[str] = set()
        for token in query:
            sims = [sim for stem, sim in matches[token].items() if stem in variant.stems]
            if sims:
                covered += weights[token] * max(sims)
                used |= {s for s in matches[token] if s in variant.stems}
        if not covered:
            continue
        query_cover = covered / total_weight
        variant_cover = len(used) / len(variant.stems)
        score = 100 * (0.8 * query_cover + 0.2 * variant_cover)
        if score > best.get(variant.slug, (0.0, ""))[0]:
            best[variant.slug] = (score, variant.question)
    ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)
    return [
        index.entries[slug].model_copy(update={"score": round(score, 1), "question": question})
        for slug, (score, question) in ranked
        if score >= MIN_SCORE
    ][:limit]


def load_index(session: Session) -> FaqIndex:
    """The index over every published, not deleted FAQ entry."""
    live = FaqEntry.deleted_at.is_(None) & (FaqEntry.status == "published")
    return build_index(list(session.scalars(select(FaqEntry).where(live).order_by(FaqEntry.id))))
