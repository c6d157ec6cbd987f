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
from actions.lookup import find_record


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
    kinds = {s.get("kind") for s in place.get("sessions") or []}
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
        if place is None:
            say(
                dispatcher,
                tracker,
                "Hvilket sted mener du? Vælg et af de steder, jeg kender:",
                answer_id="place:unknown",
                buttons=place_buttons(await facts_client.places(), "ask_location"),
            )
            return []
        text, buttons = location_answer(place)
        say(dispatcher, tracker, text, answer_id=f"place:{place['slug']}", buttons=buttons)
        return [SlotSet("place", place["slug"])]
