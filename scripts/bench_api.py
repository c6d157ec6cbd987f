"""Read latency and throughput of the facts service's hot read endpoints.

Starts the real service (``facts-service serve`` = uvicorn, one process) on a free port with a
temporary SQLite database migrated and seeded from content/seed.yml, then fires concurrent
requests with httpx (asyncio) at the endpoints the bot calls on every answer, and prints
p50/p95 latency and requests per second for each. The load generator runs on the same machine.

    .venv/bin/python scripts/bench_api.py [--requests 500] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scripts.stack import Stack, StackConfig, prepare_database  # noqa: E402

SECRET = "bench-secret-0123456789-0123456789-abcdef"  # noqa: S105 - throwaway bench DB


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def hammer(
    client: httpx.AsyncClient, urls: list[str], total: int, concurrency: int
) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(urls[i % len(urls)])

    async def worker() -> None:
        nonlocal failures
        while not queue.empty():
            url = queue.get_nowait()
            start = time.perf_counter()
            response = await client.get(url)
            latencies.append((time.perf_counter() - start) * 1000)
            if response.status_code >= 400:
                failures += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - began
    return {
        "requests": total,
        "errors": failures,
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies), 1),
        "req_per_s": round(total / wall, 1),
    }


def endpoint_urls(base: str) -> dict[str, list[str]]:
    places = httpx.get(f"{base}/api/places", timeout=10).json()
    slugs = [p["slug"] for p in places]
    with_advisory_sessions = [p["slug"] for p in places if p["advisory_sessions"]] or slugs
    return {
        "GET /api/resolve": [
            f"/api/resolve?q={q}&kind=place"
            for q in ("huset tvers", "regimentsvej", "jobcentret", "borgerservice", "no 17")
        ],
        "GET /api/places/{slug}": [f"/api/places/{s}" for s in slugs],
        "GET /api/places/{slug}/next-session": [
            f"/api/places/{s}/next-session" for s in with_advisory_sessions
        ],
        "GET /api/search": [
            f"/api/search?q={q}"
            for q in (
                "praktikpladserne",
                "virksomhedspraktick",
                "hvornår er der åben rådgivning",
                "hvad sker der når jeg er sygemeldt",
                "hvordan klager jeg",
            )
        ],
    }


async def bench(base: str, total: int, concurrency: int) -> dict[str, dict[str, float]]:
    results = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for name, urls in endpoint_urls(base).items():
            await hammer(client, urls, min(50, total), concurrency)  # warm-up
            results[name] = await hammer(client, urls, total, concurrency)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--seed", default=str(ROOT / "content" / "seed.yml"))
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="facts-bench-") as tmp:
        cfg = StackConfig.on_free_ports(Path(tmp), secret_key=SECRET)
        cfg.facts_env = "production"
        prepare_database(cfg, seed_file=Path(args.seed))
        server = Stack(cfg)
        server.start(only=("facts",))
        try:
            server.wait_healthy(timeout=60)
            results = asyncio.run(bench(cfg.facts_url, args.requests, args.concurrency))
        finally:
            server.stop()

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"{args.requests} requests per endpoint, concurrency {args.concurrency}, 1 uvicorn worker"
    )
    print(f"{'endpoint':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>8} {'errors':>7}")
    for name, r in results.items():
        print(
            f"{name:40} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f} "
            f"{r['req_per_s']:8.1f} {r['errors']:7d}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
