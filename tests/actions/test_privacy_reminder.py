"""A real answer to a message the channel masked ends with one short privacy reminder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.base import PRIVACY_REMINDER_RESPONSE
from actions.places import ActionAnswerLocation
from actions.texts import ActionPrivacyNotice

pytestmark = pytest.mark.anyio


def reminders(dispatcher) -> int:
    return sum(m.get("response") == PRIVACY_REMINDER_RESPONSE for m in dispatcher.messages)


async def test_an_answer_to_a_masked_question_has_one_reminder(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for(
        "ask_location",
        text="jeg har [HELBRED] hvor ligger jobcentret",
        entities={"place": "jobcenter"},
    )
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "place:jobcenter"
    assert reminders(dispatcher) == 1
    assert dispatcher.messages[-1]["response"] == PRIVACY_REMINDER_RESPONSE


async def test_no_reminder_without_masking_or_after_the_privacy_notice(
    facts_url, dispatcher, domain, tracker_for
):
    plain = tracker_for(
        "ask_location", text="hvor ligger jobcentret", entities={"place": "jobcenter"}
    )
    await ActionAnswerLocation().run(dispatcher, plain, domain)
    notice = tracker_for("share_personal_data", text="mit cpr er [CPR]")
    await ActionPrivacyNotice().run(dispatcher, notice, domain)
    assert reminders(dispatcher) == 0


def test_the_reminder_is_a_response_in_the_bots_domain():
    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    assert PRIVACY_REMINDER_RESPONSE in domain["responses"]
