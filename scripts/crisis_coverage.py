"""How much of the NLU training data the crisis safety net (bot/crisis.py) catches.

Reads every example of every intent in data/nlu with Rasa's own loader, so the figures
follow the data as it is edited. Prints e.g. "crisis pattern: 112/114 distress examples,
0/2326 others" and exits 1 if any example of another intent matches (a false positive).
The distress examples the pattern leaves to the classifier are listed with --missed.

    .venv-rasa/bin/python scripts/crisis_coverage.py [--missed]
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NLU_DIR = ROOT / "data" / "nlu"


@dataclass
class Coverage:
    caught: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)  # intent, text, hit
    others: int = 0

    @property
    def distress(self) -> int:
        return len(self.caught) + len(self.missed)

    def summary(self) -> str:
        return (
            f"crisis pattern: {len(self.caught)}/{self.distress} distress examples, "
            f"{len(self.false_positives)}/{self.others} others"
        )


def measure(nlu_dir: Path = NLU_DIR) -> Coverage:
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.crisis import DISTRESS_INTENT, crisis_match

    result = Coverage()
    for example in load_data(str(nlu_dir)).intent_examples:
        intent, text = example.get("intent"), example.get("text")
        hit = crisis_match(text)
        if intent == DISTRESS_INTENT:
            (result.caught if hit else result.missed).append(text)
        else:
            result.others += 1
            if hit:
                result.false_positives.append((intent, text, hit))
    return result


def main(argv: list[str]) -> int:
    result = measure()
    print(result.summary())
    for intent, text, hit in result.false_positives:
        print(f"  false positive ({intent}): {text!r} matched {hit!r}")
    if "--missed" in argv:
        for text in result.missed:
            print(f"  left to the classifier: {text!r}")
    return 1 if result.false_positives else 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
