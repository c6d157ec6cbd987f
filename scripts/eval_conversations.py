"""Measure the assistant on the blind test sets in tests/conversations/ through Rasa's REST channel.

Sends every single question (every questions*.yml, and the health questions in
health_questions.yml) from a fresh sender, and every conversation (every conversations*.yml)
from one sender per conversation, exactly as the widget does. An answer is right when one of
the bot's ``answer_id``s (the ``custom`` items the actions send, docs/contract.md) is in the
entry's ``expect`` list. Prints the share right per topic, per file and overall,
conversations with every turn right, and each failure (text, expected, got).

Without ``--rasa-url`` it starts its own stack (seeded database in a temp folder, free ports,
models/jobcenter.tar.gz) and stops it afterwards. It is a measurement: the exit code is 0
unless the stack fails to start (2) or a ``--min-*`` threshold is given and missed (1).

    .venv/bin/python scripts/eval_conversations.py [--rasa-url URL]
        [--min-single 0.95] [--min-conversations 0.90]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scripts.stack import DEFAULT_MODEL, Stack, StackConfig, prepare_database  # noqa: E402

DATA = ROOT / "tests" / "conversations"
MAX_RETRIES = 5
# The own stack measures answers, not the chat channel's per-address rate limit.
OWN_STACK_ENV = {"CHAT_RATE_PER_ADDRESS": "100000/minute"}
# What Rasa 3.6 logs (rasa.core.agent.load_agent) when the server stays up without a model.
MODEL_LOAD_FAILED = "Could not load model"


@dataclass
class Result:
    label: str  # topic, or conversation name and turn
    text: str
    expect: list[str]
    got: list[str]
    lang: str = "da"
    file: str = ""

    @property
    def ok(self) -> bool:
        return any(g in self.expect for g in self.got)


class Chat:
    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
        self.client = httpx.Client(timeout=60)

    def ask(self, text: str, sender: str | None = None) -> list[str]:
        """The answer ids of the bot's reply; a reply without one shows as its first words."""
        sender = sender or f"eval-{uuid.uuid4().hex[:12]}"
        for _ in range(MAX_RETRIES):
            resp = self.client.post(self.url, json={"sender": sender, "message": text})
            if resp.status_code != 429:  # the channel's rate limit: wait as told, then resend
                break
            time.sleep(float(resp.headers.get("Retry-After", 1)))
        if resp.status_code != 200:
            return [f"(HTTP {resp.status_code})"]
        messages = resp.json()
        ids = [
            m["custom"]["answer_id"]
            for m in messages
            if isinstance(m.get("custom"), dict) and m["custom"].get("answer_id")
        ]
        if ids:
            return ids
        words = " ".join(m.get("text") or "" for m in messages).split()
        return [f'(no answer id: "{" ".join(words[:8])}")']


def load(path: Path, key: str) -> list[dict]:
    """The entries under ``key`` (questions, health_questions, conversations) in one file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))[key]


def files(pattern: str) -> list[Path]:
    """The set's files matching ``pattern`` in DATA, in name order (questions.yml first)."""
    return sorted(DATA.glob(pattern))


def share(flags: list[bool]) -> str:
    pct = 100 * sum(flags) / len(flags) if flags else 0.0
    return f"{sum(flags):3d}/{len(flags):<3d} {pct:5.1f} %"


def oks(results: list[Result]) -> list[bool]:
    return [r.ok for r in results]


