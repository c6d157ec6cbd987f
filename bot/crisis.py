"""Deterministic safety net for crisis messages: suicidal thoughts, self-harm, hopelessness.

A statistical intent classifier alone misses some crisis messages (DIET classified "jeg
siger farvel til livet" as goodbye). A citizen in crisis must always get the crisis answer
(``action_distress_support``: 112, Livslinien, own doctor), so ``DistressOverride`` sets the
intent ``distress`` whenever the text matches ``CRISIS_PATTERN``, whatever the classifier
guessed.

The phrases are written in readable Danish below and made tolerant of spelling without a
Danish keyboard: the text is folded (``æ`` -> ``ae``, ``ø`` -> ``oe``, ``å`` -> ``aa``,
apostrophes and punctuation dropped), and every ``æ``/``ø``/``å`` in a phrase also accepts
the folded form and the bare vowel (``død`` matches "doed" and "dod", ``på`` matches "paa"
and "pa"). Phrases that could also describe everyday things ("jeg kan ikke mere finde
formularen", "dø af grin", "livet som ledig") are anchored to first-person statements and to
what may follow them. ``tests/bot/test_crisis.py`` checks that no training example of
another intent matches; ``scripts/crisis_coverage.py`` prints how many distress examples do.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intent_override import IntentOverride

DISTRESS_INTENT = "distress"
# Metadata the input channel sets when the unmasked text was a crisis message.
CRISIS_METADATA_KEY = "crisis"

# Building blocks (Danish letters are made tolerant by _tolerant below).
_I = r"(?:jeg|jg|jeh)"
_NOT = r"(?:ik(?:ke?|e|ek)?)"  # ikke, ikk, ik, ike, ikek
_MORE = r"(?:me+r+e?|længere?)"  # mere, mer, meere, længere, længer
_SELF = r"mig ?selv"
_END = r"(?= *$)"
# What may follow "jeg kan ikke mere": nothing, a new sentence, or what it is about.
_CANT_GO_ON = (
    r"(?= *$| (?:jeg|og|det|nu|alt|hjælp|med (?:livet|det hele|mig selv|det her|alt)|af det)\b)"
)

# Verbs of wanting/managing around "ikke ... leve" / "ikke være her".
_WILL = r"(?:vil|ville|orker|gider|gad|magter|ønsker|har)"
_WILL_NOT = rf"(?:{_WILL} (?:{_I} )?(?:bare |virkelig |slet )?{_NOT}|{_NOT} (?:{_MORE} )?{_WILL})"
# Words that may stand between the negation and "leve" ("har ikke mere lyst til at leve").
_FILLER = r"(?:(?:mere|længere|rigtig|bare|at|lyst|til|overskud|nogen|virkelig) ){0,5}"
# "leve af/for/med/på ..." is about making a living or coping, not about living at all.
_LIVE = (
    r"leve\b(?! (?:af|for|på|med|op|i|under|som|sammen|uden|hjemme|til|et|en|ud|fra|over"
    r"|ved|det|den|der|her|godt|normalt|ordentligt)\b)"
)
# "være her/til" only when nothing but "mere", "længere", ... follows ("være her i Randers",
# "være til besvær" are ordinary).
_HERE = rf"(?:være (?:her|til)(?= *$| (?:{_MORE}|jeg|og|nu|på denne jord|i denne verden)\b)"
_HERE += r"|være i live|eksistere)"

_PHRASES = [
    # --- Words that only ever mean suicide or self-harm.
    r"\bsel(?:v ?)?mord\w*",  # selvmord, selvmordstanker, selmord
    r"\bselvskad\w*",
    r"\bsuicid\w*",
    r"\bondt i livet\b",
    r"\bmig (?:selv )?af dage\b",
    # --- Taking one's life.
    r"\bt(?:age|ager|aget|og) mit (?:eget )?liv\b"
    r"(?! (?:tilbage|op|i egen|i hånd|alvorligt|seriøst|i mine egne)\b)",
    rf"\b(?:{_I}|at|vil|skal|ville) (?:\w+ )?t(?:age|ager|og) livet af mig(?: ?selv)?\b",
    r"\b(?:slå|slår|slog) mig (?:selv )?ihjel\b",
    rf"\b(?:dræbe|dræber|hænge|hænger|drukne|drukner) {_SELF}\b",
    rf"\bskyde {_SELF}\b(?! i foden)",
    r"\b(?:gøre|gør) en ende på (?:mit liv|livet|mig selv|det hele|alt(?: sammen)?"
    r"|det(?= *$| (?:her|nu|snart|i aften|i nat|i dag|i morgen|for mig|jeg|og)\b))",
    r"\b(?:af)?slut(?:te|ter)? (?:mit liv\b|livet\b(?! som))",
    r"\bende (?:mit liv|livet)\b(?! som)",
    r"\b(?:vil|at|skal) (?:bare |gerne )?slutte det hele\b(?! (?:hos|med|i|ved|på)\b)",
    r"\bdet hele (?:til at|skal|må) (?:bare )?(?:slutte|stoppe|ende|høre op)\b",
    r"\b(?:det|alt|livet)(?: hele| sammen)? er (?:slut|forbi|ovre|håbløst|meningsløst) for mig\b",
    r"\bfarvel til (?:livet|verden|denne verden|mit liv|det hele)\b",
    r"\b(?:skrevet|skriver|skrive|skrev|lavet|efterlade\w*|mit) (?:\w+ ){0,2}afskedsbrev\w*",
    # --- Wanting to die.
    rf"\b{_I} (?:(?:vil|ville|gerne|bare|helst|hellere|har|lyst|til|at|ønsker|burde|fortjener"
    r"|også|virkelig) ){1,5}dø\b(?! (?:af|for|med|i|på|uden|alene|som)\b)",
    r"\b(?:lyst til at|ønsker at|trang til at|fortjener at) dø\b(?! (?:af|for|med|i|på)\b)",
    r"\b(?:og|så|bare) (?:vil|ville) (?:jeg )?(?:bare |helst |gerne |hellere )?dø\b"
    r"(?! (?:af|for|med|i|på|uden|alene|som)\b)",
    r"\bbedre død\b",
    rf"\b{_I} (?:(?:bare|helst|hellere|burde|ville|vil|gerne|skulle|ønsker|ønske|at|{_I}) )"
    r"{0,4}(?:var|være|vær) (?:bare )?død\b(?! ?træt)",
    # --- Not wanting to live / to be here.
    rf"\b{_WILL_NOT} {_FILLER}{_LIVE}",
    rf"\b(?:kan|ka) (?:{_I} )?{_NOT} leve(?: (?:{_MORE}|videre)\b|{_END})",
    rf"\b{_WILL_NOT} {_FILLER}{_HERE}",
    rf"\b{_NOT} (?:\w+ )?værd at leve\b",
    rf"\b(?:mistet|ingen|ikke nogen|ikke mere) (?:\w+ )?"
    rf"(?:lyst(?:en)? til (?:at )?{_LIVE}|livslyst)",
    rf"\blivet er {_NOT} (?:noget |meget )?værd\b",
    r"\btræt af (?:at leve|at være (?:til|i live)|at eksistere"
    r"|(?:livet|mit liv)\b(?! (?:som|på|i|med|uden|her|hos)\b))",
    r"\b(?:ingen|nogen) (?:grund|mening|formål) (?:med|til|i) (?:at )?(?:leve\b|livet\b"
    rf"|at være (?:her|til)\b|at eksistere|fortsætte{_END}|fortsætte (?:{_MORE}|med livet)\b)",
    rf"\blivet (?:giver|har) (?:\w+ )?(?:{_NOT}|ingen)(?: \w+)? mening\b",
    r"\b(?:livet|mit liv|tilværelsen) er (?:\w+ )?(?:meningsløst|håbløst|ligegyldigt|slut|forbi"
    r"|et helvede)\b",
    rf"\b(?:håber|ønsker|vil|lyst til at) (?:at )?(?:{_I} )?(?:{_NOT}|aldrig) (?:{_I} )?"
    r"(?:at )?vågne(?:r)?(?: op)?(?= *$| (?:igen|i morgen|mere|op igen)\b)",
    r"\bgid jeg (?:aldrig|ikke) vågne",
    # --- Cannot go on: only when nothing but the feeling follows ("kan ikke mere finde ...",
    # "kan ikke komme mandag" and "det kan jeg ikke længere" are ordinary).
    rf"\b{_I} (?:\w+ ){{0,4}}?(?:kan|ka|orker|magter|klarer) {_NOT} {_MORE}{_CANT_GO_ON}",
    rf"(?<!\bdet )\b(?:kan|ka|orker|magter) {_I} {_NOT} {_MORE}{_CANT_GO_ON}",
    rf"^(?:kan|ka|orker|magter) {_NOT} {_MORE}{_CANT_GO_ON}",
    rf"\b(?:kan|ka|orker|magter|gider) (?:{_I} )?{_NOT} (?:det hele|livet|mit liv) {_MORE}\b",
    rf"\b(?:kan|ka|magter|orker) (?:{_I} )?{_NOT} (?:"
    rf"(?:holde|klare) (?:det|det her|det hele|livet|til det|til det her|til det hele)(?: ud)?"
    rf" {_MORE}\b"
    r"|holde (?:det|det hele|livet|det her) ud(?= *$| (?:mere|længere|jeg|og|nu)\b)"
    r"|klare (?:mere|det hele|livet)(?= *$| (?:jeg|og|nu)\b)"
    rf"|holde til mere{_END})",
    # --- Giving up, disappearing, no way out, no future.
    r"\bgi(?:ver|vet|v|ve|r) op på (?:livet|det hele|mig selv|mit liv|at leve|fremtiden"
    r"|alt(?: sammen)?(?= *$| (?:jeg|og|nu)\b))",
    r"\bopgive\w* (?:livet|mig selv|at leve)\b",
    rf"\b{_I} (?:vil|ville|har lyst til at|ønsker at|ønsker jeg kunne|kunne|vil gerne) "
    r"(?:bare |helst |gerne |bare gerne )?forsvinde"
    r"(?= *$| (?:for altid|helt|fra (?:jorden|verden|det hele|alt)|og|jeg)\b)",
    r"\b(?:ingen|nogen) (?:anden )?udvej\b(?! end)",
    r"\b(?:ingen|nogen) vej (?:ud|frem)\b",
    r"\b(?:ser|se) (?:ingen|nogen) fremtid\b(?! (?:i|inden|indenfor|som|med|på|hos|ved)\b)",
    r"\b(?:det hele|alt(?: sammen)?|livet|mit liv|fremtiden) (?:er |virker |føles )?"
    r"(?:så |bare |helt |fuldstændig )?(?:håbløs|meningsløs)\w*",
    r"\bhåbløst (?:det hele|alt sammen)\b",
    r"\b(?:føler mig|er) (?:så |helt |bare |fuldstændig )?håbløs\b",
    # --- Being a burden, nobody would miss me.
    r"\b(?:ingen|ikke nogen)\b(?: \w+){0,3} savne mig\b",
    r"\bbedre (?:stillet |tjent |af |fra )?uden mig\b",
    r"\b(?:er|føler mig som|føler mig) (?:bare |kun |sådan |så )?(?:en )?byrde\b",
    # --- Self-harm.
    rf"\bskade (?:på|for) {_SELF}\b",
    rf"\bgøre {_SELF} (?:skade|fortræd|ondt)\b",
    rf"\bskade[rt]? {_SELF}\b(?! (?:på|i|under|ved|da|til|med|fysisk)\b)",
    r"\b(?:skære|skærer|skåret|skar|skær) i mig\b",
    r"\boverdos[ie]s?\b",
    r"\b(?:tage|tager|taget|tog|sluge|sluger|slugt|slugte) (?:alle|en masse|mange|en hel \w+"
    r"|hele \w+|et helt \w+)(?: mine| de)? (?:sove)?(?:piller|tabletter)(?:ne)?\b(?! for\b)",
    r"\b(?:cutter|cutte|cuttet|snitter|snitte) (?:i )?mig\b",
    rf"\b(?:gøre|gør|gjort) (?:noget|det|noget dumt|noget slemt|skade) (?:ved|mod) {_SELF}",
    rf"\b{_I} (?:gør|gøre|kan gøre|kunne gøre|vil gøre) (?:ved|mod) {_SELF}",
    rf"\b(?:gøre|gør) (?:{_I} )?noget dumt(?= *$| (?:ved|mod) mig| (?:nu|i aften|i nat|snart)\b)",
    # --- English.
    r"\bkill(?:ing)? my ?self\b",
    r"\b(?:hurt|hurting|harm|harming|cut|cutting) my ?self\b"
    r"(?! (?:at|on|while|during|when|playing|in)\b)",
    r"\bself ?harm\w*",
    r"\bend(?:ing)? (?:my life|it all|everything)\b",
    r"\btake my (?:own )?life\b",
    r"\b(?:want|wanted|wanna|would like|going|gonna|wish i could)(?: to)? (?:just |really )?die\b"
    r"(?! (?:of|from|laughing|for)\b)",
    r"\bwish i (?:was|were) dead\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:dont|do not|no longer) (?:really )?want to (?:live|be alive|exist|wake up"
    r"|be here(?= *$| (?:anymore|any more|any longer)\b))",
    r"\b(?:cant|cannot|can not) go on(?= *$| (?:anymore|any more|any longer|like this|living)\b)",
    r"\b(?:cant|cannot|can not) (?:take|handle|do|bear) (?:it|this|life)"
    r" (?:any ?more|any longer)\b",
    r"\bno (?:reason|point) (?:to live|in living|to go on|to keep going)\b",
    r"\b(?:nobody|no one|noone) (?:would|will|is going to|gonna)(?: even)? (?:miss|notice) me\b",
    r"\bno way out\b",
    r"\b(?:see|find) (?:any|a) way out\b",
    r"\b(?:i feel|i am|im|everything is|life is|its all|it is all|feeling) "
    r"(?:so |completely |totally |just |really )?hopeless\b",
    r"\bwant (?:it|everything) (?:all )?to (?:end|stop)\b",
    r"\b(?:give|gave|given|giving) up on (?:life|living|everything)\b",
    r"\b(?:i am|im|i feel like) (?:such |just |only )?a burden\b",
    r"\bgoodbye (?:cruel )?world\b",
    r"\b(?:wrote|written|writing|write|left) (?:a|my) (?:goodbye|farewell|suicide)"
    r" (?:note|letter)\b",
]


def _tolerant(pattern: str) -> str:
    """Let each Danish letter also match its folded spelling and the bare vowel."""
    return pattern.replace("æ", "(?:ae|a|e)").replace("ø", "(?:oe|o)").replace("å", "(?:aa|a)")


CRISIS_PATTERN = re.compile("|".join(_tolerant(p) for p in _PHRASES), re.IGNORECASE)

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "é": "e"})
_APOSTROPHES = re.compile(r"['’´`]")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, æ/ø/å as ae/oe/aa, no apostrophes ("can't" -> "cant"), single spaces."""
    text = _APOSTROPHES.sub("", text.lower().translate(_FOLD))
    return _NON_WORD.sub(" ", text).strip()


def crisis_match(text: str) -> str | None:
    """The matched crisis expression (folded), or None."""
    found = CRISIS_PATTERN.search(fold(text))
    return found.group(0) if found else None


def is_crisis(text: str) -> bool:
    return crisis_match(text) is not None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DistressOverride(IntentOverride):
    """Sets the intent to ``distress`` when the message contains a crisis expression.

    Place it after the intent classifier and before ``bot.privacy.SensitiveDataOverride`` (which
    never overrides ``distress``) and ``FallbackClassifier``. Deterministic: a fixed phrase list,
    not a learned guess, so a crisis message cannot be classified away.
    """

    intent = DISTRESS_INTENT

    def applies(self, message: Message) -> bool:
        # The channel checks the unmasked text and passes only its verdict on.
        verdict = (message.get("metadata") or {}).get(CRISIS_METADATA_KEY) is True
        return verdict or is_crisis(message.get(TEXT) or "")
