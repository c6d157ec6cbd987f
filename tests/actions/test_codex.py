"""action_answer_codex on the real facts service."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.codex import ActionAnswerCodex

pytestmark = pytest.mark.anyio


async def test_codex_lists_the_points_in_order(facts_url, dispatcher, domain, tracker_for):
    events = await ActionAnswerCodex().run(dispatcher, tracker_for("ask_codex"), domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith(
        "Jobcentrets kodeks for det gode samarbejde har fire punkter: tryghed og tillid, "
        "gensidig indsigt og værdig kommunikation, kontinuitet og fremdrift i din sag."
    )
    assert msg["custom"] == {"answer_id": "codex:all", "intent": "ask_codex"}
    assert [b["payload"] for b in msg["buttons"]] == ["/ask_caseworker", "/ask_deadline"]
    assert events == [SlotSet("misunderstood_count", 0.0), SlotSet("last_answer", "codex:all")]
