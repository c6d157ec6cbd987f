"""Print the files a trained model depends on, one per line (scripts/train.sh hashes them).

Config, domain and training data, and the source of the custom NLU components that config.yml
names, with the local modules they import. The input channel and the actions are not model
inputs: changing them must not cost a retraining.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOCAL_PACKAGES = ("bot", "privacy")


def module_file(module: str) -> Path | None:
    path = ROOT / Path(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def local_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {n for n in names if n.split(".")[0] in LOCAL_PACKAGES}
    return found


def component_sources(config: Path) -> list[Path]:
    steps = yaml.safe_load(config.read_text())
    names = [s["name"] for s in steps.get("pipeline", []) + steps.get("policies", [])]
    todo = {n.rsplit(".", 1)[0] for n in names if n.split(".")[0] in LOCAL_PACKAGES}
    seen: set[Path] = set()
    while todo:
        path = module_file(todo.pop())
        if path and path not in seen:
            seen.add(path)
            todo |= local_imports(path)
    return sorted(seen)


def main() -> None:
    data = sorted(p for p in (ROOT / "data").rglob("*") if p.suffix in (".yml", ".txt"))
    files = [
        ROOT / "config.yml",
        ROOT / "domain.yml",
        *data,
        *component_sources(ROOT / "config.yml"),
    ]
    sys.stdout.write("".join(f"{p.relative_to(ROOT)}\n" for p in files))


if __name__ == "__main__":
    main()
