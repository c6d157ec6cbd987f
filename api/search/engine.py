"""One ranking over every published record: snowball stemming, IDF weights, typo tolerance.

A record is a ``Document`` with weighted texts (its names, aliases and questions weigh 1, its
longer texts less). The index is built once per content state (``api.records.cache``), so a
staff edit or a new record is searchable at the next request, without retraining the bot."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import snowballstemmer
from rapidfuzz import fuzz, process

from api.text_match import fold

_STOPWORD_TEXT = """
af alle alt andet at bare blev blive bliver da de dem den denne der deres det dette dig
din dine dit du efter eller en end er et for fra få gerne gør han har have hej hende her
hun hvad hvem hver hvilke hvilken hvis hvor hvordan hvornår hvorfor i ikke ind jeg jer
jo kan kunne man mange med meget men mig min mine mit mon må måske når nej noget nogen
nu og også om op os på sig sin sine sit skal skulle som så tak til ud under var vi vil
ville være været
finde finder ligger ligge hedder
a about an and any are at be can could do does for from get have how i i'm im in is it me my
of on or please pls the there this to what when where which who why with would you your
"""
# Danish and English question words: an English question still meets the Danish content.
STOPWORDS = frozenset(fold(_STOPWORD_TEXT).split())
TYPO_MIN_SIMILARITY = 80.0
COMPOUND_SIMILARITY = 0.85
MIN_SCORE = 40.0


def _stemmer():
    return snowballstemmer.stemmer("danish")


def stems(text: str, stemmer=None) -> list[str]:
    """Stems of the content words, spelled without æ, ø, å (so "aabningstid" meets "åbningstid")."""
    stemmer = stemmer or _stemmer()
    tokens = [w for w in fold(text).split() if w not in STOPWORDS]
    return [s for s in stemmer.stemWords(tokens) if s]


@dataclass(frozen=True)
class Document:
    """One record as the search sees it: what it answers to, with a weight per text."""

    kind: str
    key: str
    title: str
    source: str
    texts: tuple[tuple[str, float], ...]
    refs: dict[str, str] = field(default_factory=dict)
    record: Any = None  # what a hit hands back, e.g. the public read model


@dataclass(frozen=True)
class Variant:
    document: int
    text: str
    stems: frozenset[str]
    weight: float


@dataclass(frozen=True)
class Hit:
    document: Document
    text: str  # the name, question or text that matched best
    score: float  # 0-100


@dataclass
class SearchIndex:
    documents: list[Document]
    variants: list[Variant]
    idf: dict[str, float]
    vocabulary: list[str] = field(default_factory=list)

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.max_idf)

    @property
    def max_idf(self) -> float:
        return max(self.idf.values(), default=1.0)


def build_index(documents: list[Document]) -> SearchIndex:
    stemmer = _stemmer()
    variants: list[Variant] = []
    doc_freq: Counter[str] = Counter()
    for number, document in enumerate(documents):
        document_stems: set[str] = set()
        for text, weight in document.texts:
            found = frozenset(stems(text, stemmer))
            if found:
                variants.append(Variant(number, text, found, weight))
                document_stems |= found
        doc_freq.update(document_stems)
    total = max(len(documents), 1)
    idf = {s: math.log(1 + total / df) for s, df in doc_freq.items()}
    return SearchIndex(documents, variants, idf, sorted(doc_freq))


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
                # a part of a compound says less the smaller a part it is
                part = min(len(stem), len(token)) / max(len(stem), len(token))
                found[stem] = max(found.get(stem, 0.0), COMPOUND_SIMILARITY * math.sqrt(part))
    return found


def search(index: SearchIndex, text: str, limit: int, kinds: set[str] | None = None) -> list[Hit]:
    """The best documents for `text`, best first. A document scores by how much of the query
    its texts cover together (IDF-weighted, each word by its best text, times that text's
    weight), and a little by how much of its best-covered text the query covers."""
    query = list(dict.fromkeys(stems(text)))
    if not query or not index.variants:
        return []
    matches = {t: _token_matches(t, index.vocabulary) for t in query}
    weights = {t: max((index.weight(s) for s in matches[t]), default=index.max_idf) for t in query}
    total_weight = sum(weights.values())
    found: dict[int, _Match] = {}
    for variant in index.variants:
        if kinds and index.documents[variant.document].kind not in kinds:
            continue
        covered = 0.0
        used: set[str] = set()
        for token in query:
            sims = [sim for stem, sim in matches[token].items() if stem in variant.stems]
            if sims:
                found.setdefault(variant.document, _Match()).cover(
                    token, max(sims) * variant.weight
                )
                covered += weights[token] * max(sims)
                used |= {s for s in matches[token] if s in variant.stems}
        if covered:
            found[variant.document].best_text(variant, covered, len(used) / len(variant.stems))
    scored = [
        (100 * (0.8 * m.query_cover(weights) / total_weight + 0.2 * m.text_cover), number, m.text)
        for number, m in found.items()
    ]
    scored.sort(key=lambda item: item[0], reverse=True)
    return [
        Hit(index.documents[number], text, round(score, 1))
        for score, number, text in scored
        if score >= MIN_SCORE
    ][:limit]


@dataclass
class _Match:
    """What one document's texts cover of the query."""

    tokens: dict[str, float] = field(default_factory=dict)  # query word -> best similarity
    text: str = ""
    covered: float = 0.0
    text_cover: float = 0.0

    def cover(self, token: str, similarity: float) -> None:
        self.tokens[token] = max(self.tokens.get(token, 0.0), similarity)

    def best_text(self, variant: Variant, covered: float, text_cover: float) -> None:
        if covered > self.covered:
            self.text, self.covered = variant.text, covered
            self.text_cover = text_cover * variant.weight

    def query_cover(self, weights: dict[str, float]) -> float:
        return sum(weights[token] * sim for token, sim in self.tokens.items())
