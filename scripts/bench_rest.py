"""Benchmark the chat round trip through Rasa's REST channel, with all three real servers.

Prints: start-up time until all health checks pass, p50/p95 of the place question answered
sequentially, p50/p95 and throughput for action-backed answers under N concurrent
conversations, and each server's peak memory (VmHWM). Uses a fresh seeded database in a temp
folder and free ports, so it does not disturb a running `make run`.

    .venv/bin/python scripts/bench_rest.py [--requests 200] [--concurrency 10]
"""

from __future__ import annotations

import argparse
import asyncio
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


async def concurrent(url: str, n: int, conversations: int) -> tuple[list[float], float]:
    """`conversations` users, each asking the action-backed questions in turn."""
    timings: list[float] = []

    async def user(client: httpx.AsyncClient, k: int) -> None:
        sender = f"bench-{uuid.uuid4().hex[:8]}"
        for i in range(k, n, conversations):
            question = ACTION_QUESTIONS[i % len(ACTION_QUESTIONS)]
            timings.append(await timed_ask(client, url, sender, question))

    limits = httpx.Limits(max_connections=conversations)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        start = time.perf_counter()
        await asyncio.gather(*(user(client, k) for k in range(conversations)))
        elapsed = time.perf_counter() - start
    return timings, len(timings) / elapsed


def report(label: str, timings: list[float]) -> None:
    print(
        f"{label:<48} n={len(timings):<4} p50={statistics.median(timings):7.1f} ms  "
        f"p95={percentile(timings, 95):7.1f} ms  max={max(timings):7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    if not DEFAULT_MODEL.exists():
        print("No trained model: run `make setup` first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cfg = StackConfig.on_free_ports(Path(tmp))
        prepare_database(cfg)
        stack = Stack(cfg)
        stack.start()
        try:
            startup = stack.wait_healthy()
            url = f"{cfg.rasa_url}/webhooks/rest/webhook"
            asyncio.run(sequential(url, 10))  # warm-up
            seq = asyncio.run(sequential(url, args.requests // 2))
            conc, throughput = asyncio.run(concurrent(url, args.requests, args.concurrency))
            print(f"start-up until all health checks pass: {startup:.1f} s")
            report(f"place question, sequential ({PLACE_QUESTION!r})", seq)
            report(f"action-backed answers, {args.concurrency} concurrent conversations", conc)
            print(f"throughput under {args.concurrency} conversations: {throughput:.1f} msg/s")
            for name, proc in stack.procs.items():
                print(f"peak memory {name:<8} {peak_rss_mb(proc.pid):8.0f} MB")
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