def evaluate(chat: Chat) -> tuple[float, float]:
    """Run all sets and print the report; return (single share, conversation share)."""
    singles = [
        Result(q["topic"], q["text"], q["expect"], chat.ask(q["text"]), q["lang"], path.name)
        for path in files("questions*.yml")
        for q in load(path, "questions")
    ]
    health_file = DATA / "health_questions.yml"
    health = [
        Result("health", q["text"], q["expect"], chat.ask(q["text"]), file=health_file.name)
        for q in load(health_file, "health_questions")
    ]
    conversations: list[list[Result]] = []
    for path in files("conversations*.yml"):
        for conv in load(path, "conversations"):
            sender = f"eval-{uuid.uuid4().hex[:12]}"
            conversations.append(
                [
                    Result(
                        f"{conv['name']}, turn {i}",
                        t["text"],
                        t["expect"],
                        chat.ask(t["text"], sender),
                        file=path.name,
                    )
                    for i, t in enumerate(conv["turns"], 1)
                ]
            )

    by_topic: dict[str, list[Result]] = defaultdict(list)
    by_lang: dict[str, list[Result]] = defaultdict(list)
    for r in singles:
        by_topic[r.label].append(r)
        by_lang[r.lang].append(r)
    print("Single questions, right per topic:")
    for topic, results in by_topic.items():
        print(f"  {topic:<18} {share(oks(results))}")
    for lang, results in sorted(by_lang.items()):
        print(f"  lang {lang:<13} {share(oks(results))}")
    print(f"  {'overall':<18} {share(oks(singles))}")
    print(f"Health questions (topical answer despite a health detail): {share(oks(health))}")
    whole = [all(oks(conv)) for conv in conversations]
    turns = [r for conv in conversations for r in conv]
    print(f"Conversations with every turn right: {share(whole)}  (turns: {share(oks(turns))})")

    by_file: dict[str, list[bool]] = defaultdict(list)
    for r in [*singles, *health]:
        by_file[r.file].append(r.ok)
    for conv in conversations:  # a conversation counts once: right when every turn is
        by_file[conv[0].file].append(all(oks(conv)))
    print("Per file (questions, or whole conversations):")
    for name, flags in by_file.items():
        print(f"  {name:<26} {share(flags)}")

    failures = [r for r in [*singles, *health, *turns] if not r.ok]
    if failures:
        print(f"\nFailures ({len(failures)}):")
        for r in failures:
            print(f"  [{r.label}] {r.text!r}\n      expected {r.expect}\n      got      {r.got}")
    return sum(oks(singles)) / len(singles), sum(whole) / len(whole)


def wait_ready(stack: Stack, timeout: float = 600) -> float:
    """``Stack.wait_healthy``, but gives up as soon as Rasa logs that loading its model failed
    (the server then stays up without a model, and the health check would wait in vain)."""
    started = time.monotonic()
    rasa_log = stack.cfg.log_dir / "rasa.log"
    while True:
        try:
            stack.wait_healthy(timeout=5)
            return time.monotonic() - started
        except TimeoutError:
            if rasa_log.exists() and MODEL_LOAD_FAILED in rasa_log.read_text(errors="replace"):
                raise RuntimeError(f"Rasa could not load the model; see {rasa_log}") from None
            if time.monotonic() - started > timeout:
                raise


def run_with_own_stack() -> tuple[float, float] | None:
    if not DEFAULT_MODEL.exists():
        print(f"No trained model at {DEFAULT_MODEL}. Run `make setup` first.", file=sys.stderr)
        return None
    os.environ.update(OWN_STACK_ENV)  # the stack's servers inherit this environment
    with tempfile.TemporaryDirectory(prefix="eval-conversations-") as tmp:
        cfg = StackConfig.on_free_ports(Path(tmp))
        stack = Stack(cfg)
        try:
            prepare_database(cfg)
            stack.start()
            seconds = wait_ready(stack)
        except (RuntimeError, TimeoutError) as exc:
            print(f"Stack failed to start: {exc}", file=sys.stderr)
            for name in ("rasa", "actions", "facts"):
                log = cfg.log_dir / f"{name}.log"
                if log.exists():
                    tail = log.read_text(errors="replace").splitlines()[-15:]
                    print(f"--- {name}.log (last lines)", *tail, sep="\n", file=sys.stderr)
            stack.stop()
            return None
        print(f"Stack up in {seconds:.0f} s (Rasa at {cfg.rasa_url}).\n", flush=True)
        try:
            single, conv = evaluate(Chat(cfg.rasa_url))
        finally:
            stack.stop()
        return single, conv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-url", help="a running Rasa server; default: start a stack")
    parser.add_argument("--min-single", type=float, help="exit 1 below this share (0-1)")
    parser.add_argument("--min-conversations", type=float, help="exit 1 below this share (0-1)")
    args = parser.parse_args()
    if args.rasa_url:
        single, conv = evaluate(Chat(args.rasa_url))
    else:
        shares = run_with_own_stack()
        if shares is None:
            return 2
        single, conv = shares
    missed = []
    if args.min_single is not None and single < args.min_single:
        missed.append(f"single {single:.3f} < {args.min_single}")
    if args.min_conversations is not None and conv < args.min_conversations:
        missed.append(f"conversations {conv:.3f} < {args.min_conversations}")
    if missed:
        print("Below threshold: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
