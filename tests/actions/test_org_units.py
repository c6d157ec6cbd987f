"""action_answer_organisation on the real facts service."""

from __future__ import annotations

import pytest

from actions.org_units import ActionAnswerOrganisation

pytestmark = pytest.mark.anyio


async def test_organisation_lists_units(facts_url, dispatcher, domain, tracker_for):
    await ActionAnswerOrganisation().run(dispatcher, tracker_for("ask_organisation"), domain)
    (msg,) = dispatcher.messages
    assert msg["text"].splitlines() == [
        "Beskæftigelsesområdet i Randers er delt i to centre:",
        "- Center for Borgerservice, Ydelser og Digitalisering (BYD)",
        "- Center for Job og Kompetencer (CJK)",
    ]
    assert msg["buttons"][0]["payload"] == "/ask_reform"
