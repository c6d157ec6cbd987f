"""Request limits' shared helpers: counting in a moving window (the ``limits`` package) for
the citizens' ratings (api/feedback/limit.py), the client's address and a wait in Danish (also
for sign-in, whose counts are in the database: api/auth/throttle.py).

The ratings' counts live in this process's memory (``MemoryStorage``) and are forgotten on
restart. The facts service runs as one process; several workers would each count on their own.

The client address is what uvicorn puts in ``request.client``. Behind a reverse proxy every
request comes from the proxy, so all clients would share one count: let uvicorn take the
address from the proxy's ``X-Forwarded-For`` by naming the proxy in ``FORWARDED_ALLOW_IPS``
(uvicorn trusts only 127.0.0.1 and ::1 by default, and ignores the header from anyone else).
"""

from __future__ import annotations

import math
import time

from fastapi import Request
from limits import RateLimitItem
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

MAX_KEY_LENGTH = 200  # longer keys (a typed username) are cut to this; they are only counted


def memory_limiter() -> MovingWindowRateLimiter:
    return MovingWindowRateLimiter(MemoryStorage())


def seconds_until_allowed(
    limiter: MovingWindowRateLimiter, item: RateLimitItem, *identifiers: str
) -> int:
    """Whole seconds until the oldest hit in the window ages out (at least 1)."""
    stats = limiter.get_window_stats(item, *identifiers)
    return max(1, math.ceil(stats.reset_time - time.time()))


def client_ip(request: Request) -> str:
    return request.client.host[:MAX_KEY_LENGTH] if request.client else "ukendt"


def wait_in_danish(seconds: int) -> str:
    if seconds < 60:
        return "1 sekund" if seconds == 1 else f"{seconds} sekunder"
    minutes = math.ceil(seconds / 60)
    return "1 minut" if minutes == 1 else f"{minutes} minutter"
