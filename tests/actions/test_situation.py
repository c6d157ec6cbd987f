"""What a citizen tells about themselves: an age leads to the place for young citizens that
staff marked (real facts service; the fixture has one with an age limit, one without)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.lookup import age_in
from actions.offers import ActionListOffers
from actions.places import ActionAnswerLocation

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("jeg er 18, hvor skal jeg henvende mig", 18),
        ("Jeg er 24 og har ikke nogen uddannelse", 24),
        ("er 19 år og ledig", 19),
        ("min søn er en 17-årig knægt", 17),
        ("i am 22 and need a job", 22),
        ("19 years old looking for work", 19),
        ("jeg er 100 procent sikker", None),
        ("jeg er 45 kr. fattigere", None),
        ("mødet er kl. 19", None),
        ("hvor ligger jobcentret", None),
    ],
)
def test_age_in(text, age):
    assert age_in(text) == age


@given(st.text(max_size=200))
def test_age_in_never_fails_and_stays_plausible(text):
    age = age_in(text)
    assert age is None or 14 <= age <= 99


def ids(dispatcher):
    return [m["custom"]["answer_id"] for m in dispatcher.messages if m.get("custom")]


async def test_a_young_age_without_a_limit_suggests_the_youth_place(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_location", text="jeg er 18, hvor skal jeg henvende mig")
    events = await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["place:ungeafdelingen"]
    assert dispatcher.messages[0]["text"].startswith("Er du ung, er Ungeafdelingen typisk")
    assert {"event": "slot", "name": "age", "value": 18.0, "timestamp": None} in events


async def test_an_age_within_the_limit_staff_set_is_certain(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("ask_location", text="jeg er 16 hvor skal jeg hen")
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["place:ungdomsskolen"]
    assert dispatcher.messages[0]["text"].startswith("Du er under 18 år, så Testungdomsskolen")


async def test_the_age_told_earlier_is_used_later(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("ask_location", text="hvor skal jeg henvende mig", slots={"age": 20.0})
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["place:ungeafdelingen"]


async def test_a_named_place_wins_over_the_age(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for(
        "ask_location", text="jeg er 18, hvor er borgerservice", entities={"place": "borgerservice"}
    )
    await ActionAnswerLocation().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["place:borgerservice"]


async def test_a_young_citizen_asking_what_you_offer_gets_the_youth_place(
    facts_url, dispatcher, domain, tracker_for
):
    tracker = tracker_for("list_offers", text="jeg er 24 og har ikke nogen uddannelse, hvad kan I")
    await ActionListOffers().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["place:ungeafdelingen"]


async def test_without_an_age_the_offers_are_listed(facts_url, dispatcher, domain, tracker_for):
    tracker = tracker_for("list_offers", text="hvad kan I hjælpe med", slots={"age": 20.0})
    await ActionListOffers().run(dispatcher, tracker, domain)
    assert ids(dispatcher) == ["offers:citizen"]
