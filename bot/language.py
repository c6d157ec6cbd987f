"""Which language a citizen writes in: Danish or English, or "can't tell" for this message.

Standard library only (like ``privacy/``), so the detector is tested on generated input in the
service environment as well (``tests/language``); ``bot.language_policy`` puts its verdict in
the ``language`` slot.

The verdict counts words that only one of the two languages uses: English function and
question words ("where", "the", "do", "can", "my") against Danish ones ("hvor", "jeg", "og",
"ikke"), and every word with æ, ø or å counts as Danish. Words both languages write ("i",
"for", "at", "to", "her", "man", "have", "by", "job", "ok") count for neither. The language
with more words wins; a tie, and a message with no such word ("ok", "borgerservice",
"/greet"), gives ``None``: the conversation keeps its language. A name with æøå in an English
question ("where is huset tværs") is outweighed by the English words around it.
"""

from __future__ import annotations

import re

DANISH = "da"
ENGLISH = "en"
LANGUAGES = (DANISH, ENGLISH)

# The masking channel's markers ("[CPR]", "[HELBRED]" ...) are Danish words in brackets: they
# tell nothing about the citizen's language.
_MARKER = re.compile(r"\[[A-ZÆØÅ]+\]")
_WORD = re.compile(r"[a-zæøåäöüéè]+(?:['’][a-z]+)*")
_DANISH_LETTERS = re.compile(r"[æøå]")
# An English contraction or possessive: what's, don't, i'm, you're, jobcentre's.
_CONTRACTION = re.compile(r"['’](?:s|t|m|re|ve|ll|d)$")

# fmt: off
ENGLISH_WORDS = frozenset({
    # question words, also as typed in a hurry
    "what", "whats", "wat", "where", "wheres", "were", "wher", "whre", "when", "whens", "how",
    "hows", "who", "whom", "whose", "which", "why",
    # verbs and auxiliaries
    "is", "are", "am", "was", "be", "been", "being", "do", "does", "did", "dont", "doesnt",
    "didnt", "cant", "cannot", "wont", "isnt", "arent", "can", "could", "would", "should",
    "will", "shall", "must", "need", "needs", "want", "wanna", "get", "got", "find", "look",
    "looking", "go", "going", "come", "coming", "talk", "speak", "call", "reach", "book",
    "make", "know", "tell", "give", "take", "see", "has", "im", "ive",
    # pronouns, articles, little words
    "the", "teh", "an", "you", "your", "yours", "u", "ur", "me", "my", "we", "our",
    "us", "they", "their", "them", "this", "that", "these", "those", "there", "here", "of",
    "in", "on", "with", "about", "from", "into", "and", "or", "but", "not", "any", "some",
    "just", "also", "if", "than", "then", "please", "pls", "plz", "yes", "yeah", "something",
    "someone", "anyone", "anything", "nothing", "other",
    # greetings and thanks
    "hello", "helo", "hi", "hiya", "thanks", "thank", "thx", "tnx", "ty", "appreciate",
    "goodbye", "cheers", "good", "nice", "morning", "afternoon", "evening", "night", "day",
    "later", "gotta", "thats", "all",
    # the topics, in English
    "help", "human", "explain", "open", "opening", "hours", "appointment", "booking",
    "required", "address", "located",
    "offer", "offers", "course", "courses", "people", "person", "young", "unemployed",
    "company", "companies", "employer", "work", "advice", "advisory", "staff", "caseworker",
    "complaint", "complain", "deadline", "meeting", "today", "tomorrow", "week",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
DANISH_WORDS = frozenset({
    # pronouns, articles, little words
    "jeg", "jg", "du", "vi", "han", "hun", "det", "den", "de", "dem", "der", "os", "jer",
    "mig", "dig", "sig", "min", "mit", "mine", "din", "dit", "dine", "et", "en", "og",
    "eller", "ikke", "ik", "ikk", "med", "til", "af", "om", "fra", "som", "hos", "ved",
    "efter", "noget", "nogen", "nogle", "saa", "ogsaa", "bare", "lige", "hvis", "naar",
    "mere", "meget", "godt", "nu", "jo", "ud", "op", "henne", "hvorhenne", "venligst",
    "undskyld",
    # question words and verbs (the forms without æøå; those with æøå count anyway)
    "hvor", "hvad", "hva", "hvornaar", "hvornar", "hvordan", "hvem", "hvilke", "hvilken",
    "hvilket", "hvorfor", "er", "var", "kan", "ka", "skal", "vil", "har", "havde", "maa",
    "faar", "faa", "ligger", "hedder", "kommer", "komme", "finder", "finde", "henvende",
    "bestille", "booke", "tale", "snakke", "ringe", "hjaelp", "hjaelpe", "hjalp",
    # greetings and thanks
    "hej", "hejsa", "hejhej", "tak", "tusind", "mange", "ja", "nej", "farvel",
    "godmorgen", "goddag", "vh",
    # the topics, in Danish
    "sted", "stedet", "tid", "tider", "aabent", "abent", "tilbud", "tilbuddet", "tilbuddene",
    "sagsbehandler", "sagsbehandleren", "moede", "mode", "ledig", "ledige", "arbejde",
    "adresse", "adressen", "dag", "idag", "imorgen", "uge", "ugen", "kl", "mandag",
    "tirsdag", "onsdag", "torsdag", "fredag", "loerdag", "lordag", "soendag", "sondag",
    "virksomhed", "virksomheder", "unge", "klage", "frist", "fristen", "raadgivning",
    "radgivning", "kontanthjaelp", "sygemeldt", "borger", "borgere",
})
# fmt: on


def words(text: str) -> list[str]:
    """The message's words, lower-cased, without the masking markers."""
    return _WORD.findall(_MARKER.sub(" ", text).lower())


def scores(text: str) -> tuple[int, int]:
    """(Danish words, English words) in ``text``."""
    danish = english = 0
    for word in words(text):
        if word in DANISH_WORDS or _DANISH_LETTERS.search(word):
            danish += 1
        elif word in ENGLISH_WORDS or _CONTRACTION.search(word):
            english += 1
    return danish, english


def detect(text: str | None) -> str | None:
    """``"da"``, ``"en"``, or ``None`` when the message does not tell (a tie, no telling
    word, a button payload ``/intent{...}``)."""
    if not isinstance(text, str) or text.lstrip().startswith("/"):
        return None
    danish, english = scores(text)
    if english > danish:
        return ENGLISH
    if danish > english:
        return DANISH
    return None
