"""Masking of CPR numbers and health details, and the intent override it drives."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.nlu.training_data.message import Message

from bot.channels import masked
from bot.privacy import SensitiveDataOverride, mask_sensitive


@pytest.mark.parametrize(
    "text",
    [
        "mit cpr er 010190-1234",
        "mit cpr er 0101901234 hvornaar faar jeg penge",
        "cpr 311299 1234",
        "cpr: 010190.1234",
        "2802851235",  # no valid modulus-11 check digit: masked all the same
    ],
)
def test_cpr_numbers_are_masked_with_or_without_dash(text):
    masked_text, found = mask_sensitive(text)
    assert "[CPR]" in masked_text
    assert found == ["cpr"]
    assert not any(ch.isdigit() for ch in masked_text.replace("[CPR]", ""))


@pytest.mark.parametrize(
    "text",
    [
        "ring 70 201 201",
        "jobdating har 12-18 virksomheder",
        "hvad sker der 1.1.2026",
        "0013901234",  # day 00 is no date
        "3213901234",  # month 13 is no date
        "mit telefonnummer er 12345678",
    ],
)
def test_other_numbers_are_left_alone(text):
    assert mask_sensitive(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "jeg har depression og kan ikke arbejde",
        "min diagnose er adhd",
        "jeg har kraeft",
        "jeg har kroniske smerter",
    ],
)
def test_first_person_health_details_are_masked(text):
    masked_text, found = mask_sensitive(text)
    assert found == ["health"]
    assert "[HELBRED]" in masked_text
    for word in ("depression", "adhd", "kraeft", "smerter"):
        assert word not in masked_text


def test_questions_about_offers_are_not_health_details():
    text = "hvad er tilbage i job med kroniske smerter"
    assert mask_sensitive(text) == (text, [])


def _message(text, intent):
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": 0.6})
    msg.set(
        "intent_ranking",
        [{"name": intent, "confidence": 0.6}, {"name": "greet", "confidence": 0.4}],
    )
    return msg


def test_override_forces_personal_data_intent_on_markers():
    msg = _message("mit cpr er [CPR]", "ask_deadline")
    SensitiveDataOverride().process([msg])
    assert msg.get("intent") == {"name": "share_personal_data", "confidence": 1.0}
    assert msg.get("intent_ranking")[0]["name"] == "share_personal_data"


def test_override_keeps_distress_and_unmarked_messages():
    crisis = _message("jeg har [HELBRED] og kan ikke mere", "distress")
    plain = _message("hvor ligger jobcentret", "ask_location")
    SensitiveDataOverride().process([crisis, plain])
    assert crisis.get("intent")["name"] == "distress"
    assert plain.get("intent")["name"] == "ask_location"


def test_channel_wrapper_passes_only_masked_text_on():
    received = []

    async def on_new_message(message):
        received.append(message)

    original = UserMessage(
        "cpr 010190-1234", CollectingOutputChannel(), "s1", input_channel="rest", metadata={"a": 1}
    )
    asyncio.run(masked(on_new_message)(original))
    assert received[0].text == "cpr [CPR]"
    assert received[0].sender_id == "s1"
    assert received[0].input_channel == "rest"
    assert received[0].metadata == {"a": 1}
