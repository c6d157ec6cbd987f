"""End to end: personal data sent to the real stack, in every route a client has, never reaches
the tracker store, a log, the action server or the facts service."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.chat import (
    answer_ids,
    ask,
    log_bytes,
    new_sender,
    post,
    stored_events,
    texts,
    tracker_store_bytes,
)
from tests.masking.strategies import EMAILS, cpr_numbers, escaped, phone_numbers, sentence_with

pytestmark = pytest.mark.e2e

GENERATED_CASES = 1000  # plain, payload, metadata, sender id and split routes together
ABANDONED_CASES = 40  # each waits for a slow action call, so fewer


@dataclass
class Case:
    route: str
    typed: str  # the sentence as sent
    secret: str  # what must not appear anywhere: ASCII digits, or the e-mail address
    split_at: int | None = None  # split route: where the second message starts


SECRETS = st.one_of(cpr_numbers(), phone_numbers(), EMAILS)
ROUTES = st.sampled_from(["text", "payload", "metadata", "sender", "split"])


@st.composite
def cases(draw) -> Case:
    route = draw(ROUTES)
    if route != "split":
        typed, secret = draw(sentence_with(SECRETS))
        return Case(route, typed, secret)
    # A CPR number sent in two messages: DDMMYY (stored before the rest arrives), then XXXX.
    typed_cpr, plain = draw(cpr_numbers())
    before = draw(st.sampled_from(["mit cpr er ", "cpr: ", "", "her er mit personnummer "]))
    sentence = f"{before}{typed_cpr} hvornår får jeg svar"
    return Case(route, sentence, plain[:6], split_at=len(before) + len(typed_cpr) - 4)


def send(stack, case: Case, client: str) -> None:
    """Send the case the way its route says, as the client at address ``client``."""
    sender = new_sender()
    headers = {"X-Forwarded-For": client}
    if case.route == "text":
        bodies = [{"sender": sender, "message": case.typed}]
    elif case.route == "payload":
        bodies = [
            {"sender": sender, "message": f'/ask_location{{"place": "{escaped(case.typed)}"}}'}
        ]
    elif case.route == "metadata":
        bodies = [{"sender": sender, "message": "hej", "metadata": {"note": case.typed}}]
    elif case.route == "sender":
        bodies = [{"sender": case.typed, "message": "hvor ligger jobcentret"}]
    else:  # split: the first part arrives (and is stored) before the second
        bodies = [
            {"sender": sender, "message": case.typed[: case.split_at]},
            {"sender": sender, "message": case.typed[case.split_at :]},
        ]
    for body in bodies:
        assert post(stack, body, headers=headers).status_code == 200


def leaks(stack, secrets: list[str]) -> dict[str, list[str]]:
    """Which secrets appear where. Digits count only with no digit on either side and not as
    the fraction of a decimal number, since timestamps in the tracker store are long runs of
    digits with six decimals."""
    places = {
        "tracker store": tracker_store_bytes(stack),
        "logs": log_bytes(stack),
        "to action server": stack.to_actions.all_bodies(),
        "to facts service": stack.to_facts.all_bodies(),
    }
    found: dict[str, list[str]] = {}
    for name, data in places.items():
        text = data.decode("utf-8", "replace")
        # not after "<digit>.": the fraction of an event timestamp (1764797213.240103)
        hits = [s for s in secrets if re.search(rf"(?<!\d)(?<!\d\.){re.escape(s)}(?!\d)", text)]
        if hits:
            found[name] = hits
    return found


def generated(strategy: st.SearchStrategy, n: int) -> list:
    """``n`` examples from ``strategy``, drawn by Hypothesis up front so they can be sent in
    parallel."""
    drawn: list = []

    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def draw(example):
        drawn.append(example)

    draw()
    return drawn


@pytest.mark.timeout(900)
def test_generated_personal_data_never_leaves_the_channel(stack):
    sent = generated(cases(), GENERATED_CASES)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Each case speaks as another client behind the proxy, as citizens would.
        list(
            pool.map(
                lambda ic: send(stack, ic[1], f"10.1.{ic[0] // 250}.{ic[0] % 250}"), enumerate(sent)
            )
        )
    routes = Counter(c.route for c in sent)
    print(f"{len(sent)} generated cases in {time.monotonic() - started:.0f} s: {dict(routes)}")
    assert len(sent) >= GENERATED_CASES * 0.9 and len(routes) == 5
    found = leaks(stack, sorted({c.secret for c in sent}))
    assert not found, {k: [c for c in sent if c.secret in v][:5] for k, v in found.items()}
    assert b"[CPR]" in tracker_store_bytes(stack)  # the masked text is what was stored


def test_abandoned_requests_log_nothing_personal(stack):
    """A client that gives up (the widget after 10 s, a closed tab) makes Rasa log the message
    text: it must already be masked by then."""
    cases = generated(sentence_with(st.one_of(cpr_numbers(), phone_numbers())), ABANDONED_CASES)
    abandoned = 0
    stack.to_actions.delay = 0.6  # the action call outlasts the client's patience
    try:
        for typed, _secret in cases:
            body = {"sender": new_sender(), "message": f"hvor ligger jobcentret {typed}"}
            try:
                post(stack, body, timeout=0.25)
            except httpx.TimeoutException:
                abandoned += 1
    finally:
        stack.to_actions.delay = 0.0
    print(f"{abandoned} of {len(cases)} requests abandoned")
    assert abandoned >= len(cases) // 2
    assert b"rest.message.received.timeout" in log_bytes(stack)  # Rasa did log them
    assert not leaks(stack, [secret for _typed, secret in cases])


def test_cpr_message_gets_the_privacy_answer(stack):
    reply = ask(stack, "mit cpr er 0101901234")
    notice = httpx.get(f"{stack.cfg.facts_url}/api/texts/privacy_notice", timeout=5).json()
    assert notice["body"].split(".")[0] in texts(reply)


def test_a_question_that_names_a_diagnosis_gets_its_answer_and_one_reminder(stack):
    reply = ask(stack, "jeg har diskusprolaps og depression kan jeg faa fleksjob")
    assert answer_ids(reply) == ["offer:fleksjob"]
    assert texts(reply).count("fjernet personlige oplysninger") == 1
    tracker = tracker_store_bytes(stack)
    assert b"diskusprolaps" not in tracker and b"depression" not in tracker
    assert b"[HELBRED]" in tracker


def test_a_crisis_message_gets_the_crisis_answer_though_its_words_are_masked(stack):
    reply = ask(stack, "jeg har depression og vil ikke leve mere")
    assert answer_ids(reply) == ["text:distress_help"]


def test_the_browser_that_chatted_can_delete_its_conversation_and_no_one_else(stack):
    mine, other = new_sender(), new_sender()
    ask(stack, "hvor ligger jobcentret", mine)
    assert stored_events(stack, mine) > 0
    url = f"{stack.cfg.rasa_url}/webhooks/rest/forget"
    assert httpx.post(url, json={"sender": other}, timeout=10).json() == {"deleted": 0}
    assert stored_events(stack, mine) > 0
    deleted = httpx.post(url, json={"sender": mine}, timeout=10).json()["deleted"]
    assert deleted > 0
    assert stored_events(stack, mine) == 0
    # The id the tracker store uses is a keyed hash: knowing it does not help either.
    assert httpx.post(url, json={}, timeout=10).status_code == 400


def test_the_sender_id_is_never_stored_as_sent(stack):
    sender = "anna.hansen@example.dk"
    ask(stack, "hej", sender)
    assert sender.encode() not in tracker_store_bytes(stack)
    assert stored_events(stack, sender) > 0


def test_client_metadata_is_not_kept(stack):
    body = {"sender": new_sender(), "message": "hej", "metadata": {"name": "Anna Hansen"}}
    assert post(stack, body).status_code == 200
    assert b"Anna Hansen" not in tracker_store_bytes(stack)
    assert b"Anna Hansen" not in stack.to_actions.all_bodies()


@pytest.mark.parametrize(
    "payload",
    [
        '/ask_location{"place": "' + escaped("1203454712") + '"}',
        '/ask_location{"place": "120345-4712", "x y": "120345-4712"}',
    ],
)
def test_payload_shortcut_entities_are_masked(stack, payload):
    ask(stack, payload)
    assert not leaks(stack, ["1203454712", "120345"])
    assert json.dumps("120345-4712").encode() not in stack.to_actions.all_bodies()
