"""bot.language.detect on generated input (Hypothesis): it never fails, Danish stays Danish,
English is English, and what tells nothing keeps the conversation's language.

Runs in the service environment (`make test-language`): the detector is standard library only.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import DANISH, DANISH_WORDS, ENGLISH, ENGLISH_WORDS, detect

# fmt: off
DANISH_WITH_LETTERS = (
    "hvornår", "åben", "rådgivning", "får", "må", "være", "hjælp", "kødt", "møde", "tværs",
    "slotsgården", "løntilskud", "også", "på", "så", "når", "lørdag", "søndag", "forløb",
    "sygemeldt", "næste", "bæredygtig", "hjørnestenen", "børn", "åbent", "kører",
)
# Words both languages write, names, numbers, typos: they tell nothing.
NEUTRAL = (
    "jobcenter", "jobcentret", "borgerservice", "randers", "no.17", "huset", "perron", "4",
    "ok", "okay", "bye", "i", "for", "at", "to", "her", "man", "have", "by", "job", "cv",
    "mentor", "fleksjob", "igu", "csr", "8900", "a-kasse", "regimentvej", "tradium", "uu",
    "???", "!", "...", "hmm", "jobdating", "karriereteamet", "praktik", "2025",
)
MARKERS = ("[CPR]", "[TELEFON]", "[EMAIL]", "[NUMMER]", "[HELBRED]")
# fmt: on

danish_word = st.sampled_from(sorted(DANISH_WORDS) + list(DANISH_WITH_LETTERS))
english_word = st.sampled_from(sorted(ENGLISH_WORDS))
neutral_word = st.sampled_from(NEUTRAL)


def sentence(draw, words: list[str]) -> str:
    order = draw(st.permutations(words))
    separators = draw(
        st.lists(
            st.sampled_from([" ", "  ", ", ", "? ", ". "]), min_size=len(order), max_size=len(order)
        )
    )
    return "".join(w + s for w, s in zip(order, separators, strict=True)).strip()


@st.composite
def danish_messages(draw) -> str:
    """Danish words, at least one with æ, ø or å, among neutral words, in any case."""
    words = [draw(st.sampled_from(DANISH_WITH_LETTERS))]
    words += draw(st.lists(danish_word, max_size=8))
    words += draw(st.lists(neutral_word, max_size=4))
    text = sentence(draw, words)
    return draw(st.sampled_from([text, text.upper(), text.capitalize()]))


@st.composite
def english_messages(draw) -> str:
    """English words, with a Danish name or two (fewer than the English words)."""
    words = draw(st.lists(english_word, min_size=2, max_size=10))
    names = draw(st.lists(st.sampled_from(["huset tværs", "slotsgården", "no.17"]), max_size=1))
    words += names + draw(st.lists(neutral_word, max_size=4))
    return sentence(draw, words)


@settings(max_examples=3000)
@given(st.text())
def test_never_fails_on_any_text(text):
    assert detect(text) in {DANISH, ENGLISH, None}


@settings(max_examples=1500)
@given(danish_messages())
def test_danish_with_danish_letters_stays_danish(text):
    assert detect(text) == DANISH


@settings(max_examples=1500)
@given(english_messages())
def test_english_is_english_even_with_a_danish_name(text):
    assert detect(text) == ENGLISH


@given(st.lists(neutral_word, max_size=6).map(" ".join))
def test_words_of_both_languages_tell_nothing(text):
    assert detect(text) is None


@given(st.one_of(danish_messages(), english_messages()), st.lists(st.sampled_from(MARKERS)))
def test_masking_markers_do_not_change_the_verdict(text, markers):
    assert detect(" ".join([text, *markers])) == detect(text)


@given(st.text(), st.dictionaries(st.sampled_from(["place", "offer"]), st.text(max_size=20)))
def test_a_button_payload_tells_nothing(intent, entities):
    assert detect(f"/{intent}{entities}") is None


def test_no_word_counts_for_both_languages():
    assert DANISH_WORDS.isdisjoint(ENGLISH_WORDS)
