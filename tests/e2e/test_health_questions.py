"""End to end: a question that mentions a diagnosis gets its topical answer, with the health
detail masked and at most one short reminder. The blind questions
(tests/conversations/health_questions.yml) were written without reading the masker or the
training data: none of their health details may be stored, and the share answered on topic is
measured against a floor (the rest are long-tail misunderstandings, not privacy failures)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.e2e.chat import answer_ids, ask, new_sender, stored_user_texts, texts

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
BLIND = yaml.safe_load((ROOT / "tests/conversations/health_questions.yml").read_text())[
    "health_questions"
]
REMINDER = "fjernet personlige oplysninger"
MIN_ON_TOPIC = 0.7  # measured 0.74 when the floor was set (README, Privacy)


def asked(stack, text: str) -> tuple[list[str], str, str]:
    """(answer ids, reply text, what the tracker store kept of the message)."""
    sender = new_sender()
    reply = ask(stack, text, sender)
    [stored] = stored_user_texts(stack, sender)
    return answer_ids(reply), texts(reply), stored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeg har ondt i ryggen, har I et tilbud til mig", "offers:citizen"),
        ("jeg har angst og er sygemeldt, hvad skal der ske nu", "process:sygedagpenge"),
        ("jeg har diabetes, kan jeg få fleksjob", "offer:fleksjob"),
    ],
)
def test_the_questions_the_issue_names_get_their_answer_and_one_reminder(stack, text, expected):
    ids, reply, stored = asked(stack, text)
    assert expected in ids
    assert reply.count(REMINDER) == 1
    assert "[HELBRED]" in stored


def test_blind_health_questions_are_masked_and_mostly_answered_on_topic(stack):
    on_topic, missed = 0, []
    for case in BLIND:
        ids, reply, stored = asked(stack, case["text"])
        assert "[HELBRED]" in stored, case["text"]
        for detail in case["health"]:
            assert detail.lower() not in stored.lower(), (detail, stored)
        assert reply.count(REMINDER) <= 1
        if set(ids) & set(case["expect"]):
            on_topic += 1
        else:
            missed.append((case["text"], ids))
    share = on_topic / len(BLIND)
    print(f"health questions on topic: {on_topic}/{len(BLIND)} ({share:.0%}); missed: {missed}")
    assert share >= MIN_ON_TOPIC, missed
