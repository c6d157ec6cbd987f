"""Answers that are staff-editable texts (``/api/texts/{key}``): routes to a human, complaints,
the privacy notice, distress support, the help overview, out of scope and the 2025 reform."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client, formatting_en
from actions.base import Domain, FactsAction, say
from actions.buttons import Button, button, contact_button, help_menu, topic_button
from actions.formatting import compose, read_more
from actions.language import DA, EN
from actions.lookup import language

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

    def english(self, record: dict[str, Any]) -> tuple[str, list[Button]] | None:
        """The answer (text, buttons) for an English reader, from the staff's Danish text
        ``record``; None: the Danish text, after a short English note (``base.say``)."""
        return None

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        record = await facts_client.bot_text(self.text_key)
        if not record or not (record.get("body") or "").strip():
            # a required text is missing: say so plainly rather than invent one
            self.say_unavailable(dispatcher, domain)
            return []
        english = self.english(record) if language(tracker) == EN else None
        if english:
            text, buttons = english
        else:
            text = compose(record["body"], read_more(record.get("url")))
            buttons = self.buttons()
        say(
            dispatcher,
            tracker,
            text,
            answer_id=f"text:{self.text_key}",
            buttons=buttons,
            written_in=EN if english else DA,
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

    def english(self, record: dict[str, Any]) -> tuple[str, list[Button]]:
        """An English lead, then the staff's Danish text (their routes are content)."""
        text = compose(
            "You can reach a person at the jobcentre in these ways. The details are in Danish:",
            record["body"],
            formatting_en.read_more(record.get("url")),
        )
        buttons = [
            button("Where is Borgerservice?", "ask_location", place="borgerservice"),
            topic_button("ask_advisory_sessions"),
            button("I want to complain", "complain"),
        ]
        return text, buttons


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

    def english(self, record: dict[str, Any]) -> tuple[str, list[Button]]:
        """What the assistant answers in English (the core topics), with the help menu."""
        return HELP_IN_ENGLISH, help_menu()


# The topics answered in English are the code's choice (actions/language.py), so this text is
# written here, not by staff; the Danish help text stays staff content.
HELP_IN_ENGLISH = (
    "In English I can tell you where the jobcentre's places are, when there are open advisory "
    "sessions, which offers the jobcentre has, and how to reach a person. Other answers are in "
    "Danish. I can't see or change your case. Write your question in your own words, or "
    "choose a topic."
)


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
