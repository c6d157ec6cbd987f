"""End to end: a question that mentions a diagnosis gets its topical answer, with the health
detail masked and one short reminder. The questions (tests/conversations/health_questions.yml)
were written blind, without reading the masker or the training data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.e2e.chat import answer_ids, ask, new_sender, stored_user_texts, texts

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = yaml.safe_load((ROOT / "tests/conversations/health_questions.yml").read_text())[
    "health_questions"
]
REMINDER = "fjernet personlige oplysninger"


@pytest.mark.parametrize("case", QUESTIONS, ids=[q["text"][:40] for q in QUESTIONS])
def test_a_question_naming_a_diagnosis_gets_its_answer(stack, case):
    sender = new_sender()
    reply = ask(stack, case["text"], sender)
    got = answer_ids(reply)
    assert set(got) & set(case["expect"]), (got, case["expect"])
    assert texts(reply).count(REMINDER) <= 1
    [stored] = stored_user_texts(stack, sender)
    assert "[HELBRED]" in stored
    for detail in case["health"]:
        assert detail.lower() not in stored.lower()
