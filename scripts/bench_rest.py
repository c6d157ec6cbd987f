"""Benchmark the chat round trip through Rasa's REST channel, with all three real servers.

Each simulated citizen has conversations of the six action-backed questions below (each
answer comes from a custom action that calls the facts service), then starts a new one.
Two loads:

- **paced**: N concurrent conversations whose citizens read the answer and type the next
  question, with a think time drawn from ``--think`` seconds (default 1-3 s, faster than
  people read and type). This is the figure the p95 target applies to.
- **saturation**: the same N conversations with no think time, each sending its next question
  the moment the answer arrives: the server's capacity (msg/s) and the queueing it causes.

Also prints start-up time until all health checks pass, the place question answered
sequentially, CPU time per message for each server, and each server's peak memory (VmHWM).
Uses a fresh seeded database in a temp folder and free ports, so it does not disturb a running
`make run`.

    .venv/bin/python scripts/bench_rest.py [--requests 200] [--concurrency 10] [--think 1-3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.stack import DEFAULT_MODEL, Stack, StackConfig, prepare_database  # noqa: E402

PLACE_QUESTION = "hvor ligger jobcentret?"
# Questions whose answers come from custom actions that call the facts service.
ACTION_QUESTIONS = [
    "hvor ligger jobcentret?",
    "hvor er borgerservice",
    "hvornaar er der aaben raadgivning i huset tvaers",
    "hvad er karriereteamet",
    "hvad kan i tilbyde mig",
    "hvad er kodeks for det gode samarbejde",
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total / 1024


async def timed_ask(client: httpx.AsyncClient, url: str, sender: str, text: str) -> float:
    start = time.perf_counter()
    resp = await client.post(url, json={"sender": sender, "message": text})
    resp.raise_for_status()
    if not resp.json():
        raise RuntimeError(f"empty answer to {text!r}")
    return (time.perf_counter() - start) * 1000


async def sequential(url: str, n: int) -> list[float]:
    async with httpx.AsyncClient(timeout=30) as client:
        return [await timed_ask(client, url, f"bench-seq-{i}", PLACE_QUESTION) for i in range(n)]


async def conversations(
    url: str, n: int, users: int, think: tuple[float, float], seed: int = 7
) -> tuple[list[float], float]:
    """`users` citizens in parallel, `n` questions in all; returns timings and msg/s."""
    timings: list[float] = []
    rng = random.Random(seed)

    async def pause() -> None:
        if think[1] > 0:
            await asyncio.sleep(rng.uniform(*think))

    async def citizen(client: httpx.AsyncClient, k: int) -> None:
        await pause()  # citizens do not all arrive in the same millisecond
        sender = ""
        for turn, _ in enumerate(range(k, n, users)):
            if turn % len(ACTION_QUESTIONS) == 0:
                sender = f"bench-{uuid.uuid4().hex[:8]}"  # a new conversation
            question = ACTION_QUESTIONS[turn % len(ACTION_QUESTIONS)]
            timings.append(await timed_ask(client, url, sender, question))
            await pause()

    limits = httpx.Limits(max_connections=users)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        start = time.perf_counter()
        await asyncio.gather(*(citizen(client, k) for k in range(users)))
        elapsed = time.perf_counter() - start
    return timings, len(timings) / elapsed


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(label: str, timings: list[float]) -> None:
    print(
        f"{label:<48} n={len(timings):<4} p50={statistics.median(timings):7.1f} ms  "
        f"p95={percentile(timings, 95):7.1f} ms  max={max(timings):7.1f} ms"
    )


def parse_range(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--think", type=parse_range, default=(1.0, 3.0), help="seconds, e.g. 1-3")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args()
    if not args.model.exists():
        print("No trained model: run `make setup` first.", file=sys.stderr)
        return 1
    users = args.concurrency
    with tempfile.TemporaryDirectory() as tmp:
        # All simulated citizens share this machine's address: lift the per-address limit
        # (it is still counted, so its cost is in the figures).
        cfg = StackConfig.on_free_ports(
            Path(tmp), model=args.model, chat_env={"CHAT_RATE_PER_ADDRESS": "1000000/minute"}
        )
        prepare_database(cfg)
        stack = Stack(cfg)
        stack.start()
        try:
            startup = stack.wait_healthy()
            url = f"{cfg.rasa_url}/webhooks/rest/webhook"
            asyncio.run(sequential(url, 10))  # warm-up
            seq = asyncio.run(sequential(url, args.requests // 2))
            paced, paced_rate = asyncio.run(conversations(url, args.requests, users, args.think))
            cpu_before = {name: cpu_seconds(p.pid) for name, p in stack.procs.items()}
            busy, capacity = asyncio.run(conversations(url, args.requests, users, (0, 0)))
            cpu = {
                n: (cpu_seconds(p.pid) - cpu_before[n]) * 1000 / len(busy)
                for n, p in stack.procs.items()
            }
            think = f"{args.think[0]:g}-{args.think[1]:g} s"
            print(f"start-up until all health checks pass: {startup:.1f} s")
            report(f"place question, sequential ({PLACE_QUESTION!r})", seq)
            report(f"{users} conversations, think time {think}", paced)
            print(
                f"  {paced_rate:.1f} msg/s; target p95 < 150 ms: "
                f"{'met' if percentile(paced, 95) < 150 else 'NOT met'}"
            )
            report(f"{users} conversations, no think time (saturation)", busy)
            print(
                f"  capacity {capacity:.1f} msg/s; CPU per message: "
                + ", ".join(f"{n} {ms:.1f} ms" for n, ms in cpu.items())
            )
            for name, proc in stack.procs.items():
                print(f"peak memory {name:<8} {peak_rss_mb(proc.pid):8.0f} MB")
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
