"""The once-built validator for action server answers behaves like Rasa's own check."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import action_response
from bot.channels import ChatSettings, MaskedRestInput

VALID = {
    "events": [{"event": "slot", "name": "place", "value": "huset-tvaers"}],
    "responses": [{"text": "Huset Tværs ligger ...", "buttons": []}],
}


@pytest.fixture
def action() -> RemoteAction:
    action_response.install()
    return RemoteAction("action_place_info", None)


def test_valid_answer_passes(action):
    assert action._validate_action_result(VALID) is True
    assert action._validate_action_result({}) is True


@pytest.mark.parametrize(
    "bad",
    [
        {"events": "not a list"},
        {"events": [{"no_event_key": 1}]},
        {"responses": ["just text"]},
        {"events": [{"event": "slot", "name": "place", "value": "x", "timestamp": "noon"}]},
    ],
)
def test_invalid_answer_is_refused_with_rasas_message(action, bad):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(bad)


def test_meta_schema_check_runs_once_not_per_message(action, monkeypatch):
    calls = []
    cls = type(action_response.response_validator())
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, s: calls.append(s)))
    for _ in range(5):
        action._validate_action_result(VALID)
    assert calls == []


def test_rest_channel_installs_it(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", lambda self, result: "rasa's")
    MaskedRestInput(ChatSettings(sender_key=b"k" * 32)).blueprint(lambda message: None)
    assert RemoteAction._validate_action_result is action_response.validate_action_result
