"""Answers that do not depend on the intent: any record the search over all content finds,
the record a suggestion button names, elliptic follow-ups on the last answer, and the route
to a person after misunderstood turns.

``FactsAction.run`` (actions/base.py) calls ``follow_up`` before an action answers and
``instead_of_declining`` when it could only decline; this module imports the topic modules,
which import ``base``, so ``base`` imports this module when it runs.

Privacy: the user's text goes to the facts service's search only; it is never logged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.advisory_sessions import say_appointment, say_sessions
from actions.base import LAST_ANSWER_SLOT, SUGGESTIONS_SLOT, say
from actions.buttons import button, contact_button, help_button
from actions.codex import say_point
from actions.facts_client import FactsUnavailable
from actions.follow_up import Aspect, asks_about_another, aspect, chosen_index
from actions.formatting import compose, read_more
from actions.lookup import entity_value, find_record, free_text, intent_name
from actions.offers import audience_sentence, say_offer
from actions.org_units import say_unit
from actions.places import say_place
from actions.process_rules import ALL_SITUATIONS, say_rules
from privacy.masking import strip_markers

MAX_SUGGESTIONS = 3
SESSIONS_KIND = "advisory-sessions"

Say = Callable[[CollectingDispatcher, Tracker, dict[str, Any]], Awaitable[list[EventType]]]


async def _say_sessions_of(dispatcher, tracker, session: dict[str, Any]) -> list[EventType]:
    place = await facts_client.place(session.get("place") or "")
    return await say_sessions(dispatcher, tracker, place) if place else []


async def _say_rule(dispatcher, tracker, rule: dict[str, Any]) -> list[EventType]:
    situation = rule.get("situation") or ALL_SITUATIONS
    return say_rules(dispatcher, tracker, situation, [rule])


async def _say_faq(dispatcher, tracker, entry: dict[str, Any]) -> list[EventType]:
    source = f"Kilde: {entry['source']}." if entry.get("source") else ""
    say(
        dispatcher,
        tracker,
        compose(entry["answer"], source, read_more(entry.get("url"))),
        answer_id=f"faq:{entry['slug']}",
        buttons=[help_button(), contact_button()],
    )
    return []


def _sync(function) -> Say:
    async def run(dispatcher, tracker, record):
        return function(dispatcher, tracker, record)

    return run


# How to answer a record of each kind the search knows (the API's kind names).
SAY: dict[str, Say] = {
    "places": _sync(say_place),
    SESSIONS_KIND: _say_sessions_of,
    "offers": _sync(say_offer),
    "codex": _sync(say_point),
    "process-rules": _say_rule,
    "org-units": _sync(say_unit),
    "faq": _say_faq,
}


async def say_record(
    dispatcher: CollectingDispatcher, tracker: Tracker, kind: str, record: dict[str, Any]
) -> list[EventType]:
    return await SAY[kind](dispatcher, tracker, record)


def suggestion_title(hit: dict[str, Any]) -> str:
    title = (hit.get("title") or "").strip()
    if hit["kind"] == SESSIONS_KIND:
        title = f"{title} ({hit['refs'].get('place')})" if hit.get("refs") else title
    return (title[:1].upper() + title[1:])[:80]


async def instead_of_declining(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, suggest: bool
) -> list[EventType] | None:
    """Search everything staff keep before the assistant declines: answer a clear match, or
    (with ``suggest``) offer the best few as buttons. None when the search found nothing."""
    query = strip_markers(free_text(tracker)).strip()
    if not query:
        return None
    try:
        found = await facts_client.search(query, limit=MAX_SUGGESTIONS, kinds=list(SAY))
    except FactsUnavailable:
        return None  # the decline needs no facts; keep it
    hits = [h for h in found.get("hits") or [] if h.get("kind") in SAY]
    if hits and found.get("clear"):
        dispatcher.messages.clear()
        return await say_record(dispatcher, tracker, hits[0]["kind"], hits[0]["record"])
    if hits and suggest:
        dispatcher.messages.clear()
        say(
            dispatcher,
            tracker,
            "Jeg er ikke sikker på, hvad du mener. Handler det om et af disse?",
            answer_id="search:suggestions",
            buttons=[
                button(suggestion_title(h), "choose_record", record=f"{h['kind']}:{h['key']}")
                for h in hits
            ],
        )
        return [SlotSet(SUGGESTIONS_SLOT, [f"{h['kind']}:{h['key']}" for h in hits])]
    return None


async def say_chosen(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The record a suggestion button names, or the one the user picks by number."""
    chosen = entity_value(tracker, "record")
    if not chosen:  # typed: "den første", "nr. 2"
        offered = tracker.get_slot(SUGGESTIONS_SLOT) or []
        index = chosen_index(free_text(tracker))
        if index is not None and -len(offered) <= index < len(offered):
            chosen = offered[index]
    kind, _, key = (chosen or "").partition(":")
    record = await facts_client.record(kind, key) if kind in SAY and key else None
    if record is None:
        return []
    return await say_record(dispatcher, tracker, kind, record)


