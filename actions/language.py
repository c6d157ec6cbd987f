"""The citizen's language in the answers: Danish, or English for the core topics.

``lookup.language(tracker)`` reads it from the ``language`` slot. The core topics (places,
advisory sessions, the lists of offers, the route to a person) phrase their answers in it:
each keeps its sentences in a table per language beside its logic, and formats facts with
``FORMATTING[lang]``. Every other answer stays Danish; ``base.say`` puts ``ONLY_IN_DANISH``
before it for an English reader and gives topic buttons their English labels.
"""

from __future__ import annotations

from types import ModuleType

from actions import formatting, formatting_en

DA = "da"
EN = "en"
FORMATTING: dict[str, ModuleType] = {DA: formatting, EN: formatting_en}
ONLY_IN_DANISH = "Sorry, this answer is only available in Danish:"
