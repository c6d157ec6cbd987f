"""Base for the deterministic intent overrides (crisis, personal data).

An override sits after the intent classifier and before ``FallbackClassifier``. When its rule
applies, the message gets the override's intent with confidence 1.0 and every other intent in
the ranking drops to 0.0, so neither the fallback nor the policies can talk it away.
Subclasses name the intent and the rule, and register themselves with Rasa's recipe.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


class IntentOverride(GraphComponent):
    """Forces ``intent`` on every message for which ``applies`` is true."""

    intent: str

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentOverride:
        return cls()

    def applies(self, message: Message) -> bool:
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if self.applies(message):
                force_intent(message, self.intent)
        return messages


def force_intent(message: Message, name: str) -> None:
    """Set ``name`` with confidence 1.0 and zero the rest of the ranking."""
    intent = {"name": name, "confidence": 1.0}
    ranking = [intent] + [
        {**r, "confidence": 0.0}
        for r in message.get(INTENT_RANKING_KEY) or []
        if r.get("name") != name
    ]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
