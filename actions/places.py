"""Where a place is and what happens there: ``action_answer_location``."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button, place_buttons
from actions.formatting import (
    address_phrase,
    compose,
    first_sentences,
    read_more,
    sentence,
    street_line,
)
from actions.lookup import AGE_SLOT, find_record, stated_age


def where_text(place: dict[str, Any]) -> str:
    """Where the place is, from the record only: street, else area note, else "not known yet"."""
    name = place["name"]
    note = (place.get("area_note") or "").strip()
    if street_line(place):
        where = f"{name} ligger på {address_phrase(place)}."
        return f"{where} Det er {sentence(note)}" if note else where
    if note:
        return f"{name}: {sentence(note)} Den præcise adresse står ikke i mit indhold endnu."
    return (
        f"Adressen på {name} står ikke i mit indhold endnu. "
        "En medarbejder kan hjælpe dig med at finde vej."
    )


def contact_text(place: dict[str, Any]) -> str:
    parts = []
    if place.get("phone"):
        parts.append(f"Telefon: {place['phone']}.")
    if place.get("email"):
        parts.append(f"E-mail: {place['email']}.")
    return " ".join(parts)


def location_answer(place: dict[str, Any]) -> tuple[str, list[dict[str, str]]]:
    text = compose(
        where_text(place),
        sentence(first_sentences(place.get("description"))),
        contact_text(place),
        read_more(place.get("url")),
    )
    buttons = []
    kinds = {s.get("kind") for s in place.get("advisory_sessions") or []}
    if "advisory" in kinds:
        buttons.append(
            button("Hvornår er der åben rådgivning?", "ask_advisory_sessions", place=place["slug"])
        )
    elif "opening_hours" in kinds:
        buttons.append(
            button("Hvornår har de åbent?", "ask_advisory_sessions", place=place["slug"])
        )
    buttons.append(contact_button())
    return text, buttons


class ActionAnswerLocation(FactsAction):
    action_name = "action_answer_location"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        place = await find_record(tracker, "place", use_text=True)
        if place is None and (young := await youth_place_for(stated_age(tracker))):
            return say_youth_place(dispatcher, tracker, young, stated_age(tracker))
        if place is None:
            say(
                dispatcher,
                tracker,
                "Hvilket sted mener du? Vælg et af de steder, jeg kender:",
                answer_id="place:unknown",
                buttons=place_buttons(await facts_client.places(), "ask_location"),
            )
            return []
        return say_place(dispatcher, tracker, place)


def say_place(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any]
) -> list[EventType]:
    text, buttons = location_answer(place)
    say(dispatcher, tracker, text, answer_id=f"place:{place['slug']}", buttons=buttons)
    return [SlotSet("place", place["slug"])]


async def youth_place_for(age: int | None) -> dict[str, Any] | None:
    """The place for young citizens that fits ``age``: staff mark it and may set its age limit;
    without a limit any stated age gets it as a suggestion."""
    if age is None:
        return None
    for place in await facts_client.places():
        limit = place.get("max_age")
        if place.get("for_young_people") and (limit is None or age <= limit):
            return place
    return None


def say_youth_place(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any], age: int
) -> list[EventType]:
    """The youth place for a citizen who told their age: certain when staff set the limit."""
    text, buttons = location_answer(place)
    if place.get("max_age") is not None:
        lead = f"Du er under {place['max_age'] + 1} år, så {place['name']} er stedet for dig."
    else:
        lead = f"Er du ung, er {place['name']} typisk stedet for dig."
    answer_id = f"place:{place['slug']}"
    say(dispatcher, tracker, compose(lead, text), answer_id=answer_id, buttons=buttons)
    return [SlotSet("place", place["slug"]), SlotSet(AGE_SLOT, float(age))]
