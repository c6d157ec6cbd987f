"""How many ratings one client address may send: a moving window per address.

A citizen rates a few answers per conversation; the limit is there so that a script cannot
fill the ratings table or skew the counts staff see. Several citizens can share an address
(a library, the jobcentre's own PCs, a mobile operator's NAT), so the default is generous:
60 ratings in 10 minutes (``FEEDBACK_MAX_PER_CLIENT``, ``FEEDBACK_WINDOW_MINUTES``).
"""

from __future__ import annotations

import logging

from fastapi import Request
from limits import RateLimitItemPerSecond

from api.errors import TooManyRequests
from api.ratelimit import client_ip, memory_limiter, seconds_until_allowed, wait_in_danish
from api.settings import Settings

NAMESPACE = "feedback"
logger = logging.getLogger(__name__)


class FeedbackLimit:
    """Counts ratings per client address; one per app (``app.state.feedback_limit``)."""

    def __init__(self, *, max_per_client: int, window_seconds: int) -> None:
        self._limiter = memory_limiter()
        self._item = RateLimitItemPerSecond(max_per_client, window_seconds)

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedbackLimit:
        return cls(
            max_per_client=settings.feedback_max_per_client,
            window_seconds=settings.feedback_window_minutes * 60,
        )

    def hit(self, ip: str) -> int | None:
        """Counts one rating from ``ip``; if it is over the limit, the seconds to wait.

        Logs once when an address uses its last rating, never the address or the request."""
        if self._limiter.hit(self._item, NAMESPACE, ip):
            if not self._limiter.test(self._item, NAMESPACE, ip):
                logger.warning("Vurderinger: en klientadresse har brugt sin grænse")
            return None
        return seconds_until_allowed(self._limiter, self._item, NAMESPACE, ip)


def enforce_feedback_limit(request: Request) -> None:
    """Route dependency: 429 with Retry-After once the client address has used its ratings.

    Runs before the fields are validated, so invalid ratings count as well."""
    limit: FeedbackLimit = request.app.state.feedback_limit
    wait = limit.hit(client_ip(request))
    if wait is None:
        return
    raise TooManyRequests(
        f"Du har sendt mange vurderinger på kort tid. Prøv igen om {wait_in_danish(wait)}.", wait
    )
