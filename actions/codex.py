"""What a citizen can expect of the cooperation: ``action_answer_codex``."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import facts_client
from actions.base import Domain, FactsAction, say
from actions.buttons import button, contact_button
from actions.formatting import compose, join_list, lower_first, number_word, sentence


def codex_text(points: list[dict]) -> str:
    ordered = sorted(points, key=lambda p: p.get("number") or 0)
    titles = [lower_first(p["title"]) for p in ordered if p.get("title")]
    count = number_word(len(titles))
    return (
        f"Jobcentrets kodeks for det gode samarbejde har {count} punkter: {join_list(titles)}. "
        "Det er det, jobcentret arbejder for i samarbejdet med dig."
    )


class ActionAnswerCodex(FactsAction):
    action_name = "action_answer_codex"

    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Domain
    ) -> list[EventType]:
        points = await facts_client.codex()
        if not points:
            say(
                dispatcher,
                tracker,
                "Kodekset står ikke i mit indhold endnu. En medarbejder kan fortælle dig mere.",
                answer_id="codex:none",
                buttons=[contact_button()],
            )
            return []
        say(
            dispatcher,
            tracker,
            codex_text(points),
            answer_id="codex:all",
            buttons=[
                button("Får jeg en fast sagsbehandler?", "ask_caseworker"),
                button("Hvilke frister er der i min sag?", "ask_deadline"),
            ],
        )
        return []


def say_point(dispatcher: CollectingDispatcher, tracker: Tracker, point: dict) -> list[EventType]:
    """One point of the codex: its title and what it means."""
    say(
        dispatcher,
        tracker,
        compose(
            f"Kodeks for det gode samarbejde, punkt {point['number']}: {point['title']}.",
            sentence(point.get("description")),
        ),
        answer_id=f"codex:{point['number']}",
        buttons=[button("Hele kodekset", "ask_codex"), contact_button()],
    )
    return []
