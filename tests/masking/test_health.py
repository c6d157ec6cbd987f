"""Health details: recall on a held-out set written without reading the masker, and published
names that must stay."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from privacy.health import published_names
from privacy.masking import HEALTH, mask

ROOT = Path(__file__).resolve().parents[2]
# Sets written by people who never read the masker. The first one was used to find what the
# masker missed (so it measures less than it did); the second has never been tuned on. The
# floors sit under the figures measured (README, Privacy): a change that loses recall fails.
SETS = {
    "tests/bot/data/health_heldout.yml": (0.95, 0.95),
    "tests/masking/data/health_heldout_2.yml": (0.75, 0.95),
}


def seed_names() -> set[str]:
    seed = yaml.safe_load((ROOT / "content/seed.yml").read_text())
    records = [r for value in seed.values() if isinstance(value, list) for r in value]
    return published_names(r for r in records if isinstance(r, dict))


NAMES = seed_names()


def survives(case: dict) -> list[str]:
    masked = mask(case["text"], NAMES).text.lower()
    return [detail for detail in case["health"] if detail.lower() in masked]


@pytest.mark.parametrize(("path", "floors"), SETS.items())
def test_held_out_health_details_are_masked(path, floors):
    positives = yaml.safe_load((ROOT / path).read_text())["positives"]
    missed = [(c["text"], survives(c)) for c in positives if survives(c)]
    recall = 1 - len(missed) / len(positives)
    print(f"{path}: health recall {recall:.3f} on {len(positives)} phrases")
    assert recall >= floors[0], missed


@pytest.mark.parametrize(("path", "floors"), SETS.items())
def test_held_out_ordinary_sentences_stay(path, floors):
    negatives = yaml.safe_load((ROOT / path).read_text())["negatives"]
    changed = [
        mask(c["text"], NAMES).text for c in negatives if mask(c["text"], NAMES).text != c["text"]
    ]
    kept = 1 - len(changed) / len(negatives)
    print(f"{path}: {kept:.3f} of {len(negatives)} ordinary sentences unchanged")
    assert kept >= floors[1], changed


@pytest.mark.parametrize("name", sorted(NAMES))
def test_published_names_are_never_masked(name):
    assert HEALTH not in mask(f"hvad er {name}", NAMES).text


@pytest.mark.parametrize(
    "text",
    [
        "jeg har ondt i ryggen, har I et tilbud til mig",
        "jeg har angst og er sygemeldt, hvad skal der ske nu",
        "jeg har diabetes, kan jeg få fleksjob",
        "lungekræft",
        "angsten",
        "diabetiker",
        "I have cancer",
        "Har depression og skal til møde",
    ],
)
def test_the_wording_the_issue_names_is_masked(text):
    assert HEALTH in mask(text, NAMES).text
