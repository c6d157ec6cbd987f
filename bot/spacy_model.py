"""Install the Danish spaCy pipeline: the official model if reachable, else build the offline one.

Run by ``make setup`` inside the Rasa environment. Exit status 0 when a pipeline is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

OFFICIAL = "da_core_news_sm"
OFFICIAL_VERSION = "3.4.0"  # the line that matches spaCy 3.4
OFFICIAL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    f"{OFFICIAL}-{OFFICIAL_VERSION}/{OFFICIAL}-{OFFICIAL_VERSION}-py3-none-any.whl"
)
# Pin of the official wheel. It could not be recorded on the build machines (GitHub is
# unreachable there): until someone with access verifies the wheel and writes its sha256
# here, a downloaded wheel is refused rather than installed unverified.
OFFICIAL_SHA256: str | None = None

OFFLINE = "da_randers_offline_sm"
OFFLINE_NAME = "randers_offline_sm"
OFFLINE_VERSION = "0.1.0"
OFFLINE_DESCRIPTION = (
    "Offline stand-in for da_core_news_sm built by Jobcenter Randers' setup: "
    "spacy.blank('da') tokenizer + lookup lemmatizer (spacy-lookups-data da_lemma_lookup). "
    "No tagger, parser, NER or vectors. Not the official spaCy model."
)


def pip_install(wheel: Path) -> None:
    uv = Path(sys.argv[0]).resolve().parents[1] / ".tools" / "bin" / "uv"
    cmd = [str(uv), "pip", "install", "--python", sys.executable, "--no-deps", str(wheel)]
    if not uv.exists():
        cmd = [sys.executable, "-m", "pip", "install", "--no-deps", str(wheel)]
    subprocess.run(cmd, check=True)


def try_official(cache: Path, timeout: float) -> bool:
    """Download, verify and install the official wheel. False when it cannot be done."""
    wheel = cache / OFFICIAL_URL.rsplit("/", 1)[1]
    if not wheel.exists():
        try:
            with urllib.request.urlopen(OFFICIAL_URL, timeout=timeout) as resp:  # noqa: S310
                data = resp.read()
        except OSError as exc:
            print(f"spaCy: cannot reach {OFFICIAL_URL} ({exc.__class__.__name__}: {exc}).")
            return False
        wheel.write_bytes(data)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if OFFICIAL_SHA256 is None or digest != OFFICIAL_SHA256:
        print(
            f"spaCy: downloaded {wheel.name} has sha256 {digest}, which does not match the "
            f"pin in bot/spacy_model.py ({OFFICIAL_SHA256}). Not installing it."
        )
        return False
    pip_install(wheel)
    return True


def build_offline(cache: Path) -> Path:
    """Build the offline pipeline and package it as a wheel (cached)."""
    import spacy
    from spacy.cli.package import package

    out = cache / "offline"
    name = f"{OFFLINE}-{OFFLINE_VERSION}"
    wheel = out / name / "dist" / f"{name}-py3-none-any.whl"
    if wheel.exists():
        return wheel
    nlp = spacy.blank("da")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads da_lemma_lookup from spacy-lookups-data
    nlp.meta.update(
        {"name": OFFLINE_NAME, "version": OFFLINE_VERSION, "description": OFFLINE_DESCRIPTION}
    )
    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        out.mkdir(parents=True, exist_ok=True)
        package(Path(tmp), out, create_wheel=True, create_sdist=False, force=True, silent=True)
    return wheel


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=Path(".cache/spacy"))
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)

    import spacy.util

    if spacy.util.is_package(OFFICIAL):
        print(f"spaCy: official {OFFICIAL} is installed.")
        return 0
    if try_official(args.cache, args.timeout):
        print(f"spaCy: installed official {OFFICIAL} {OFFICIAL_VERSION}.")
        return 0
    if not spacy.util.is_package(OFFLINE):
        pip_install(build_offline(args.cache))
    print(
        f"spaCy: using the OFFLINE stand-in {OFFLINE} {OFFLINE_VERSION} "
        f"(blank Danish + lookup lemmatizer), not {OFFICIAL}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
