"""The tf-idf logistic-regression intent classifier: training, ranking and a saved model."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import intent_classifier
from bot.intent_classifier import TfidfLogisticRegressionClassifier

# Three "words" as sentence-level counts; each intent is recognisable by one of them.
VOCABULARY = 3
EXAMPLES = [
    ("greet", [2, 0, 0]),
    ("greet", [1, 0, 1]),
    ("greet", [3, 1, 0]),
    ("goodbye", [0, 2, 0]),
    ("goodbye", [0, 1, 1]),
    ("goodbye", [1, 3, 0]),
    ("thank", [0, 0, 2]),
    ("thank", [1, 0, 3]),
    ("thank", [0, 1, 2]),
]


def message(counts: list[int], intent: str | None = None) -> Message:
    data = {TEXT: "x"}
    if intent:
        data[INTENT] = intent
    msg = Message(data=data)
    row = scipy.sparse.coo_matrix(np.array([counts], dtype=float))
    msg.add_features(Features(row, "sentence", TEXT, "CountVectorsFeaturizer"))
    return msg


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def create(storage, **config) -> TfidfLogisticRegressionClassifier:
    context = ExecutionContext(graph_schema=None, node_name="intents")
    return TfidfLogisticRegressionClassifier.create(
        {**TfidfLogisticRegressionClassifier.get_default_config(), **config},
        storage,
        Resource("intents"),
        context,
    )


def trained(storage, **config) -> TfidfLogisticRegressionClassifier:
    classifier = create(storage, **config)
    classifier.train(TrainingData([message(c, i) for i, c in EXAMPLES]))
    return classifier


def test_the_estimator_is_tfidf_then_logistic_regression_with_the_configured_c(storage):
    steps = create(storage, C=7.0).clf.named_steps
    assert steps["tfidf"].sublinear_tf is True
    assert steps["logreg"].C == 7.0


def test_predicts_the_intent_and_a_ranking_that_sums_to_one(storage):
    classifier = trained(storage)
    [greet, thank] = classifier.process([message([4, 0, 0]), message([0, 0, 5])])
    assert greet.get(INTENT)["name"] == "greet"
    assert thank.get(INTENT)["name"] == "thank"
    ranking = greet.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking][0] == "greet"
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_a_saved_model_loads_and_answers_the_same(storage):
    classifier = trained(storage)
    context = ExecutionContext(graph_schema=None, node_name="intents")
    loaded = TfidfLogisticRegressionClassifier.load(
        classifier.config, storage, Resource("intents"), context
    )
    probe = [0, 1, 0]
    before = classifier.process([message(probe)])[0].get(INTENT_RANKING_KEY)
    after = loaded.process([message(probe)])[0].get(INTENT_RANKING_KEY)
    assert [r["name"] for r in after] == [r["name"] for r in before]
    assert after[0]["confidence"] == pytest.approx(before[0]["confidence"])


def test_loading_refuses_types_beyond_the_trusted_list(storage, monkeypatch):
    classifier = trained(storage)
    monkeypatch.setattr(intent_classifier, "TRUSTED_TYPES", frozenset())
    context = ExecutionContext(graph_schema=None, node_name="intents")
    with pytest.raises(ValueError, match="not trusted"):
        TfidfLogisticRegressionClassifier.load(
            classifier.config, storage, Resource("intents"), context
        )
