"""When the facts service is down every action says utter_service_down and returns normally;
no action repeats or logs what the user wrote."""

from __future__ import annotations

import logging

import pytest

from actions import facts_client
from actions.base import FactsAction
from actions.facts_client import FactsUnavailable

pytestmark = pytest.mark.anyio

SECRET = "Zorblax Quuxington 0101901234"

# (action, intent, entities, slots) — chosen so each action must reach the facts service
RUNS = [
    ("action_answer_location", "ask_location", {"place": "huset-tvaers"}, {}),
    ("action_answer_advisory_sessions", "ask_advisory_sessions", {"place": "huset-tvaers"}, {}),
    ("action_answer_appointment_needed", "ask_appointment_needed", {}, {}),
    ("action_answer_offer", "ask_offer_info", {"offer": "karriereteamet"}, {}),
    ("action_list_offers", "list_offers", {}, {}),
    ("action_list_company_offers", "ask_company_offers", {}, {}),
    ("action_answer_codex", "ask_codex", {}, {}),
    ("action_answer_caseworker", "ask_caseworker", {}, {}),
    ("action_answer_deadline", "ask_deadline", {}, {}),
    ("action_answer_organisation", "ask_organisation", {}, {}),
    ("action_answer_reform", "ask_reform", {}, {}),
    ("action_human_routes", "contact_human", {}, {}),
    ("action_complaint", "complain", {}, {}),
    ("action_privacy_notice", "share_personal_data", {}, {}),
    ("action_distress_support", "distress", {}, {}),
    ("action_help_overview", "help", {}, {}),
    ("action_out_of_scope", "out_of_scope", {}, {}),
    ("action_fallback", "nlu_fallback", {}, {"misunderstood_count": 1.0}),
    ("action_answer_record", "choose_record", {"record": "faq:parkering-ved-jobcentret"}, {}),
]


def actions_by_name() -> dict[str, FactsAction]:
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    return executor.actions


def test_every_contract_action_is_registered_once():
    names = set(actions_by_name())
    assert names == {run[0] for run in RUNS}


@pytest.mark.parametrize(("name", "intent", "entities", "slots"), RUNS, ids=[r[0] for r in RUNS])
async def test_service_down_says_so_and_never_raises(
    facts_down, dispatcher, domain, tracker_for, caplog, name, intent, entities, slots
):
    action = actions_by_name()[name]
    tracker = tracker_for(intent, text=SECRET, entities=entities, slots=slots)
    caplog.set_level(logging.DEBUG)
    events = await action(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_down"]
    assert isinstance(events, list)
    assert "Zorblax" not in caplog.text and "0101901234" not in caplog.text


@pytest.mark.parametrize(("name", "intent", "entities", "slots"), RUNS, ids=[r[0] for r in RUNS])
async def test_user_text_is_never_echoed(
    facts_url, dispatcher, domain, tracker_for, caplog, name, intent, entities, slots
):
    action = actions_by_name()[name]
    tracker = tracker_for(intent, text=SECRET, entities=entities, slots=slots)
    caplog.set_level(logging.DEBUG)
    await action(dispatcher, tracker, domain)
    assert dispatcher.messages, "the action must say something"
    said = " ".join(str(m) for m in dispatcher.messages)
    assert "Zorblax" not in said and "0101901234" not in said
    assert "Zorblax" not in caplog.text


async def test_client_maps_404_to_none_and_closed_port_to_unavailable(facts_url, monkeypatch):
    assert await facts_client.offer("findes-ikke") is None
    assert await facts_client.bot_text("findes_ikke") is None
    monkeypatch.setenv("FACTS_URL", "http://127.0.0.1:9")
    with pytest.raises(FactsUnavailable):
        await facts_client.codex()


async def test_unexpected_error_in_an_action_still_answers(
    facts_url, dispatcher, domain, tracker_for
):
    class Broken(FactsAction):
        def name(self) -> str:
            return "action_broken_for_test"

        async def answer(self, dispatcher, tracker, domain):
            raise KeyError(SECRET)

    try:
        events = await Broken().run(dispatcher, tracker_for("greet"), domain)
    finally:
        del Broken
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_down"]
    assert events == []  # neither an answer nor a misunderstanding


async def test_record_reads_are_cached_briefly_user_text_searches_never(facts_url, monkeypatch):
    monkeypatch.setenv("FACTS_CACHE_SECONDS", "60")
    first = await facts_client.codex()
    await facts_client.resolve("huset tvers", "place")
    await facts_client.search("parkering ved jobcentret")
    paths = {key[1] for key in facts_client._cache}
    assert paths == {"/api/codex"}
    assert await facts_client.codex() is first  # served from the cache
    monkeypatch.setenv("FACTS_CACHE_SECONDS", "0")
    fresh = await facts_client.codex()
    assert fresh == first and fresh is not first  # cache off: read again
