"""The crisis safety net: phrases that must (and must not) force the distress intent."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.crisis import DistressOverride, fold, is_crisis
from bot.privacy import SensitiveDataOverride
from scripts.crisis_coverage import measure


@pytest.mark.parametrize(
    "text",
    [
        # Danish, as typed with and without a Danish keyboard, and in capitals.
        "jeg tænker på selvmord",
        "selvmordstanker igen",
        "jeg taenker paa at tage mit eget liv",
        "jeg vil sla mig selv ihjel",
        "jeg vil dræbe mig selv",
        "Jeg vil gøre en ende på mit liv",
        "jeg har lyst til at dø",
        "jeg vil hellere dø end at fortsætte",
        "jeg ville ønske jeg var død",
        "jeg har [HELBRED] og vil dø",
        "JEG VIL IKKE LEVE MERE",
        "jeg vil ik leve mere",
        "jeg har ikke mere lyst til at leve",
        "jeg har mistet lysten til at leve",
        "jeg vil bare ikke vaere her mere",
        "jeg vil ikke vågne i morgen",
        "jeg har lyst til at goere skade paa mig selv",
        "jeg skærer i mig selv igen",
        "jeg er bange for at jeg gør noget ved mig selv",
        "Jeg har taget alle mine piller",
        "jeg siger farvel til livet",
        "det hele er slut for mig",
        "jeg har skrevet et afskedsbrev til min familie",
        "jeg ser ingen udvej",
        "der er ingen mening med livet",
        "livet er meningsloest",
        "alle er bedre stillet uden mig",
        "ingen ville savne mig",
        "jeg er en byrde",
        "jeg vil bare forsvinde",
        "jeg kan ikke mere.",
        "Kan ikke mere",
        "jeg ka ikke mere",
        "nu orker jeg ikke mere",
        "jeg orker ikk mere jeg har fået afslag igen",
        "jeg kan ikke holde det ud mere",
        "jeg er træt af livet",
        "jeg giver op på livet",
        "jeg har ondt i livet",
        # English.
        "i'm going to kill myself",
        "I can't go on",
        "i don't want to live anymore",
        "I'm thinking of ending my life",
        "everyone would be better off without me",
        "i feel so hopeless",
        "no one would miss me",
        "i've been cutting myself",
        "suicidal",
    ],
)
def test_crisis_expressions_match(text):
    assert is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        # Everyday phrases that share words with crisis expressions.
        "det var det hele",
        "farvel",
        "slut for nu",
        "jeg er færdig farvel",
        "jeg kan ikke mere finde formularen",
        "jeg kan ikke mere end 15 timer om ugen",
        "man kan ikke mere søge om det",
        "det kan jeg ikke længere",
        "jeg kan ikke længere arbejde som tømrer",
        "jeg kan ikke komme mandag",
        "jeg kan ikke klare mere end 10 timer",
        "jeg er træt af at vente",
        "jeg er død træt af at vente",
        "jeg orker ikke mere ventetid",
        "dø af grin",
        "jeg vil dø af grin",
        "livet som ledig",
        "jeg er træt af livet som ledig",
        "jeg giver op på at finde bussen",
        "min sagsbehandler giver op på mig",
        "jeg kan ikke leve af kontanthjælpen",
        "jeg har ikke råd til at leve",
        "jeg kan ikke leve med den afgørelse",
        "jeg vil tage mit liv tilbage",
        "ventetiden tager livet af mig",
        "jeg keder mig ihjel",
        "jeg vil ikke være til besvær",
        "jeg vil ikke være her i randers",
        "jeg har ingen anden udvej end at klage",
        "jeg ser ingen fremtid i den branche",
        "det er håbløst at komme igennem på telefonen",
        "det hele er for meget bureaukrati",
        "jeg har fået et afskedsbrev fra min chef",
        "jeg har skadet mig selv på arbejdet kan jeg få sygedagpenge",
        "jeg skar mig i fingeren",
        "jeg har taget mange piller for min ryg",
        "hvad sker der med min pension hvis jeg dør",
        "jeg vil gerne forsvinde fra jeres mailliste",
        "i cant go on monday",
        "i hurt myself at work",
        # Typical jobcentre questions.
        "hvornår får jeg mine dagpenge",
        "hvor ligger jobcentret",
        "kan jeg få hjælp til at skrive en ansøgning",
        "jeg har mistet mit job",
        "jeg vil ikke være ledig mere",
        "jeg kan ikke komme til samtalen",
        "jeg har ikke lyst til at tale med en robot",
        "hvad er åbningstiderne på fredag",
    ],
)
def test_everyday_phrases_do_not_match(text):
    assert not is_crisis(text)


def test_fold_spells_danish_letters_and_drops_punctuation():
    assert fold("Jeg KAN'T gå på Æbleø!") == "jeg kant gaa paa aebleoe"


def _message(text, intent):
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": 1.0})
    msg.set(
        "intent_ranking",
        [{"name": intent, "confidence": 0.9}, {"name": "distress", "confidence": 0.1}],
    )
    return msg


def test_override_turns_a_goodbye_into_distress():
    msg = _message("jeg siger farvel til livet", "goodbye")
    DistressOverride().process([msg])
    assert msg.get("intent") == {"name": "distress", "confidence": 1.0}
    assert msg.get("intent_ranking") == [
        {"name": "distress", "confidence": 1.0},
        {"name": "goodbye", "confidence": 0.0},
    ]


def test_override_leaves_other_messages_untouched():
    msg = _message("det var det hele farvel", "goodbye")
    DistressOverride().process([msg])
    assert msg.get("intent") == {"name": "goodbye", "confidence": 1.0}
    assert msg.get("intent_ranking")[0] == {"name": "goodbye", "confidence": 0.9}


def test_privacy_override_keeps_the_distress_it_sets():
    msg = _message("jeg har [HELBRED] og vil ikke leve mere", "share_personal_data")
    DistressOverride().process([msg])
    SensitiveDataOverride().process([msg])
    assert msg.get("intent")["name"] == "distress"


@pytest.fixture(scope="module")
def coverage():
    return measure()


def test_no_training_example_of_another_intent_matches(coverage, capsys):
    with capsys.disabled():
        print(f"\n{coverage.summary()}")
    assert coverage.others > 0
    assert coverage.false_positives == []


def test_pattern_catches_most_distress_examples(coverage):
    # The safety net, not the classifier: DIET still handles the rest. A drop well below the
    # current figure means a phrase broke.
    assert coverage.distress > 0
    assert len(coverage.caught) >= 0.8 * coverage.distress, coverage.missed
