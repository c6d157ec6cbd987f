"""The one client of the facts service used by the actions.

Everything the assistant states comes from the facts service over HTTP. This module hides the
transport: one ``httpx.AsyncClient`` per event loop and base URL, created lazily on first use
(never at import time), short timeouts, and a single exception type for "cannot answer now".

Privacy: user text may travel in query strings (``/api/resolve``, ``/api/search``), so log
lines carry the request path only, never the query.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
import weakref
from typing import Any

import httpx

logger = logging.getLogger(__name__)

DEFAULT_FACTS_URL = "http://localhost:8000"
# Off by default: the bot's next answer must reflect a staff edit. Operators may trade that
# for load with FACTS_CACHE_SECONDS.
DEFAULT_CACHE_SECONDS = 0.0
MAX_CACHE_ENTRIES = 500
TIMEOUT = httpx.Timeout(connect=1.0, read=2.0, write=2.0, pool=1.0)

_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, httpx.AsyncClient]] = (
    weakref.WeakKeyDictionary()
)


_cache: dict[tuple[str, str, tuple], tuple[float, Any]] = {}


class FactsUnavailable(Exception):
    """The facts service could not give an answer (down, too slow, 5xx or a bad reply)."""


def facts_url() -> str:
    """Base URL of the facts service, from ``FACTS_URL``."""
    return (os.environ.get("FACTS_URL") or DEFAULT_FACTS_URL).rstrip("/")


class _RedactQuery(logging.Filter):
    """httpx logs every request URL at INFO; drop the query string (it may hold user text)."""

    _QUERY = re.compile(r"\?[^\s\"']*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg, record.args = self._QUERY.sub("?[redigeret]", message), ()
        return True


def _redact_httpx_logs() -> None:
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQuery) for f in httpx_logger.filters):
        httpx_logger.addFilter(_RedactQuery())


def cache_seconds() -> float:
    """How long record reads are reused (``FACTS_CACHE_SECONDS``, default 0 = off).
    User-text searches are never cached."""
    try:
        return max(float(os.environ.get("FACTS_CACHE_SECONDS", DEFAULT_CACHE_SECONDS)), 0.0)
    except ValueError:
        return DEFAULT_CACHE_SECONDS


def clear_cache() -> None:
    _cache.clear()


def _client() -> httpx.AsyncClient:
    """The shared client for the running event loop and the current ``FACTS_URL``."""
    _redact_httpx_logs()
    loop = asyncio.get_running_loop()
    per_loop = _clients.setdefault(loop, {})
    base = facts_url()
    client = per_loop.get(base)
    if client is None or client.is_closed:
        client = httpx.AsyncClient(
            base_url=base,
            timeout=TIMEOUT,
            headers={"Accept": "application/json"},
            follow_redirects=False,
        )
        per_loop[base] = client
    return client


async def close_clients() -> None:
    """Close the clients of the running loop (tests and shutdown)."""
    loop = asyncio.get_running_loop()
    for client in _clients.pop(loop, {}).values():
        await client.aclose()


async def get_json(
    path: str, params: dict[str, Any] | None = None, *, cache: bool = True
) -> Any | None:
    """GET ``path`` and return the decoded JSON; ``None`` on 404.

    Raises :class:`FactsUnavailable` on connection errors, timeouts, 5xx, other unexpected
    statuses and replies that are not JSON. Successful reads are reused for
    :func:`cache_seconds` unless ``cache`` is False.
    """
    clean = {k: v for k, v in (params or {}).items() if v is not None}
    ttl = cache_seconds() if cache else 0.0
    key = (facts_url(), path, tuple(sorted(clean.items())))
    if ttl:
        hit = _cache.get(key)
        if hit and hit[0] > time.monotonic():
            return hit[1]
    value = await _fetch(path, clean)
    if ttl:
        if len(_cache) >= MAX_CACHE_ENTRIES:
            _cache.clear()
        _cache[key] = (time.monotonic() + ttl, value)
    return value


async def _fetch(path: str, clean: dict[str, Any]) -> Any | None:
    try:
        response = await _client().get(path, params=clean)
    except httpx.HTTPError as exc:
        logger.warning("facts service unreachable: GET %s (%s)", path, type(exc).__name__)
        raise FactsUnavailable(f"GET {path}: {type(exc).__name__}") from None
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        logger.warning("facts service answered %s: GET %s", response.status_code, path)
        raise FactsUnavailable(f"GET {path}: HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError:
        logger.warning("facts service sent no JSON: GET %s", path)
        raise FactsUnavailable(f"GET {path}: not JSON") from None


def _segment(slug: str) -> str:
    """A slug made safe as one path segment (ascii letters, digits, ``-`` and ``_`` only)."""
    return "".join(c for c in slug if c.isascii() and (c.isalnum() or c in "-_"))


# -- typed reads, one per endpoint of the contract -------------------------------------------


async def resolve(text: str, kind: str) -> dict[str, Any] | None:
    """Best matching record of ``kind`` (place | offer | situation) for free text, or None."""
    if not text or not text.strip():
        return None
    return await get_json("/api/resolve", {"q": text.strip()[:200], "kind": kind}, cache=False)


async def places() -> list[dict[str, Any]]:
    return await get_json("/api/places") or []


async def place(slug: str) -> dict[str, Any] | None:
    return await get_json(f"/api/places/{_segment(slug)}") if _segment(slug) else None


async def next_session(slug: str, after: str | None = None) -> dict[str, Any] | None:
    if not _segment(slug):
        return None
    path = f"/api/places/{_segment(slug)}/next-session"
    return await get_json(path, {"after": after}, cache=after is not None)


async def sessions(place_slug: str | None = None) -> list[dict[str, Any]]:
    return await get_json("/api/advisory-sessions", {"place": place_slug}) or []


async def offers(audience: str | None = None, target_group: str | None = None) -> list[dict]:
    return await get_json("/api/offers", {"audience": audience, "target_group": target_group}) or []


async def offer(slug: str) -> dict[str, Any] | None:
    return await get_json(f"/api/offers/{_segment(slug)}") if _segment(slug) else None


async def codex() -> list[dict[str, Any]]:
    return await get_json("/api/codex") or []


async def process_rules(situation: str | None = None) -> list[dict[str, Any]]:
    return await get_json("/api/process-rules", {"situation": situation}) or []


async def org_units() -> list[dict[str, Any]]:
    return await get_json("/api/org-units") or []


async def bot_text(key: str) -> dict[str, Any] | None:
    """A staff-editable bot text (``help_overview``, ``human_routes``, ...)."""
    return await get_json(f"/api/texts/{_segment(key)}")


async def search(query: str, limit: int = 3, kinds: list[str] | None = None) -> dict[str, Any]:
    """The search over all published content: ``{"clear": bool, "hits": [...]}``."""
    if not query or not query.strip():
        return {"clear": False, "hits": []}
    params = {"q": query.strip()[:500], "limit": limit, "kind": kinds}
    return await get_json("/api/search", params, cache=False) or {"clear": False, "hits": []}


async def record(kind: str, key: str) -> dict[str, Any] | None:
    """One published record of any kind by its key (``/api/<kind>/<key>``)."""
    if not _segment(kind) or not _segment(key):
        return None
    return await get_json(f"/api/{_segment(kind)}/{_segment(key)}")
