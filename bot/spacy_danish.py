"""The Danish spaCy pipeline for Rasa: the official model when installed, else the offline one.

``da_core_news_sm`` is only published as a GitHub release asset, which these machines cannot
reach. ``make setup`` then builds ``da_randers_offline_sm`` (``spacy.blank("da")`` plus the
lookup lemmatizer from ``spacy-lookups-data``; see ``bot/spacy_model.py``). It is a stand-in
under its own name, not the official model: this component logs which one it loaded and the
REST channel reports it at ``GET /webhooks/rest/pipeline``.

Rasa matches a model provider to its users by class name (``model_from``), so this class
names itself as the provider of the model its own ``process`` receives.
"""

from __future__ import annotations

import logging
from typing import Any

import spacy.util
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

logger = logging.getLogger(__name__)

OFFICIAL_MODEL = "da_core_news_sm"
OFFLINE_MODEL = "da_randers_offline_sm"

_active: dict[str, Any] | None = None


def installed(name: str) -> bool:
    return spacy.util.is_package(name)


def choose_pipeline(preferred: str, offline: str) -> str:
    """The preferred (official) pipeline if installed, else the offline stand-in."""
    if installed(preferred):
        return preferred
    if installed(offline):
        logger.warning(
            "spaCy pipeline '%s' is not installed; using the offline stand-in '%s' "
            "(blank Danish tokenizer + lookup lemmatizer). Run `make setup` with internet "
            "access to install the official model.",
            preferred,
            offline,
        )
        return offline
    raise OSError(
        f"Neither '{preferred}' nor '{offline}' is installed in this environment. Run `make setup`."
    )


def describe(model: SpacyModel) -> dict[str, Any]:
    meta = model.model.meta
    return {
        "loaded": True,
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "official": model.model_name == OFFICIAL_MODEL,
        "components": list(model.model.pipe_names),
        "description": meta.get("description", ""),
    }


def active_pipeline() -> dict[str, Any] | None:
    """What the loaded Rasa model uses, or ``None`` before a model is loaded."""
    return _active


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="DanishSpacyNLP",
)
class DanishSpacyNLP(SpacyNLP):
    """``SpacyNLP`` that falls back, loudly, to the offline Danish pipeline."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **SpacyNLP.get_default_config(),
            "model": OFFICIAL_MODEL,
            "offline_model": OFFLINE_MODEL,
        }

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DanishSpacyNLP:
        global _active
        config = {**cls.get_default_config(), **config}
        name = choose_pipeline(config["model"], config["offline_model"])
        model = cls.load_model(name)
        cls.ensure_proper_language_model(model.model)
        _active = describe(model)
        logger.info(
            "spaCy pipeline in use: %s %s (components: %s)%s",
            _active["name"],
            _active["version"],
            ", ".join(_active["components"]) or "-",
            "" if _active["official"] else " - offline stand-in, not the official model",
        )
        return cls(model, config)
