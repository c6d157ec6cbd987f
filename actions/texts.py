"""Answers that are staff-editable texts (``/api/texts/{key}``): routes to a human, complaints,
the privacy notice, distress support, the help overview, out of scope and the 2025 reform."""

from __future__ import annotations

from abc import abstractmethod

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button, help_menu, topic_button
from actions.formatting import compose, read_more

# Optional domain response for distress when the facts service is down (emergency numbers
# written by content staff in the domain); without it the action says utter_service_down.
DISTRESS_FALLBACK_RESPONSE = "utter_distress_fallback"


class TextAction(FactsAction):
    """Says the staff-editable text ``text_key`` with ``buttons``."""

    @property
    @abstractmethod
    def text_key(self) -> str: ...

    def buttons(self) -> list[dict[str, str]]:
        return []

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        record = await facts_client.bot_text(self.text_key)
        if not record or not (record.get("body") or "").strip():
            # a required text is missing: say so plainly rather than invent one
            self.say_unavailable(dispatcher, domain)
            return []
        say(
            dispatcher,
            tracker,
            compose(record["body"], read_more(record.get("url"))),
            answer_id=f"text:{self.text_key}",
            buttons=self.buttons(),
        )
        return []


class ActionHumanRoutes(TextAction):
    action_name = "action_human_routes"
    text_key = "human_routes"

    def buttons(self) -> list[dict[str, str]]:
        return [
            button("Hvor ligger Borgerservice?", "ask_location", place="borgerservice"),
            topic_button("ask_advisory_sessions"),
            button("Jeg vil klage", "complain"),
        ]


class ActionComplaint(TextAction):
    action_name = "action_complaint"
    text_key = "complaint"

    def buttons(self) -> list[dict[str, str]]:
        return [contact_button()]


class ActionPrivacyNotice(TextAction):
    action_name = "action_privacy_notice"
    text_key = "privacy_notice"

    def buttons(self) -> list[dict[str, str]]:
        return [contact_button()]


class ActionDistressSupport(TextAction):
    action_name = "action_distress_support"
    text_key = "distress_help"

    def say_unavailable(self, dispatcher: CollectingDispatcher, domain: Domain) -> None:
        if DISTRESS_FALLBACK_RESPONSE in (domain or {}).get("responses", {}):
            dispatcher.utter_message(response=DISTRESS_FALLBACK_RESPONSE)
        else:
            super().say_unavailable(dispatcher, domain)


class ActionHelpOverview(TextAction):
    action_name = "action_help_overview"
    text_key = "help_overview"

    def buttons(self) -> list[dict[str, str]]:
        return help_menu()


class ActionOutOfScope(TextAction):
    action_name = "action_out_of_scope"
    text_key = "out_of_scope"

    def buttons(self) -> list[dict[str, str]]:
        return help_menu()[:3]


class ActionAnswerReform(TextAction):
    action_name = "action_answer_reform"
    text_key = "reform_2025"

    def buttons(self) -> list[dict[str, str]]:
        return [button("Hvordan er jobcentret organiseret?", "ask_organisation")]
