"""Text normalisation shared by name resolution and FAQ search."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORDS = re.compile(r"[a-zæøåéü0-9]+")


def fold(text: str) -> str:
    """Lower case, Danish letters spelled out (æ→ae, ø→oe, å→aa), accents and punctuation gone."""
    text = text.lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Lower-case words, keeping æ, ø and å (the Danish stemmer needs them)."""
    return _WORDS.findall(text.lower())
