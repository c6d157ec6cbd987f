"""Calibrate the search's clear-answer rule (SEARCH_CLEAR_SCORE, SEARCH_CLEAR_MARGIN) on the
blind questions in tests/conversations/.

Each blind question's expected answer ids name records (``place:jobcenter`` is the place
``jobcenter``, ``advisory_sessions:huset-tvaers`` a session held there, ``codex:all`` any codex
item ...). For every score/margin pair it counts how many questions the search would answer
clearly and rightly, clearly and wrongly, and not at all, and prints the best pairs. Questions
whose answers are staff texts (out of scope, the route to a person) count as right only when
the search stays unclear. A measurement on the real seed in a temporary database; it changes
nothing.

    .venv/bin/python scripts/calibrate_search.py [--wrong-cost 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from api.cli import cmd_migrate, cmd_seed  # noqa: E402
from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "conversations"
SCORES = [float(s) for s in range(50, 100, 5)]
MARGINS = [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 15.0, 20.0]


def blind_questions() -> list[tuple[str, list[str]]]:
    items: list[tuple[str, list[str]]] = []
    for path in sorted(DATA.glob("questions*.yml")) + [DATA / "health_questions.yml"]:
        for entry in (yaml.safe_load(path.read_text()) or {}).get("questions", []):
            items.append((entry["text"], entry["expect"]))
    for path in sorted(DATA.glob("conversations*.yml")):
        for conversation in yaml.safe_load(path.read_text())["conversations"]:
            first = conversation["turns"][0]  # later turns lean on context the search lacks
            items.append((first["text"], first["expect"]))
    return items


def answers(hit: dict) -> set[str]:
    """The answer ids a hit would be answered with."""
    kind, key = hit["kind"], hit["key"]
    if kind == "places":
        return {f"place:{key}"}
    if kind == "advisory-sessions":
        return {f"advisory_sessions:{hit['refs'].get('place')}"}
    if kind == "offers":
        return {f"offer:{key}"}
    if kind == "faq":
        return {f"faq:{key}"}
    if kind == "codex":
        return {f"codex:{key}", "codex:all"}
    if kind == "org-units":
        return {f"org:{key}", "org:all"}
    if kind == "process-rules":
        return {f"process:{key}", f"process:{hit['record']['situation']}"}
    return set()


def settings_for(folder: str) -> Settings:
    return Settings(
        database_url=f"sqlite:///{folder}/facts.db",
        var_dir=Path(folder),
        facts_env="development",
        facts_secret_key="calibration-only-" + "x" * 32,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wrong-cost", type=float, default=3.0, help="a wrong answer costs N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(folder)
        cmd_migrate(settings, argparse.Namespace())
        cmd_seed(
            settings,
            argparse.Namespace(
                file=ROOT / "content" / "seed.yml", replace=False, restore_deleted=False
            ),
        )
        with TestClient(create_app(settings)) as client:
            results = []
            for text, expect in blind_questions():
                hits = client.get("/api/search", params={"q": text[:500], "limit": 2}).json()[
                    "hits"
                ]
                top = hits[0] if hits else None
                right = bool(top) and bool(answers(top) & set(expect))
                lead = top["score"] - (hits[1]["score"] if len(hits) > 1 else 0.0) if top else 0
                results.append((top["score"] if top else 0.0, lead, right, expect))
    print(f"{len(results)} blind questions; top hit right for {sum(r[2] for r in results)}")
    table = []
    for score in SCORES:
        for margin in MARGINS:
            clear = [r for r in results if r[0] >= score and r[1] >= margin]
            good = sum(r[2] for r in clear)
            table.append(
                (
                    good - args.wrong_cost * (len(clear) - good),
                    score,
                    margin,
                    good,
                    len(clear) - good,
                )
            )
    table.sort(reverse=True)
    print("value  score  margin  clear&right  clear&wrong")
    for value, score, margin, good, bad in table[:10]:
        print(f"{value:5.0f}  {score:5.0f}  {margin:6.0f}  {good:11d}  {bad:11d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
