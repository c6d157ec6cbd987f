"""The NLU side of privacy: a message that shares personal data and asks nothing answerable.

The input channel (``bot.channels``) has already masked the text, so the markers
(``privacy.masking.MARKERS``) are all that is left of personal data, and the classifier does
not even see those (``bot.tokenizer``). A marker alone does not decide the answer: "jeg har
[HELBRED], kan jeg få fleksjob" is a question about flex jobs and gets that answer (the
action adds one short reminder line). ``SensitiveDataOverride`` sets ``share_personal_data``
(the privacy notice) only when the message is nothing but personal data, when the classifier
found a greeting, thanks or out of scope in the rest, or when it is unsure and the rest is a
statement rather than a question (an unsure question gets the fallback's topic buttons).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intent_override import IntentOverride
from privacy.masking import has_marker, strip_markers

PERSONAL_DATA_INTENT = "share_personal_data"
# Intents that answer nothing the citizen asked about a topic.
ASKS_NOTHING = frozenset(
    {"greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "out_of_scope"}
)
# Below this confidence the classifier has not found a question (the fallback's threshold).
DEFAULT_MIN_CONFIDENCE = 0.4


# A question mark, a question word anywhere, or a sentence that opens with a verb ("kan jeg",
# "har I", "is there"): the citizen asks something, even if the classifier is unsure what.
_QUESTION = re.compile(
    r"\?|\b(?:hvad|hvor|hvornår|hvornaar|hvordan|hvem|hvilke|hvilken|hvilket|hvorfor|what|where"
    r"|when|how|who|which|why)\b|^(?:kan|skal|må|maa|har|er|findes|får|faar|vil|can|could|do|does"
    r"|is|are|should|may)\b",
    re.IGNORECASE,
)


def asks_something(text: str) -> bool:
    return bool(_QUESTION.search(text.strip()))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SensitiveDataOverride(IntentOverride):
    """Sets ``share_personal_data`` for masked messages that ask nothing answerable.

    Place it after ``bot.crisis.DistressOverride`` (distress is never overridden) and before
    ``FallbackClassifier``.
    """

    intent = PERSONAL_DATA_INTENT

    def __init__(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> None:
        self.min_confidence = min_confidence

    @classmethod
    def get_default_config(cls) -> dict[str, Any]:
        return {"min_confidence": DEFAULT_MIN_CONFIDENCE}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SensitiveDataOverride:
        return cls(config.get("min_confidence", DEFAULT_MIN_CONFIDENCE))

    def applies(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        if not has_marker(text):
            return False
        if not strip_markers(text):
            return True  # nothing but personal data
        intent = message.get(INTENT) or {}
        name, confidence = intent.get("name"), intent.get("confidence") or 0.0
        if name == "distress":
            return False
        if name in ASKS_NOTHING:
            return True
        # Unsure what is asked: a question gets the fallback's topic buttons, not a lecture.
        return confidence < self.min_confidence and not asks_something(strip_markers(text))
