"""How the employment services are organised: ``action_answer_organisation``."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import contact_button, topic_button
from actions.formatting import number_word, sentence


def unit_line(unit: dict) -> str:
    short = unit.get("short_name")
    return f"- {unit['name']} ({short})" if short else f"- {unit['name']}"


def organisation_text(units: list[dict]) -> str:
    intro = f"Beskæftigelsesområdet i Randers er delt i {number_word(len(units))} centre:"
    return "\n".join([intro, *(unit_line(u) for u in units)])


class ActionAnswerOrganisation(FactsAction):
    action_name = "action_answer_organisation"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        units = await facts_client.org_units()
        if not units:
            say(
                dispatcher,
                tracker,
                "Organisationen står ikke i mit indhold endnu. En medarbejder kan fortælle mere.",
                answer_id="org:none",
                buttons=[contact_button()],
            )
            return []
        say(
            dispatcher,
            tracker,
            organisation_text(units),
            answer_id="org:all",
            buttons=[
                topic_button("ask_reform"),
                topic_button("ask_company_offers"),
            ],
        )
        return []


def say_unit(dispatcher: CollectingDispatcher, tracker: Tracker, unit: dict) -> list[EventType]:
    """One unit: its name and what it does, in the content's words."""
    name = f"{unit['name']} ({unit['short_name']})" if unit.get("short_name") else unit["name"]
    about = sentence(unit.get("description")) or "Mere står ikke i mit indhold endnu."
    say(
        dispatcher,
        tracker,
        f"{name}: {about}",
        answer_id=f"org:{unit['slug']}",
        buttons=[topic_button("ask_organisation"), contact_button()],
    )
    return []
