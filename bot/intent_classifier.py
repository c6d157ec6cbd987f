"""Intent classifier: Rasa's logistic regression on tf-idf weighted sentence features.

Rasa 3.6's ``LogisticRegressionClassifier`` fits scikit-learn's ``LogisticRegression`` on the
raw counts the featurizers produce, with a fixed ``C`` of 1. On this data (short Danish
messages, many near-duplicates of wording, 23 intents) sublinear tf-idf weighting and a
weaker regularisation separate the intents better than both that and DIET. This subclass only
swaps the estimator for a scikit-learn pipeline (``TfidfTransformer`` → ``LogisticRegression``);
features, training, ranking and persistence (skops) are Rasa's. Entities stay with DIET.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

# skops loads only types it trusts; the tf-idf step keeps its idf weights as a sparse matrix.
TRUSTED_TYPES = frozenset({"scipy.sparse._csr.csr_matrix"})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` with tf-idf weighting and a configurable ``C``."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "C": 30.0,
            "sublinear_tf": True,
            "class_weight": None,
            "max_iter": 3000,
        }

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = Pipeline(
            [
                ("tfidf", TfidfTransformer(sublinear_tf=self.config["sublinear_tf"])),
                (
                    "logreg",
                    LogisticRegression(
                        C=self.config["C"],
                        class_weight=self.config["class_weight"],
                        solver=self.config["solver"],
                        max_iter=self.config["max_iter"],
                        tol=self.config["tol"],
                        random_state=self.config["random_state"],
                    ),
                ),
            ]
        )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfLogisticRegressionClassifier:
        """Like Rasa's loader, but trusting the sparse idf matrix (and nothing else)."""
        import skops.io as sio

        with model_storage.read_from(resource) as model_dir:
            path = model_dir / f"{resource.name}.skops"
            untrusted = set(sio.get_untrusted_types(file=path))
            if untrusted - TRUSTED_TYPES:
                raise ValueError(f"{path} holds types that are not trusted: {untrusted}")
            component = cls(config, execution_context.node_name, model_storage, resource)
            component.clf = sio.load(path, trusted=sorted(untrusted))
        return component
