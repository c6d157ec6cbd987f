"""End to end: an English conversation through the real stack. The language slot is set from
each message before the turn's first action (bot/language_policy.py), so the very answer to
an English message is English: a domain response (conditional variation) and a custom action
alike; "ok" and a button keep the language; a Danish message switches back."""

from __future__ import annotations

import pytest

from tests.e2e.chat import answer_ids, ask, new_sender, texts

pytestmark = pytest.mark.e2e
# The note before a Danish answer for an English reader (actions/language.py), as the citizen
# reads it.
ONLY_IN_DANISH = "Sorry, this answer is only available in Danish:"


def test_an_english_conversation(stack):
    sender = new_sender()

    greeting = texts(ask(stack, "hello", sender))
    assert greeting.startswith("Hi! I'm the chatbot of Jobcenter Randers."), greeting

    reply = ask(stack, "where is the jobcentre?", sender)
    assert answer_ids(reply) == ["place:jobcenter"]
    assert texts(reply).startswith("Jobcenter Randers is at Regimentvej in Randers."), reply

    # "ok" tells no language: the conversation stays English
    assert texts(ask(stack, "ok", sender)).startswith("Good. Write your question")

    # so does a button's payload
    reply = ask(stack, '/ask_advisory_sessions{"place": "huset-tvaers"}', sender)
    assert answer_ids(reply) == ["advisory_sessions:huset-tvaers"]
    assert texts(reply).startswith('The jobcentre holds "Åben Rådgivning" at Huset Tværs.')

    reply = ask(stack, "can i talk to a real person", sender)
    assert answer_ids(reply) == ["text:human_routes"]
    assert texts(reply).startswith("You can reach a person at the jobcentre in these ways.")
    assert "sagsbehandler" in texts(reply)  # the staff's own (Danish) text follows

    # another topic: the Danish answer after an English note
    reply = ask(stack, "what can i expect from the jobcentre", sender)
    assert answer_ids(reply) == ["codex:all"]
    assert texts(reply).startswith(f"{ONLY_IN_DANISH}\nJobcentrets kodeks")

    # a Danish message switches back in the same turn
    reply = ask(stack, "hvor ligger borgerservice", sender)
    assert texts(reply).startswith("Borgerservice ligger på Odinsgade"), reply
    assert ONLY_IN_DANISH not in texts(reply)


def test_a_danish_conversation_never_meets_english(stack):
    sender = new_sender()
    assert texts(ask(stack, "hej", sender)).startswith("Hej! Jeg er Jobcenter Randers")
    reply = texts(ask(stack, "hvor ligger jobcentret", sender))
    assert reply.startswith("Jobcenter Randers ligger på Regimentvej i Randers."), reply
