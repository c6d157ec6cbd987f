"""action_answer_offer, action_list_offers, action_list_company_offers on the real facts service."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.offers import ActionAnswerOffer, ActionListCompanyOffers, ActionListOffers, group_label

pytestmark = pytest.mark.anyio

CITIZEN_SLUGS = {"karriereteamet", "ressourceforloeb-unge", "virksomhedspraktik"}
COMPANY_SLUGS = {"fast-track-rekruttering", "leder-mentorkursus"}


def offer_slugs(msg) -> set[str]:
    prefix = '/ask_offer_info{"offer":"'
    assert all(b["payload"].startswith(prefix) for b in msg["buttons"])
    return {b["payload"][len(prefix) : -2] for b in msg["buttons"]}


async def test_offer_answer_is_built_from_the_record(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_offer_info", entities={"offer": "karriereteamet"})
    events = await ActionAnswerOffer().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"] == (
        "Karriereteamet: Et jobsøgningsforløb om strategi, ansøgning og CV. "
        "Det er for ledige tæt på arbejdsmarkedet. Spørg din sagsbehandler om en plads.\n"
        "Læs mere: https://example.org/karriereteamet"
    )
    assert msg["custom"] == {"answer_id": "offer:karriereteamet", "intent": "ask_offer_info"}
    assert [b["payload"] for b in msg["buttons"]] == ["/list_offers", "/contact_human"]
    assert SlotSet("offer", "karriereteamet") in events


async def test_company_offer_points_to_company_list(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_offer_info", entities={"offer": "fast-track-rekruttering"})
    await ActionAnswerOffer().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert "Det er for virksomheder." in msg["text"]
    assert "En medarbejder kan fortælle dig, hvordan du kommer i gang." in msg["text"]
    assert msg["buttons"][0]["payload"] == "/ask_company_offers"


async def test_offer_found_from_free_text(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_offer_info", text="hvad er karriere teamet")
    await ActionAnswerOffer().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "offer:karriereteamet"


async def test_a_stray_entity_before_the_real_name_is_passed_over(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_offer_info", text="[HELBRED] er værre, hvad er karriereteamet")
    stray = {"entity": "offer", "value": "værre,", "start": 0, "end": 0}
    real = {"entity": "offer", "value": "karriereteamet", "start": 0, "end": 0}
    tracker.latest_message["entities"] = [stray, real]
    await ActionAnswerOffer().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["custom"]["answer_id"] == "offer:karriereteamet"


async def test_unknown_offer_lists_citizen_offers(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_offer_info", text="rumfartskursus", entities={"offer": "rumfartskursus"}
    )
    events = await ActionAnswerOffer().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert msg["text"].startswith("Det tilbud kender jeg ikke.")
    assert "rumfart" not in msg["text"]
    assert offer_slugs(msg) == CITIZEN_SLUGS
    assert all(e.get("name") != "offer" for e in events)


async def test_list_offers_citizen_only(facts_url, dispatcher, domain, tracker_for):
    await ActionListOffers().run(dispatcher, tracker_for("list_offers"), domain)
    (msg,) = dispatcher.messages
    assert offer_slugs(msg) == CITIZEN_SLUGS
    assert msg["text"] == "Her er jobcentrets tilbud. Vælg et for at høre mere."
    assert msg["custom"] == {"answer_id": "offers:citizen", "intent": "list_offers"}


async def test_list_offers_filtered_by_target_group(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("list_offers", entities={"target_group": "unge"})
    await ActionListOffers().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert offer_slugs(msg) == {"ressourceforloeb-unge", "virksomhedspraktik"}
    assert msg["text"] == "Her er jobcentrets tilbud til unge. Vælg et for at høre mere."


async def test_unmatched_target_group_falls_back_to_all(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("list_offers", slots={"target_group": "astronauter"})
    await ActionListOffers().run(dispatcher, tracker, domain)
    (msg,) = dispatcher.messages
    assert offer_slugs(msg) == CITIZEN_SLUGS
    assert "astronaut" not in msg["text"]


async def test_company_offers_listed_separately(facts_url, dispatcher, domain, tracker_for):
    await ActionListCompanyOffers().run(dispatcher, tracker_for("ask_company_offers"), domain)
    (msg,) = dispatcher.messages
    assert offer_slugs(msg) == COMPANY_SLUGS
    assert msg["custom"]["answer_id"] == "offers:company"


def test_group_label_uses_the_contents_words_only():
    records = [{"target_groups": ["unge i ressourceforløb", "ledige tæt på arbejdsmarkedet"]}]
    assert group_label(records, "unge") == "unge"
    assert group_label(records, "ressourceforløb") == "borgere i ressourceforløb"
    assert group_label(records, "Ledige tæt på arbejdsmarkedet") == "ledige tæt på arbejdsmarkedet"
    assert group_label(records, "mit cpr 010190") is None
