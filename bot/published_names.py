"""Names of published content that the health masking must leave alone.

"Tilbage i job med kroniske smerter" is an offer's name, and "ledige, der har haft stress" one
of its target groups: a citizen who types them is asking about the offer, and masking them
would lose the question. Staff add and rename content at any time, so the names come from the
facts service and are refreshed in the background; until the first answer (or while the
service is down) the last known names are used.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp

from privacy.health import published_names

logger = logging.getLogger(__name__)

LISTS = (
    "/api/offers",
    "/api/places",
    "/api/org-units",
    "/api/process-rules",
    "/api/advisory-sessions",
)
REFRESH_SECONDS = 60.0


class PublishedNames:
    """The current set of published names (``frozenset``), refreshed from the facts service."""

    def __init__(self, facts_url: str | None) -> None:
        self.facts_url = (facts_url or "").rstrip("/")
        self.names: frozenset[str] = frozenset()

    async def refresh(self) -> None:
        if not self.facts_url:
            return
        found: set[str] = set()
        timeout = aiohttp.ClientTimeout(total=5)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as http:
                for path in LISTS:
                    async with http.get(self.facts_url + path) as resp:
                        if resp.status == 200:
                            found |= published_names(await resp.json())
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            logger.warning("Published names not refreshed: %s", type(exc).__name__)
            return
        self.names = frozenset(found)

    async def keep_fresh(self) -> None:
        """Refresh now and then every ``REFRESH_SECONDS`` (a server background task)."""
        while True:
            await self.refresh()
            await asyncio.sleep(REFRESH_SECONDS)
