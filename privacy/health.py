"""Where a text mentions a health detail: diagnoses, symptoms, medicine, injuries, addiction.

Rasa's lemmatiser runs after the text has been stored, so this works on surface forms. A
word is a health detail when

- it contains one of ``STEMS`` anywhere: Danish compounds put the diagnosis at either end
  ("lungekræft", "kræftsygdom", "rygsmerterne", "diabetiker"), or
- it is one of ``WORDS`` (short or ambiguous words, whole words only, with an inflection), or
- it is part of one of ``PHRASES`` ("ondt i ryggen", "heart attack").

``NOT_HEALTH`` lists words that contain a stem but are benefits, places or ordinary Danish
("sygedagpenge", "sygemeldt", "uafhængig"). Whether the citizen writes "jeg", "min" or nothing
at all makes no difference: "Har depression og ..." and "min søn har autisme" are masked too.
Stems are written folded (æ→ae, ø→oe, å→aa), and so is each word before it is compared, so
"kraeft" and "kræft" are the same word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# fmt: off
STEMS = (
    # mental health
    "depression", "deprimer", "angst", "stress", "udbraendt", "burnout", "traume", "traumati",
    "ptsd", "adhd", "autis", "asperger", "skizofren", "schizofren", "schizo", "bipolar",
    "maniodepres", "borderline", "psykose", "psykotisk", "spiseforstyr", "anoreksi", "anorexi",
    "bulimi", "tvangstank", "panikanfald", "selvskad", "depress", "anxiety", "anxious",
    # cancer, chronic and neurological illness
    "kraeft", "cancer", "tumor", "tumour", "svulst", "leukaemi", "leukemi", "diabet",
    "sukkersyg", "sklerose", "sclerose", "sclerosis", "gigt", "artrose", "arthritis", "migraen",
    "migran", "migrain", "hovedpine", "epilep", "parkinson", "demens", "dement", "alzheimer",
    "astma", "asthma", "allergi", "eksem", "psoriasis", "tinnitus", "fibromyalgi", "coeliaki",
    "cøliaki", "colitis", "crohn", "hjernerystelse", "concussion", "hjerneskade", "blodprop",
    "hjernebloed", "apopleksi", "slagtilfaelde", "hjerteanfald", "hjertesyg", "hjertefejl",
    "senfoelge", "covid", "corona", "dyslexi", "ordblind", "hoeretab", "synshandicap",
    "lidelse", "betaendelse", "infektion", "syndrom", "forgiftning", "nedslidt", "overbelast",
    "kvalme", "nausea", "svimmel", "besvimel", "insomni", "soevnloes", "soevnproblem",
    # pain, injury, operations, disability, hospital
    "smerte", "smaerte", "prolaps", "whiplash", "piskesmaeld", "braekket", "brukket", "broke",
    "fracture", "spraengt", "menisk", "korsbaand", "knaeskade", "rygskade", "arbejdsskade",
    "rygmarv", "injur", "opereret", "operation", "surgery", "amput", "lammels", "lammet",
    "koerestol", "wheelchair", "handicap", "funktionsnedsaet", "disab", "indlagt", "indlaeg",
    "hospitaliser", "baekkenloes",
    # addiction and drugs
    "alkoholi", "alkoholmisbrug", "misbrug", "narkoman", "afhaengighed", "addict", "ludoman",
    "kokain", "heroin", "amfetamin", "cannabis", "opioid", "abstinens",
    # medicine and treatment
    "medicin", "medication", "antidepress", "lykkepille", "sovepille", "kemoterapi", "kemo",
    "chemo", "straalebehandl", "diagnos", "insulin", "metformin", "lithium", "ritalin",
    "medikinet", "concerta", "sertralin", "citalopram", "fluoxetin", "duloxetin", "venlafaxin",
    "mirtazapin", "quetiapin", "olanzapin", "azepam", "tramadol", "oxycodon", "morfin",
    "metadon", "methadon", "gabapentin", "pregabalin", "lyrica", "ozempic", "prednisolon",
    "methotrexat", "antibiotika", "penicillin", "antipsykoti",
    # illness in general, pregnancy
    "sygdom", "illness", "disease", "gravid", "pregnan", "svangerskab", "graviditet",
    "abort", "foedselsdepression",
)

# "<body part><problem>": rygproblemer, hjertesvigt, knæoperation, nyresygdom, skulderskade.
BODY_PARTS = (
    "ryg", "hjerte", "knae", "hofte", "skulder", "nakke", "mave", "lunge", "nyre", "lever",
    "hjerne", "oeje", "oejne", "oere", "tarm", "led", "albue", "haand", "fod", "foedder",
    "bryst", "hals", "tand", "taender", "muskel", "muskler", "sene", "baekken", "psyk",
)
TROUBLES = ("problem", "skade", "svigt", "operation", "sygdom", "lidelse", "smerte", "besvaer")
# fmt: on
_BODY_TROUBLE = re.compile("(?:" + "|".join(BODY_PARTS) + ")(?:e|s)?(?:" + "|".join(TROUBLES) + ")")
# Stems this long also match with one typo ("depresion", "diabetis"); shorter ones would
# catch ordinary words.
FUZZY_MIN = 7

# fmt: off
WORDS = (
    "depri", "kol", "ms", "hiv", "aids", "add", "ocd", "syg", "syge", "sygt", "doev", "blind",
    "kronisk", "kroniske", "piller", "pain", "pains", "painful", "chronic", "stroke", "cancer",
    "hash", "stoffer", "psykiatrisk",
)
_INFLECTIONS = ("", "en", "et", "er", "erne", "e", "s")

NOT_HEALTH = (
    "sygedagpeng", "sygemeld", "sygefravaer", "sygeplej", "sygehus", "sygesikring",
    "sygeopfoelg", "uafhaeng", "operationel", "funktionaer",
)
# Medical word endings (bronkitis, endometriose, neuropati, narkolepsi, klaustrofobi, anæmi)
# and drug-name endings (citalopram, quetiapin, omeprazol, metoprolol, ibuprofen, ...),
# for words of at least ``SUFFIX_MIN`` letters, minus the ordinary words that share them.
SUFFIXES = (
    "itis", "ose", "osen", "oser", "pati", "patien", "algi", "aemi", "plegi", "lepsi", "fobi",
    "fobien", "pram", "oxetin", "azepam", "zolam", "apin", "idon", "prazol", "olol", "sartan",
    "statin", "cillin", "mycin", "triptan", "profen", "fenidat", "thyroxin", "tyroxin",
)
SUFFIX_EXCEPTIONS = (
    "glukose", "mimose", "virtuose", "sympati", "empati", "antipati", "telepati", "nostalgi",
    "sympatien", "empatien", "kaprifose", "ambrose",
)
SUFFIX_MIN = 7
# fmt: on

# What follows these is a diagnosis or a treatment, whatever its name: "lider af narkolepsi",
# "fik konstateret PCOS", "diagnosed with Ehlers-Danlos". Up to three words are masked, up to
# the next comma, full stop or "og"/"men"/"and".
_AFTER = (
    r"lider af|lidt af|fik konstateret|har fået konstateret|konstateret med|diagnosticeret med"
    r"|diagnosen|diagnose(?:r)? med|behandles for|behandlet for|i behandling for|opereret for"
    r"|medicin mod|medicin for|piller mod|piller for|sygemeldt med|sygemeldt pga"
    r"|sygemeldt på grund af"
    r"|suffer(?:s|ing)? from|diagnosed with|treated for|medication for|on medication"
)
_NOT_DETAIL = r"(?:og|men|and|but|så|hvad|hvor|hvem|hvornår|kan|jeg|i|at|the|and)\b"
CONTEXT = re.compile(
    rf"\b(?:{_AFTER})\b\s+([\w'-]+(?:\s+(?!{_NOT_DETAIL})[\w'-]+){{0,2}})",
    re.IGNORECASE,
)

PHRASES = re.compile(
    r"\bondt i (?:ryggen|hovedet|maven|knæet|knaeet|skulderen|skuldrene|nakken|hoften|benene"
    r"|armen|kroppen|brystet|hjertet|leddene|\w+)"
    r"|\bheart (?:attack|disease|condition)\b|\bmental (?:illness|health (?:issues|problems))\b"
    r"|\bback pain\b|\bnedsat \w+funktion\w*",
    re.IGNORECASE,
)

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "é": "e"})
_WORD = re.compile(r"\w+")


def _spellings(stem: str) -> set[str]:
    """The stem as typed without a Danish keyboard: æ/ø/å dropped ("krft") or as a bare
    vowel ("kreft", "dov"). æ is never read as a: "kraft" and "arbejdskraft" are ordinary."""
    forms = {stem}
    if any(pair in stem for pair in ("ae", "oe", "aa")):
        forms.add(stem.replace("ae", "").replace("oe", "").replace("aa", ""))
        forms.add(stem.replace("ae", "e").replace("oe", "o").replace("aa", "a"))
    return {form for form in forms if len(form) >= 4}


_STEM_FORMS = tuple(sorted({form for stem in STEMS for form in _spellings(stem)}))


def fold(word: str) -> str:
    return word.lower().translate(_FOLD)


def is_health_word(word: str) -> bool:
    folded = fold(word)
    if folded.startswith(NOT_HEALTH):
        return False
    if any(folded == w + suffix for w in WORDS for suffix in _INFLECTIONS):
        return True
    if any(stem in folded for stem in _STEM_FORMS) or _BODY_TROUBLE.search(folded):
        return True
    if (
        len(folded) >= SUFFIX_MIN
        and folded.endswith(SUFFIXES)
        and not folded.startswith(SUFFIX_EXCEPTIONS)
    ):
        return True
    return len(folded) >= FUZZY_MIN - 1 and any(_near(folded, stem) for stem in _candidates(folded))


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


_BY_TRIGRAM: dict[str, set[str]] = {}
for _stem in (s for s in STEMS if len(s) >= FUZZY_MIN):
    for _gram in _trigrams(_stem):
        _BY_TRIGRAM.setdefault(_gram, set()).add(_stem)


def _candidates(word: str) -> list[str]:
    """Stems ``word`` can be one edit away from. One edit breaks at most three of a stem's
    trigrams, so a stem of seven or more letters keeps at least two in the word."""
    counts: dict[str, int] = {}
    for gram in _trigrams(word):
        for stem in _BY_TRIGRAM.get(gram, ()):
            counts[stem] = counts.get(stem, 0) + 1
    return [stem for stem, n in counts.items() if n >= 2]


def _near(word: str, stem: str) -> bool:
    """Whether some part of ``word`` is ``stem`` with one letter added, dropped or changed."""
    n = len(stem)
    for size in (n - 1, n, n + 1):
        for start in range(0, len(word) - size + 1):
            if _one_edit(word[start : start + size], stem):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def health_spans(text: str, protected: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of health details in ``text``, leaving out
    anything inside a ``protected`` phrase."""
    shield = [m.span() for m in _protected_pattern(frozenset(protected)).finditer(text)]
    found = [m.span() for m in _WORD.finditer(text) if is_health_word(m.group())]
    found += [m.span() for m in PHRASES.finditer(text)]
    found += [m.span(1) for m in CONTEXT.finditer(text)]
    found = [s for s in found if not any(a <= s[0] and s[1] <= b for a, b in shield)]
    return _merge(sorted(found))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_TOLERANT = {"æ": "(?:æ|ae)", "ø": "(?:ø|oe)", "å": "(?:å|aa)"}
_NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=8)
def _protected_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """One pattern for all published names, tolerant of ae/oe/aa and extra spaces."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [w for w in re.split(r"\s+", phrase.strip().lower()) if w]
        if not words or not any(is_health_word(w) for w in _WORD.findall(" ".join(words))):
            continue  # only names that contain a health word need shielding
        escaped = ["".join(_TOLERANT.get(ch, re.escape(ch)) for ch in word) for word in words]
        parts.append(r"\s+".join(escaped))
    if not parts:
        return _NEVER
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


NAME_FIELDS = ("name", "title", "aliases", "target_groups", "target_group")


def published_names(records: Iterable[dict[str, Any]]) -> set[str]:
    """Every name, title, alias and target group in content records: the ``protected``
    phrases of ``health_spans``."""
    found: set[str] = set()
    for record in records:
        for key in NAME_FIELDS:
            value = record.get(key)
            values = value if isinstance(value, list) else [value]
            found.update(v.strip() for v in values if isinstance(v, str) and v.strip())
    return found
