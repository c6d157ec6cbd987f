"""Where a place is and what happens there: ``action_answer_location``, in Danish or English."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button, place_buttons
from actions.formatting import compose, first_sentences, sentence, street_line
from actions.language import DA, EN, FORMATTING
from actions.lookup import AGE_SLOT, find_record, language, stated_age

# The answer's sentences per language; the facts in {braces} come from the place's record.
# The content's own words (area note, description) are Danish: English marks them so.
PHRASES = {
    DA: {
        "at": "{name} ligger på {address}.",
        "area": "Det er {note}",
        "area_only": "{name}: {note} Den præcise adresse står ikke i mit indhold endnu.",
        "no_address": (
            "Adressen på {name} står ikke i mit indhold endnu. "
            "En medarbejder kan hjælpe dig med at finde vej."
        ),
        "description": "{text}",
        "phone": "Telefon: {phone}.",
        "email": "E-mail: {email}.",
        "which_place": "Hvilket sted mener du? Vælg et af de steder, jeg kender:",
        "when_advisory": "Hvornår er der åben rådgivning?",
        "when_open": "Hvornår har de åbent?",
        "young_certain": "Du er under {below} år, så {name} er stedet for dig.",
        "young_maybe": "Er du ung, er {name} typisk stedet for dig.",
    },
    EN: {
        "at": "{name} is at {address}.",
        "area": "In Danish: {note}",
        "area_only": (
            "The exact address of {name} is not in my content yet. Where it is, in Danish: {note}"
        ),
        "no_address": (
            "The address of {name} is not in my content yet. "
            "A member of staff can help you find the way."
        ),
        "description": "About the place, in Danish: {text}",
        "phone": "Phone: {phone}.",
        "email": "E-mail: {email}.",
        "which_place": "Which place do you mean? Choose one of the places I know:",
        "when_advisory": "When are the open advisory sessions?",
        "when_open": "When are they open?",
        "young_certain": "You are under {below}, so {name} is the place for you.",
        "young_maybe": "If you are young, {name} is usually the place for you.",
    },
}


def where_text(place: dict[str, Any], lang: str = DA) -> str:
    """Where the place is, from the record only: street, else area note, else "not known yet"."""
    phrases, fmt = PHRASES[lang], FORMATTING[lang]
    name = place["name"]
    note = (place.get("area_note") or "").strip()
    if street_line(place):
        where = phrases["at"].format(name=name, address=fmt.address_phrase(place))
        return f"{where} {phrases['area'].format(note=sentence(note))}" if note else where
    if note:
        return phrases["area_only"].format(name=name, note=sentence(note))
    return phrases["no_address"].format(name=name)


def contact_text(place: dict[str, Any], lang: str = DA) -> str:
    phrases = PHRASES[lang]
    parts = []
    if place.get("phone"):
        parts.append(phrases["phone"].format(phone=place["phone"]))
    if place.get("email"):
        parts.append(phrases["email"].format(email=place["email"]))
    return " ".join(parts)


def location_answer(place: dict[str, Any], lang: str = DA) -> tuple[str, list[dict[str, str]]]:
    phrases, fmt = PHRASES[lang], FORMATTING[lang]
    description = sentence(first_sentences(place.get("description")))
    text = compose(
        where_text(place, lang),
        phrases["description"].format(text=description) if description else "",
        contact_text(place, lang),
        fmt.read_more(place.get("url")),
    )
    buttons = []
    kinds = {s.get("kind") for s in place.get("advisory_sessions") or []}
    if "advisory" in kinds:
        buttons.append(
            button(phrases["when_advisory"], "ask_advisory_sessions", place=place["slug"])
        )
    elif "opening_hours" in kinds:
        buttons.append(button(phrases["when_open"], "ask_advisory_sessions", place=place["slug"]))
    buttons.append(contact_button())
    return text, buttons


class ActionAnswerLocation(FactsAction):
    action_name = "action_answer_location"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        lang = language(tracker)
        place = await find_record(tracker, "place", use_text=True)
        if place is None and (young := await youth_place_for(stated_age(tracker))):
            return say_youth_place(dispatcher, tracker, young, stated_age(tracker))
        if place is None:
            say(
                dispatcher,
                tracker,
                PHRASES[lang]["which_place"],
                answer_id="place:unknown",
                buttons=place_buttons(await facts_client.places(), "ask_location"),
                written_in=lang,
            )
            return []
        return say_place(dispatcher, tracker, place)


def say_place(
    dispatcher: CollectingDispatcher, tracker: Tracker, place: dict[str, Any]
) -> list[EventType]:
    lang = language(tracker)
    text, buttons = location_answer(place, lang)
    say(
        dispatcher,
        tracker,
        text,
        answer_id=f"place:{place['slug']}",
        buttons=buttons,
        written_in=lang,
    )
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
    lang = language(tracker)
    text, buttons = location_answer(place, lang)
    phrases = PHRASES[lang]
    if place.get("max_age") is not None:
        lead = phrases["young_certain"].format(below=place["max_age"] + 1, name=place["name"])
    else:
        lead = phrases["young_maybe"].format(name=place["name"])
    answer_id = f"place:{place['slug']}"
    say(
        dispatcher,
        tracker,
        compose(lead, text),
        answer_id=answer_id,
        buttons=buttons,
        written_in=lang,
    )
    return [SlotSet("place", place["slug"]), SlotSet(AGE_SLOT, float(age))]
