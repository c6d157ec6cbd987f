"""The NLU side of privacy: a message that shares personal data and asks nothing answerable.

The input channel (``bot.channels``) has already masked the text, so the markers
(``privacy.masking.MARKERS``) are all that is left of personal data, and the classifier does
not even see those (``bot.tokenizer``). A marker alone does not decide the answer: "jeg har
[HELBRED], kan jeg få fleksjob" is a question about flex jobs and gets that answer (the
action adds one short reminder line). ``SensitiveDataOverride`` sets ``share_personal_data``
(the privacy notice) only when the message is nothing but personal data, or when the
classifier found nothing to answer in the rest:
a greeting, a thank-you, out of scope, or no confident intent at all.
"""

from __future__ import annotations

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
        return name in ASKS_NOTHING or confidence < self.min_confidence