async def say_human_route(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After misunderstood turns: the route to a person, from the content."""
    record = await facts_client.bot_text("human_routes")
    if not record or not record.get("body"):
        raise FactsUnavailable("text human_routes missing")
    say(
        dispatcher,
        tracker,
        compose(
            "Jeg kan desværre ikke finde svaret. En medarbejder kan hjælpe dig.", record["body"]
        ),
        answer_id="fallback:human",
        buttons=[help_button()],
    )


# -- follow-ups ----------------------------------------------------------------------------

PLACE_ANSWERS = {"place", "advisory_sessions", "appointment"}
NAMED_ENTITIES = ("place", "offer", "situation")
# Messages that are never read as a follow-up: a crisis, personal data, a complaint ...
NO_FOLLOW_UP = frozenset(
    {"distress", "share_personal_data", "complain", "contact_human", "bot_challenge"}
)
SAY_FOR_PLACE = {"place": say_place, "appointment": say_appointment}


async def follow_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Answer an elliptic follow-up ("hvornår?", "hvor ligger det?", "og borgerservice?") from
    the last answer; None when the message is not one or the last answer does not tell."""
    last = tracker.get_slot(LAST_ANSWER_SLOT)
    text = free_text(tracker)
    if intent_name(tracker) in NO_FOLLOW_UP:
        return None
    if not isinstance(last, str) or ":" not in last or not text:
        return None
    topic, _, key = last.partition(":")
    if asks_about_another(text):
        return await _another(dispatcher, tracker, topic, key)
    wanted = aspect(text)
    if wanted is None or any(entity_value(tracker, e) for e in NAMED_ENTITIES):
        return None  # a question that names its subject is answered as itself
    if wanted is Aspect.WHEN:
        return await _when(dispatcher, tracker, topic, key)
    if wanted is Aspect.WHERE:
        return await _where(dispatcher, tracker, topic, key)
    if wanted is Aspect.WHO and topic == "offer":
        offer = await facts_client.offer(key)
        if offer and audience_sentence(offer):
            return say_offer(
                dispatcher, tracker, offer, f"{offer['name']}: {audience_sentence(offer)}"
            )
    return None


# The kind of record each answer topic is about, for "og X?" about another one of them.
TOPIC_KINDS = {
    "offer": "offers",
    "org": "org-units",
    "process": "process-rules",
    "codex": "codex",
    "faq": "faq",
}


async def _another(dispatcher, tracker, topic: str, key: str) -> list[EventType] | None:
    """The last question about another record: "og borgerservice?" after a place's sessions,
    "og cju?" after one organisation unit."""
    if topic in PLACE_ANSWERS:
        place = await find_record(tracker, "place", use_text=True)
        if place and place["slug"] != key:
            return await _say_for_place(dispatcher, tracker, topic, place)
        return None
    if topic not in TOPIC_KINDS:
        return None
    query = strip_markers(free_text(tracker))
    found = await facts_client.search(query, limit=2, kinds=[TOPIC_KINDS[topic]])
    hits = found.get("hits") or []
    if hits and hits[0]["key"] != key:
        return await say_record(dispatcher, tracker, hits[0]["kind"], hits[0]["record"])
    return None


async def _say_for_place(dispatcher, tracker, topic: str, place: dict) -> list[EventType]:
    if topic == "advisory_sessions":
        return await say_sessions(dispatcher, tracker, place)
    return SAY_FOR_PLACE[topic](dispatcher, tracker, place)


async def _when(dispatcher, tracker, topic: str, key: str) -> list[EventType] | None:
    if topic == "process":
        rules = await facts_client.process_rules(situation=key)
        if not rules:
            rule = await facts_client.record("process-rules", key)
            rules = [rule] if rule else []
        with_deadline = [r for r in rules if r.get("deadline")] or rules
        if with_deadline:
            situation = with_deadline[0].get("situation") or ALL_SITUATIONS
            return say_rules(dispatcher, tracker, situation, with_deadline)
    if topic in PLACE_ANSWERS:
        place = await facts_client.place(key)
        if place:
            return await say_sessions(dispatcher, tracker, place)
    return None


async def _where(dispatcher, tracker, topic: str, key: str) -> list[EventType] | None:
    if topic in PLACE_ANSWERS:
        place = await facts_client.place(key)
        return say_place(dispatcher, tracker, place) if place else None
    # another kind of answer: the place its record names ("hvad laver ungeafdelingen" → where)
    kind = {"offer": "offers", "faq": "faq", "org": "org-units", "process": "process-rules"}
    record = await facts_client.record(kind[topic], key) if topic in kind else None
    if not record:
        return None
    names = [record.get("name"), *(record.get("questions") or []), record.get("description")]
    for text in [n for n in names if n][:4]:
        match = await facts_client.resolve(str(text), "place")
        place = await facts_client.place(match["slug"]) if match and match.get("slug") else None
        if place:
            return say_place(dispatcher, tracker, place)
    return None
