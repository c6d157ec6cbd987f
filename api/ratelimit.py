"""Helpers shared by the request limits: the client's address and a wait in Danish.

The client address is what uvicorn puts in ``request.client``. Behind a reverse proxy every
request comes from the proxy, so all clients would share one count: let uvicorn take the
address from the proxy's ``X-Forwarded-For`` by naming the proxy in ``FORWARDED_ALLOW_IPS``
(uvicorn trusts only 127.0.0.1 and ::1 by default, and ignores the header from anyone else).
"""

from __future__ import annotations

import math

from fastapi import Request

MAX_KEY_LENGTH = 200  # longer keys (a typed username) are cut to this; they are only counted


def client_ip(request: Request) -> str:
    return request.client.host[:MAX_KEY_LENGTH] if request.client else "ukendt"


def wait_in_danish(seconds: int) -> str:
    if seconds < 60:
        return "1 sekund" if seconds == 1 else f"{seconds} sekunder"
    minutes = math.ceil(seconds / 60)
    return "1 minut" if minutes == 1 else f"{minutes} minutter"
