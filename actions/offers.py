"""What the offers are and which there are: ``action_answer_offer``, ``action_list_offers``,
``action_list_company_offers``."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import MAX_OFFER_BUTTONS, button, contact_button, offer_buttons
from actions.formatting import compose, first_sentences, join_list, read_more, sentence
from actions.language import DA, EN
from actions.lookup import age_in, entity_or_slot, find_record, free_text, language
from actions.places import say_youth_place, youth_place_for

COMPANY = "company"
CITIZEN = "citizen"

# The lists' sentences per language (one offer's own answer is the content's Danish text).
PHRASES = {
    DA: {
        "list": "Her er {some}jobcentrets tilbud{who}. Vælg et for at høre mere.",
        "company_list": (
            "Her er {some}jobcentrets tilbud til virksomheder. Vælg et for at høre mere."
        ),
        "some": "nogle af ",
        "for_group": " til {label}",
        "none": "Jeg har ingen tilbud i mit indhold endnu. En medarbejder kan hjælpe dig videre.",
        "company_none": (
            "Jeg har ingen tilbud til virksomheder i mit indhold endnu. "
            "En medarbejder kan hjælpe dig videre."
        ),
    },
    EN: {
        "list": (
            "Here are {some}the jobcentre's offers{who}. "
            "Choose one to hear more (the offers are described in Danish)."
        ),
        "company_list": (
            "Here are {some}the jobcentre's offers for companies. "
            "Choose one to hear more (the offers are described in Danish)."
        ),
        "some": "some of ",
        "for_group": ' for the target group "{label}"',
        "none": "I have no offers in my content yet. A member of staff can help you.",
        "company_none": (
            "I have no offers for companies in my content yet. A member of staff can help you."
        ),
    },
}


def audience_sentence(offer: dict[str, Any]) -> str:
    groups = [g for g in offer.get("target_groups") or [] if g]
    if groups:
        return f"Det er for {join_list(groups)}."
    if offer.get("audience") == COMPANY:
        return "Det er for virksomheder."
    return ""


def offer_text(offer: dict[str, Any]) -> str:
    description = first_sentences(offer.get("description"))
    how = offer.get("how_to_get")
    return compose(
        f"{offer['name']}: {sentence(description)}" if description else f"{offer['name']}.",
        audience_sentence(offer),
        sentence(first_sentences(how, 1))
        if how
        else "En medarbejder kan fortælle dig, hvordan du kommer i gang.",
        read_more(offer.get("url")),
    )


class ActionAnswerOffer(FactsAction):
    action_name = "action_answer_offer"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        offer = await find_record(tracker, "offer", use_text=True)
        if offer is None:
            some = await facts_client.offers(audience=CITIZEN)
            say(
                dispatcher,
                tracker,
                "Det tilbud kender jeg ikke. Her er nogle af jobcentrets tilbud:",
                answer_id="offer:unknown",
                buttons=offer_buttons(some) or [contact_button()],
            )
            return []
        return say_offer(dispatcher, tracker, offer)


def say_offer(
    dispatcher: CollectingDispatcher, tracker: Tracker, offer: dict[str, Any], text: str = ""
) -> list[EventType]:
    """The offer (or ``text`` about it) with the way on to other offers."""
    if offer.get("audience") == COMPANY:
        more = button("Andre tilbud til virksomheder", "ask_company_offers")
    else:
        more = button("Andre tilbud", "list_offers")
    say(
        dispatcher,
        tracker,
        text or offer_text(offer),
        answer_id=f"offer:{offer['slug']}",
        buttons=[more, contact_button()],
    )
    return [SlotSet("offer", offer["slug"])]


GROUP_PHRASES = {"ressourceforløb": "borgere i ressourceforløb"}


def group_label(records: list[dict[str, Any]], wanted: str) -> str | None:
    """How to name the target group in the answer, in the content's own words.

    ``wanted`` is an entity value such as "unge"; it is only repeated when the content uses it
    (as a whole group or as a word in one), so raw user text is never echoed."""
    key = wanted.casefold()
    groups = [g for r in records for g in r.get("target_groups") or [] if g]
    for group in groups:
        if group.casefold() == key:
            return group
    if any(key in re.split(r"[\s,]+", g.casefold()) for g in groups):
        return GROUP_PHRASES.get(key, key)
    return None


class ActionListOffers(FactsAction):
    action_name = "action_list_offers"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        age = age_in(free_text(tracker))  # told now: "jeg er 19, hvad kan I gøre for mig"
        if not entity_or_slot(tracker, "target_group") and (young := await youth_place_for(age)):
            return say_youth_place(dispatcher, tracker, young, age)
        lang = language(tracker)
        phrases = PHRASES[lang]
        group = entity_or_slot(tracker, "target_group")
        records = await facts_client.offers(audience=CITIZEN, target_group=group) if group else []
        label = group_label(records, group) if group else None
        if not records:
            records = await facts_client.offers(audience=CITIZEN)
        if not records:
            say(
                dispatcher,
                tracker,
                phrases["none"],
                answer_id="offers:none",
                buttons=[contact_button()],
                written_in=lang,
            )
            return []
        some = phrases["some"] if len(records) > MAX_OFFER_BUTTONS else ""
        who = phrases["for_group"].format(label=label) if label else ""
        say(
            dispatcher,
            tracker,
            phrases["list"].format(some=some, who=who),
            answer_id=f"offers:{CITIZEN}",
            buttons=offer_buttons(records),
            written_in=lang,
        )
        return []


class ActionListCompanyOffers(FactsAction):
    action_name = "action_list_company_offers"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        lang = language(tracker)
        phrases = PHRASES[lang]
        records = await facts_client.offers(audience=COMPANY)
        if not records:
            say(
                dispatcher,
                tracker,
                phrases["company_none"],
                answer_id="offers:company-none",
                buttons=[contact_button()],
                written_in=lang,
            )
            return []
        some = phrases["some"] if len(records) > MAX_OFFER_BUTTONS else ""
        say(
            dispatcher,
            tracker,
            phrases["company_list"].format(some=some),
            answer_id=f"offers:{COMPANY}",
            buttons=offer_buttons(records),
            written_in=lang,
        )
        return []
