"""Recognising elliptic follow-ups by their words: "hvornår?", "hvor ligger det?", "hvem kan
være med?", "og borgerservice?". Only short messages count, so a full question is always
answered as itself. Text only: what the follow-up refers to is decided in actions/answers.py."""

from __future__ import annotations

import re
from enum import Enum

# Folded like the facts service folds names: lower case, æ→ae, ø→oe, å→aa.
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
MAX_WORDS = 6


class Aspect(Enum):
    WHEN = "when"  # the deadline of the last rule, the sessions of the last place
    WHERE = "where"  # the place of the last answer
    WHO = "who"  # the target group of the last offer


_ASPECTS = {
    Aspect.WHEN: re.compile(
        r"\b(hvornaar|hvor hurtigt|hvor lang tid|hvor laenge|hvilken frist|frist(en)?|"
        r"inden hvornaar|when|how (long|soon|fast)|deadline)\b"
    ),
    Aspect.WHERE: re.compile(
        r"\b(hvor (ligger|er|finder jeg|holder|sidder|bor) (i|jer|det|den|de|dem|man)|"
        r"hvad er adressen|adressen?|where (is|are) (it|you|they)|where do i find (it|you|them))\b"
    ),
    Aspect.WHO: re.compile(
        r"\b(hvem kan (vaere med|deltage|faa det|faa|bruge det|bruge|komme)|hvem er (det|den) for|"
        r"er det for mig|kan jeg vaere med|who (can|is it for))\b"
    ),
}
_ANOTHER = re.compile(r"^(og|hvad med|hvad saa med|samme for|and|what about|how about)\b")
_ORDINALS = {
    "foerste": 0, "oeverste": 0, "1": 0, "first": 0,
    "anden": 1, "andet": 1, "2": 1, "to": 1, "second": 1,
    "tredje": 2, "3": 2, "tre": 2, "third": 2, "sidste": -1, "last": -1,
}  # fmt: skip


def folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().translate(_FOLD)))


def is_short(text: str) -> bool:
    return 0 < len(folded(text).split()) <= MAX_WORDS


def aspect(text: str) -> Aspect | None:
    """What a short follow-up asks about the last answer, or None."""
    if not is_short(text):
        return None
    words = folded(text)
    for name, pattern in _ASPECTS.items():
        if pattern.search(words):
            return name
    return None


def asks_about_another(text: str) -> bool:
    """ "og borgerservice?", "hvad med ungeafdelingen": the last question about another subject."""
    return is_short(text) and bool(_ANOTHER.search(folded(text)))


def chosen_index(text: str) -> int | None:
    """Which of the offered suggestions the user picked ("den første", "nr 2"), or None."""
    words = folded(text).split()
    for word in words:
        if word in _ORDINALS:
            return _ORDINALS[word]
    return None
