"""The ``language`` slot, set from the message just received, before the turn's first action.

Why a policy and not an NLU entity that the slot maps from (Rasa 3.6):

- ``rasa test core --e2e`` compares every entity the NLU pipeline predicts for a test story's
  message with the entities annotated in its text (``rasa/core/test.py``,
  ``_collect_user_uttered_predictions``: ``predicted.get(ENTITIES)`` against
  ``event.entities``, any difference is a failed story). A language entity on every message
  could only be annotated as a span of the text, around the whole message, and not around a
  message that also has a place in it, so every story with a message text would fail.
- A policy may return events with its prediction; the ensemble applies the events of every
  policy, winner or not (``rasa/core/policies/policy.py``, ``PolicyPrediction``: "applied
  independent of whether the policy wins"; ``rasa/core/policies/ensemble.py``,
  ``_pick_best_policy``: ``policy_events += prediction.events`` for each prediction). The
  processor applies them to the tracker the action runs with, before it runs
  (``rasa/core/processor.py``, ``_run_action``: ``temporary_tracker.update_with_events(
  prediction.events)``), and logs them before the action (``_log_action_on_tracker``). So the
  first action of the turn, a custom action or an ``utter_`` response with a conditional
  variation, already sees the slot.

NLU (its entities, DIET, ``make eval``) never sees the language, and nothing depends on the
client's metadata, which the masking channel drops. The policy predicts no action: all its
probabilities are 0 and its priority is the lowest, so it never wins.

Privacy: the text is read to count words, never logged or stored.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.language import detect

LANGUAGE_SLOT = "language"


def language_events(tracker: DialogueStateTracker, domain: Domain) -> list[SlotSet]:
    """``SlotSet(language)`` when the user has just written and their message tells a language
    other than the slot's; nothing after the turn's first action, nor for "ok" or a button."""
    if LANGUAGE_SLOT not in {slot.name for slot in domain.slots}:
        return []
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.latest_message is None:
        return []
    verdict = detect(tracker.latest_message.text)
    if verdict is None or verdict == tracker.get_slot(LANGUAGE_SLOT):
        return []
    return [SlotSet(LANGUAGE_SLOT, verdict)]


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class LanguageSlotPolicy(Policy):
    """Sets the ``language`` slot (``bot.language.detect``); never predicts an action."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 0}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        return self._prediction(
            self._default_predictions(domain), events=language_events(tracker, domain)
        )
