"""Sign-in throttling: failed sign-ins counted per username and per client IP.

Only failures are counted, in a moving window (the ``limits`` package). Once a username (or a
client IP) has used up its failures, further attempts are refused until the oldest failure in
the window has aged out; the password is not even checked then.

The counting (in this process's memory) and the client address behind a reverse proxy are
described in api/ratelimit.py. Several workers would each count on their own, which still
bounds guessing (to workers x the limit).
"""

from __future__ import annotations

from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerSecond

from api.ratelimit import MAX_KEY_LENGTH, memory_limiter, seconds_until_allowed
from api.settings import Settings

NAMESPACE = "login-failures"


@dataclass(frozen=True)
class Lockout:
    """A refused sign-in: who is locked out (``user`` or ``ip``) and for how many seconds."""

    scope: str
    retry_after: int


class LoginThrottle:
    """Counts failed sign-ins; one per app (``app.state.login_throttle``)."""

    def __init__(self, *, max_failures: int, ip_max_failures: int, window_seconds: int) -> None:
        self._limiter = memory_limiter()
        self._per_user = RateLimitItemPerSecond(max_failures, window_seconds)
        self._per_ip = RateLimitItemPerSecond(ip_max_failures, window_seconds)

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginThrottle:
        return cls(
            max_failures=settings.login_max_failures,
            ip_max_failures=settings.login_ip_max_failures,
            window_seconds=settings.login_window_minutes * 60,
        )

    def _counters(self, username: str, ip: str) -> list[tuple[str, RateLimitItem, str]]:
        return [
            ("user", self._per_user, username[:MAX_KEY_LENGTH]),
            ("ip", self._per_ip, ip[:MAX_KEY_LENGTH]),
        ]

    def lockout(self, *, username: str, ip: str) -> Lockout | None:
        """The longest lock-out in force for this (normalised) username or client IP, if any."""
        found: Lockout | None = None
        for scope, item, key in self._counters(username, ip):
            if self._limiter.test(item, NAMESPACE, scope, key):
                continue
            seconds = seconds_until_allowed(self._limiter, item, NAMESPACE, scope, key)
            if found is None or seconds > found.retry_after:
                found = Lockout(scope=scope, retry_after=seconds)
        return found

    def record_failure(self, *, username: str, ip: str) -> list[str]:
        """Counts a failed sign-in; returns the scopes this failure has just locked out."""
        locked = []
        for scope, item, key in self._counters(username, ip):
            self._limiter.hit(item, NAMESPACE, scope, key)
            if not self._limiter.test(item, NAMESPACE, scope, key):
                locked.append(scope)
        return locked

    def record_success(self, *, username: str) -> None:
        """A successful sign-in forgets that username's failures (not the client IP's)."""
        self._limiter.clear(self._per_user, NAMESPACE, "user", username[:MAX_KEY_LENGTH])
