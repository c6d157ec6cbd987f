"""The citizen's language: the detector on examples, and the policy that sets the ``language``
slot before the turn's first action (bot/language_policy.py). Generated input:
tests/language (service environment, Hypothesis)."""

from __future__ import annotations

import pytest
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.language import DANISH, ENGLISH, detect
from bot.language_policy import LanguageSlotPolicy, language_events


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "hi there",
        "thanks a lot",
        "where is the jobcentre",
        "How do I find the jobcentre?",
        "where can i get help finding a job?",
        "when is huset tværs open",
        "is there open advice at slotsgården on wednesday",
        "do i need an appointment",
        "what offers do you have for young people",
        "i want to talk to a real person",
        "wheres borgerservice",
        "can u help me",
        "what's the address of the youth unit",
    ],
)
def test_english_messages(text):
    assert detect(text) == ENGLISH


@pytest.mark.parametrize(
    "text",
    [
        "hej",
        "tak",
        "hvor ligger jobcentret",
        "hvornår er der åben rådgivning i huset tværs",
        "skal jeg bestille tid",
        "hvilke tilbud har i til unge",
        "jeg vil gerne tale med et menneske",
        "hvornaar har borgerservice aabent",
        "kan i hjaelpe mig",
        "åbningstider",
        "jeg har [HELBRED] og er sygemeldt, hvad nu",
        "hvad er open office",
    ],
)
def test_danish_messages(text):
    assert detect(text) == DANISH


@pytest.mark.parametrize(
    "text",
    ["ok", "okay", "bye", "jobcenter", "borgerservice?", "8900 randers", "", "   ", "/greet"],
)
def test_messages_that_tell_nothing(text):
    assert detect(text) is None


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.from_yaml(
        """
version: "3.1"
intents: [greet]
slots:
  language:
    type: categorical
    values: [da, en]
    initial_value: da
    influence_conversation: false
    mappings:
      - type: custom
"""
    )


def tracker_after(domain: Domain, *texts: str, answered: bool = False) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    for text in texts:
        events += [UserUttered(text, {"name": "greet"})]
        events += [ActionExecuted("utter_greet"), ActionExecuted(ACTION_LISTEN_NAME)]
    if not answered:
        events = events[:-2]  # the last message is not answered yet
    return DialogueStateTracker.from_events("test", events, domain.slots)


def test_an_english_message_sets_the_slot_before_the_first_action(domain):
    assert language_events(tracker_after(domain, "where is the jobcentre"), domain) == [
        SlotSet("language", "en")
    ]


def test_nothing_after_the_turns_first_action(domain):
    tracker = tracker_after(domain, "where is the jobcentre", answered=True)
    tracker.update(ActionExecuted("utter_greet"))
    assert language_events(tracker, domain) == []


def test_a_message_that_tells_nothing_keeps_the_language(domain):
    tracker = tracker_after(domain, "hello", "ok")
    tracker.update(SlotSet("language", "en"))
    assert language_events(tracker, domain) == []
    tracker = tracker_after(domain, "hello", "hvor ligger borgerservice")
    tracker.update(SlotSet("language", "en"))
    assert language_events(tracker, domain) == [SlotSet("language", "da")]


def test_no_event_when_the_slot_already_says_so(domain):
    assert language_events(tracker_after(domain, "hvor ligger jobcentret"), domain) == []


def test_a_domain_without_the_slot_gets_no_event():
    assert language_events(tracker_after(Domain.empty(), "hello"), Domain.empty()) == []


@pytest.fixture
def policy(tmp_path) -> LanguageSlotPolicy:
    return LanguageSlotPolicy.create(
        LanguageSlotPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("language"),
        ExecutionContext(graph_schema=None),  # type: ignore[arg-type]
    )


def test_the_policy_never_wins_but_its_event_is_applied(policy, domain):
    """Rasa's ensemble takes the events of every policy, winner or not
    (rasa/core/policies/ensemble.py, _pick_best_policy)."""
    tracker = tracker_after(domain, "when is huset tværs open")
    ours = policy.predict_action_probabilities(tracker, domain)
    assert set(ours.probabilities) == {0.0}
    rules = PolicyPrediction([0.0, 1.0] + [0.0] * (len(ours.probabilities) - 2), "RulePolicy", 6)
    best = DefaultPolicyPredictionEnsemble._pick_best_policy([rules, ours])
    assert best.policy_name == "RulePolicy"
    assert best.events == [SlotSet("language", "en")]
