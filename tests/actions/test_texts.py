"""Staff-editable texts: human routes, complaint, privacy, distress, help, out of scope, reform."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.texts import (
    ActionAnswerReform,
    ActionComplaint,
    ActionDistressSupport,
    ActionHelpOverview,
    ActionHumanRoutes,
    ActionOutOfScope,
    ActionPrivacyNotice,
)

pytestmark = pytest.mark.anyio

CASES = [
    (ActionHumanRoutes, "contact_human", "human_routes", "kontakt din sagsbehandler"),
    (ActionComplaint, "complain", "complaint", "sådan klager du"),
    (ActionPrivacyNotice, "share_personal_data", "privacy_notice", "skriv ikke dit CPR-nummer"),
    (ActionDistressSupport, "distress", "distress_help", "ring 112"),
    (ActionHelpOverview, "help", "help_overview", "det kan jeg hjælpe med"),
    (ActionOutOfScope, "out_of_scope", "out_of_scope", "det kan jeg ikke svare på"),
    (ActionAnswerReform, "ask_reform", "reform_2025", "reformen i 2025"),
]


@pytest.mark.parametrize(("action_cls", "intent", "key", "body_part"), CASES)
async def test_text_comes_from_the_facts_service(
    facts_url, dispatcher, domain, tracker_for, action_cls, intent, key, body_part
):
    events = await action_cls().run(dispatcher, tracker_for(intent), domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Testtekst: ")
    assert body_part in msg["text"]
    assert msg["custom"] == {"answer_id": f"text:{key}", "intent": intent}
    if key == "out_of_scope":  # declining is a misunderstood turn
        assert events == [SlotSet("misunderstood_count", 1.0)]
    else:
        assert events == [
            SlotSet("misunderstood_count", 0.0),
            SlotSet("last_answer", f"text:{key}"),
        ]


async def test_help_and_out_of_scope_offer_topics(facts_url, dispatcher, domain, tracker_for):
    await ActionOutOfScope().run(dispatcher, tracker_for("out_of_scope"), domain)
    await ActionHelpOverview().run(dispatcher, tracker_for("help"), domain)
    out_of_scope, help_overview = dispatcher.messages
    assert 2 <= len(out_of_scope["buttons"]) <= 3
    assert "/contact_human" in [b["payload"] for b in help_overview["buttons"]]


async def test_distress_uses_domain_fallback_when_service_is_down(
    facts_down, dispatcher, tracker_for
):
    domain = {"responses": {"utter_distress_fallback": [{"text": "Ring 112."}]}}
    await ActionDistressSupport().run(dispatcher, tracker_for("distress"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_distress_fallback"]


async def test_distress_without_domain_fallback_still_answers(
    facts_down, dispatcher, domain, tracker_for
):
    await ActionDistressSupport().run(dispatcher, tracker_for("distress"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_down"]
