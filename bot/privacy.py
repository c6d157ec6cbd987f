"""Masking of CPR numbers and health details, and the NLU override that reacts to it.

Masking runs in the input channel (see ``bot.channels``) before Rasa's processor sees the
message, so the tracker store, the logs, the action server and the facts service only ever
receive the masked text. The markers ``[CPR]`` and ``[HELBRED]`` stay in the text so the
NLU can tell the citizen that personal data does not belong in this chat.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intent_override import IntentOverride

CPR_MARKER = "[CPR]"
HEALTH_MARKER = "[HELBRED]"
PERSONAL_DATA_INTENT = "share_personal_data"
# A citizen in crisis must get the crisis answer even if they also mention a diagnosis.
INTENTS_NEVER_OVERRIDDEN = frozenset({"distress"})

# DDMMYY then four digits, optionally separated by a dash, space or dot. The check digit is
# deliberately not validated: numbers issued since 2007 need not satisfy modulus 11, and a
# mistyped number is just as personal.
_CPR = re.compile(r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[\s.\-–]?\d{4}(?!\d)")

# First-person statements about one's own health: "jeg har depression", "min diagnose er ...".
_FIRST_PERSON = re.compile(r"\b(jeg|jeg'?er|mig|min|mit|mine|i'?m|my)\b", re.IGNORECASE)
_HEALTH_TERMS = [
    r"depression(?:en)?",
    r"depri",
    r"angst(?:anfald)?",
    r"stress(?:et)?",
    r"ptsd",
    r"adhd",
    r"autisme",
    r"asperger",
    r"kr(?:æ|ae)ft(?:en)?",
    r"cancer",
    r"diabetes",
    r"sukkersyge",
    r"sklerose",
    r"sclerose",
    r"gigt",
    r"skizofreni",
    r"bipolar",
    r"hjerneskade",
    r"hjernerystelse",
    r"migr(?:æ|ae)ne",
    r"epilepsi",
    r"alkoholmisbrug",
    r"misbrug(?:et)?",
    r"diskusprolaps",
    r"prolaps",
    r"whiplash",
    r"fibromyalgi",
    r"psykose",
    r"ocd",
    r"borderline",
    r"spiseforstyrrelse",
    r"parkinson",
    r"demens",
    r"blodprop",
    r"hjertesygdom",
    r"rygsmerter",
    r"ondt i ryggen",
    r"(?<=har )(?:kroniske )?smerter",
    r"diagnose[n]?",
]
_HEALTH = re.compile(r"\b(?:" + "|".join(_HEALTH_TERMS) + r")\b", re.IGNORECASE)


def mask_sensitive(text: str) -> tuple[str, list[str]]:
    """Return the text with CPR numbers and first-person health details masked.

    The second element names what was masked (``"cpr"``, ``"health"``), never the values.
    """
    found: list[str] = []
    masked, n_cpr = _CPR.subn(CPR_MARKER, text)
    if n_cpr:
        found.append("cpr")
    if _FIRST_PERSON.search(masked):
        masked, n_health = _HEALTH.subn(HEALTH_MARKER, masked)
        if n_health:
            found.append("health")
    return masked, found


def contains_marker(text: str) -> bool:
    return CPR_MARKER in text or HEALTH_MARKER in text


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SensitiveDataOverride(IntentOverride):
    """Sets the intent to ``share_personal_data`` when the channel masked personal data.

    Place it after the intent classifier and before ``FallbackClassifier``. The decision is
    deterministic: it rests on the markers the channel wrote, not on a learned guess.
    """

    intent = PERSONAL_DATA_INTENT

    def applies(self, message: Message) -> bool:
        current = (message.get(INTENT) or {}).get("name")
        return contains_marker(message.get(TEXT) or "") and current not in INTENTS_NEVER_OVERRIDDEN
