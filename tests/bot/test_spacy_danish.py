"""The Danish spaCy pipeline choice is explicit: official model, else the named stand-in."""

import logging

import pytest
import spacy.util
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from bot import spacy_danish
from bot.spacy_danish import OFFICIAL_MODEL, OFFLINE_MODEL, DanishSpacyNLP, choose_pipeline


def test_prefers_the_official_model_when_installed(monkeypatch):
    monkeypatch.setattr(spacy_danish, "installed", lambda name: True)
    assert choose_pipeline(OFFICIAL_MODEL, OFFLINE_MODEL) == OFFICIAL_MODEL


def test_falls_back_to_the_offline_pipeline_and_says_so(monkeypatch, caplog):
    monkeypatch.setattr(spacy_danish, "installed", lambda name: name == OFFLINE_MODEL)
    with caplog.at_level(logging.WARNING):
        assert choose_pipeline(OFFICIAL_MODEL, OFFLINE_MODEL) == OFFLINE_MODEL
    assert "not installed" in caplog.text and OFFLINE_MODEL in caplog.text


def test_refuses_to_run_without_any_danish_pipeline(monkeypatch):
    monkeypatch.setattr(spacy_danish, "installed", lambda name: False)
    with pytest.raises(OSError, match="make setup"):
        choose_pipeline(OFFICIAL_MODEL, OFFLINE_MODEL)


def test_loaded_pipeline_is_reported_with_name_version_and_components(tmp_path):
    installed = [m for m in (OFFICIAL_MODEL, OFFLINE_MODEL) if spacy.util.is_package(m)]
    assert installed, "make setup installs a Danish pipeline"
    component = DanishSpacyNLP.create(
        {},
        LocalModelStorage(tmp_path),
        Resource("spacy"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    info = spacy_danish.active_pipeline()
    assert info["name"] == installed[0]
    assert info["official"] is (installed[0] == OFFICIAL_MODEL)
    assert "lemmatizer" in info["components"]
    doc = component.provide().model("tilbuddene og praktikpladserne")
    assert [t.lemma_ for t in doc] == ["tilbud", "og", "praktikplads"]
