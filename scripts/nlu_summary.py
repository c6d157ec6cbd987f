"""Summarise Rasa's NLU cross-validation reports and check them against the targets.

Reads the JSON reports `rasa test nlu --cross-validation` writes (intent and entity
precision/recall/F1 per class), prints a table per report, writes `summary.md` next to them,
and exits 1 when intent macro-F1 < 0.92 or entity F1 (micro average over entity types) < 0.90.

    .venv/bin/python scripts/nlu_summary.py reports/nlu
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

INTENT_TARGET = 0.92
ENTITY_TARGET = 0.90
SUMMARY_KEYS = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def table(title: str, report: dict) -> list[str]:
    lines = [
        f"## {title}",
        "",
        "| class | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for name, row in sorted(report.items()):
        if name in SUMMARY_KEYS or not isinstance(row, dict):
            continue
        lines.append(
            f"| {name} | {row['precision']:.3f} | {row['recall']:.3f} | "
            f"{row['f1-score']:.3f} | {row['support']} |"
        )
    for key in ("macro avg", "weighted avg", "micro avg"):
        if key in report:
            row = report[key]
            lines.append(
                f"| **{key}** | {row['precision']:.3f} | {row['recall']:.3f} | "
                f"**{row['f1-score']:.3f}** | {row['support']} |"
            )
    return [*lines, ""]


def entity_f1(report: dict) -> float:
    """Micro-averaged F1 over the entity types (the 'no_entity' class excluded)."""
    if "micro avg" in report:
        return report["micro avg"]["f1-score"]
    return report["weighted avg"]["f1-score"]


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "reports/nlu")
    intent_file = folder / "intent_report.json"
    entity_files = [
        p
        for p in folder.glob("*_report.json")
        if p.name not in {"intent_report.json", "response_selection_report.json"}
    ]
    if not intent_file.exists():
        print(f"No {intent_file}: run `make eval` first.", file=sys.stderr)
        return 2
    intents = json.loads(intent_file.read_text())
    lines = ["# NLU cross-validation", ""]
    lines += table("Intents", intents)
    macro = intents["macro avg"]["f1-score"]
    results = [f"intent macro-F1 {macro:.3f} (target ≥ {INTENT_TARGET})"]
    ok = macro >= INTENT_TARGET
    for path in entity_files:
        entities = json.loads(path.read_text())
        lines += table(f"Entities ({path.stem.removesuffix('_report')})", entities)
        f1 = entity_f1(entities)
        results.append(
            f"entity F1 {path.stem.removesuffix('_report')} {f1:.3f} (target ≥ {ENTITY_TARGET})"
        )
        ok = ok and f1 >= ENTITY_TARGET
    pngs = sorted(p.name for p in folder.glob("*.png"))
    lines += ["Confusion matrix / histograms: " + ", ".join(pngs), ""]
    lines += ["## Result", "", *(f"- {r}" for r in results)]
    (folder / "summary.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
