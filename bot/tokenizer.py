"""spaCy tokens without the masking markers: a marker alone must not decide the intent.

The input channel replaces personal data with markers (``[CPR]``, ``[HELBRED]`` ...). If the
classifier saw them, "jeg har [HELBRED], kan jeg få fleksjob" would lean towards the privacy
notice because of the marker rather than towards what was asked. So every featurizer sees the
message as if the personal data had never been written; ``bot.privacy.SensitiveDataOverride``
then decides from the text's markers and the classifier's verdict on the rest.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from privacy.masking import MARKERS

_MARKER = re.compile("|".join(re.escape(m) for m in MARKERS), re.IGNORECASE)


def marker_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MARKER.finditer(text or "")]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MarkerFreeSpacyTokenizer(SpacyTokenizer):
    """Rasa's ``SpacyTokenizer``, leaving out the tokens of masking markers."""

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        tokens = super().tokenize(message, attribute)
        spans = marker_spans(message.get(attribute) or "")
        if not spans:
            return tokens
        return [t for t in tokens if not any(a <= t.start and t.end <= b for a, b in spans)]
