"""The NLU side of privacy: when a masked message gets the privacy notice instead of its answer,
and the channel's rate limiter."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.channels import ChatSettings, Limiter
from bot.crisis import CRISIS_METADATA_KEY, DistressOverride
from bot.privacy import SensitiveDataOverride


def _message(text, intent, confidence=0.6, metadata=None):
    msg = Message(data={"text": text, "metadata": metadata})
    msg.set("intent", {"name": intent, "confidence": confidence})
    msg.set(
        "intent_ranking",
        [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.1}],
    )
    return msg


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("jeg har [HELBRED], kan jeg få fleksjob", "ask_offer_info"),
        ("jeg har [HELBRED] og er sygemeldt, hvad skal der ske nu", "ask_deadline"),
        ("jeg har [HELBRED] hvor ligger jobcentret", "ask_location"),
        ("ring til mig på [TELEFON]", "contact_human"),
    ],
)
def test_a_masked_message_that_asks_a_question_keeps_its_intent(text, intent):
    msg = _message(text, intent)
    SensitiveDataOverride().process([msg])
    assert msg.get("intent")["name"] == intent


@pytest.mark.parametrize(
    ("text", "intent", "confidence"),
    [
        ("[CPR]", "out_of_scope", 0.9),
        ("hej jeg har [HELBRED]", "greet", 0.7),
        ("tak [EMAIL]", "thank", 0.8),
        ("jeg har [HELBRED]", "ask_offer_info", 0.2),  # no confident question
        ("min læge siger jeg har [HELBRED]", "ask_caseworker", 0.3),
    ],
)
def test_a_masked_message_that_asks_nothing_gets_the_privacy_notice(text, intent, confidence):
    msg = _message(text, intent, confidence)
    SensitiveDataOverride().process([msg])
    assert msg.get("intent") == {"name": "share_personal_data", "confidence": 1.0}
    assert msg.get("intent_ranking")[0]["name"] == "share_personal_data"


@pytest.mark.parametrize(
    "text",
    [
        "my back [HELBRED] means i can only work a few hours, what is flex job",
        "kan i hjælpe mig med [HELBRED]",
        "[HELBRED] og sygemeldt?",
    ],
)
def test_an_unsure_question_is_left_to_the_fallback_not_the_privacy_notice(text):
    msg = _message(text, "ask_offer_info", 0.25)
    SensitiveDataOverride().process([msg])
    assert msg.get("intent")["name"] == "ask_offer_info"  # FallbackClassifier decides next


def test_distress_and_unmasked_messages_are_never_overridden():
    crisis = _message("jeg har [HELBRED] og kan ikke mere", "distress", 1.0)
    plain = _message("hej", "greet", 0.9)
    SensitiveDataOverride().process([crisis, plain])
    assert crisis.get("intent")["name"] == "distress"
    assert plain.get("intent")["name"] == "greet"


def test_the_channels_crisis_verdict_gives_the_crisis_answer_whatever_was_masked():
    # The words that made it a crisis message may be masked; the verdict travels as metadata.
    msg = _message("[HELBRED] [HELBRED]", "out_of_scope", 0.9, {CRISIS_METADATA_KEY: True})
    DistressOverride().process([msg])
    assert msg.get("intent")["name"] == "distress"


def test_the_limiter_counts_per_conversation_and_per_address():
    limiter = Limiter(
        ChatSettings(
            sender_key=b"k" * 32, rate_per_conversation="3/minute", rate_per_address="5/minute"
        )
    )
    assert [limiter.retry_after("a", "10.0.0.1") for _ in range(3)] == [None] * 3
    wait = limiter.retry_after("a", "10.0.0.1")
    assert wait is not None and 1 <= wait <= 61
    # Another conversation from the same address: the address has had 3 of its 5 (a refused
    # message does not count).
    assert limiter.retry_after("b", "10.0.0.1") is None
    assert limiter.retry_after("c", "10.0.0.1") is None
    assert limiter.retry_after("e", "10.0.0.1") is not None
    assert limiter.retry_after("d", "10.0.0.2") is None


def test_the_channel_refuses_to_start_without_a_sender_key(monkeypatch):
    monkeypatch.delenv("CHAT_SENDER_KEY", raising=False)
    with pytest.raises(RuntimeError, match="CHAT_SENDER_KEY"):
        ChatSettings.from_env()


def test_the_tokenizer_leaves_the_masking_markers_out():
    import spacy
    from rasa.nlu.constants import SPACY_DOCS

    from bot.tokenizer import MarkerFreeSpacyTokenizer

    text = "jeg har [HELBRED] og [CPR], kan jeg få fleksjob"
    msg = Message(data={"text": text})
    msg.set(SPACY_DOCS["text"], spacy.blank("da")(text))
    tokens = MarkerFreeSpacyTokenizer(MarkerFreeSpacyTokenizer.get_default_config()).tokenize(
        msg, "text"
    )
    assert [t.text for t in tokens] == ["jeg", "har", "og", ",", "kan", "jeg", "få", "fleksjob"]
