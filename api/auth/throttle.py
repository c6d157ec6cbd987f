"""Sign-in throttling in the database: every attempt is counted before the password is
checked, and too many make the next one wait, keyed by (account, client).

- Each attempt is counted first, atomically (a compare-and-swap on the counter row, in one
  transaction with the client's own counter), so concurrent attempts cannot slip past the
  limit: of a burst, at most ``free_attempts`` reach the password check. A successful sign-in
  takes its attempt back (the account's counter for that client is deleted, the client's is
  lowered by one), so the counts are the failures.
- The first ``free_attempts`` failures of an (account, client) pair cost nothing; after that
  each attempt must wait ``first_delay`` seconds after the previous one, doubling each time,
  up to ``max_delay``. The waits only ever apply to that client: an attacker elsewhere cannot
  hold an account shut. One client trying many accounts is slowed the same way after
  ``client_free_attempts`` failures (any account).
- A counter starts again from zero ``window`` after its first attempt, and an admin can clear
  an account's counters (``unlock``).
- The counts live in the database (``sign_in_counters``), so every worker and process of the
  facts service shares them.

The client is what uvicorn puts in ``request.client``: behind a reverse proxy, name the proxy
in ``FORWARDED_ALLOW_IPS`` so that uvicorn takes the client from ``X-Forwarded-For``
(api/ratelimit.py), or every client shares the proxy's address and its waits.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from api.auth.models import SignInCounter
from api.ratelimit import MAX_KEY_LENGTH
from api.settings import Settings

ACCOUNT, CLIENT = "account", "client"
MAX_TRIES = 50  # compare-and-swap rounds before an attempt is refused as "busy"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Policy:
    free_attempts: int  # per (account, client) before the waits start
    client_free_attempts: int  # per client, any accounts
    first_delay: int  # seconds
    max_delay: int  # seconds, the cap
    window: int  # seconds after its first attempt that a counter starts again

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        return cls(
            free_attempts=settings.login_free_attempts,
            client_free_attempts=settings.login_client_free_attempts,
            first_delay=settings.login_first_delay_seconds,
            max_delay=settings.login_max_delay_minutes * 60,
            window=settings.login_window_hours * 3600,
        )

    def free(self, scope: str) -> int:
        return self.free_attempts if scope == ACCOUNT else self.client_free_attempts

    def delay(self, scope: str, attempts: int) -> int:
        """Seconds the next attempt must wait after the ``attempts``-th one."""
        over = attempts - self.free(scope)
        if over < 0:
            return 0
        return min(self.max_delay, self.first_delay * 2 ** min(over, 30))


@dataclass(frozen=True)
class Claim:
    """The outcome of counting one attempt."""

    allowed: bool
    retry_after: int = 0  # seconds, when refused
    scope: str | None = None  # the counter that refused it
    first_refusal: bool = False  # the first refusal since that counter's last counted attempt
    # Counted attempts: scope -> (attempts in the window, seconds the next one must wait)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def delays_started(self, policy: Policy) -> list[str]:
        """Scopes whose waits this attempt starts (it used the last free attempt)."""
        return [s for s, (n, _) in self.counts.items() if n == policy.free(s)]


class SignInThrottle:
    """Counts sign-in attempts in the database; one per app (``app.state.sign_in_throttle``)."""

    def __init__(self, policy: Policy, clock: Callable[[], datetime] = utcnow) -> None:
        self.policy = policy
        self.clock = clock

    @staticmethod
    def _keys(account: str, client: str) -> list[tuple[str, str, str]]:
        return [
            (ACCOUNT, account[:MAX_KEY_LENGTH], client[:MAX_KEY_LENGTH]),
            (CLIENT, "", client[:MAX_KEY_LENGTH]),
        ]

    @staticmethod
    def _where(key: tuple[str, str, str]):
        scope, account, client = key
        return (
            SignInCounter.scope == scope,
            SignInCounter.account == account,
            SignInCounter.client == client,
        )

    def _ensure_rows(self, session: Session, keys: list[tuple[str, str, str]]) -> None:
        now = self.clock()
        insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else None
        insert = insert or sqlite_insert
        for scope, account, client in keys:
            session.execute(
                insert(SignInCounter)
                .values(
                    scope=scope,
                    account=account,
                    client=client,
                    attempts=0,
                    refused=0,
                    window_start=now,
                    last_at=now,
                    serial=0,
                )
                .on_conflict_do_nothing()
            )
        session.commit()

    def _read(self, session: Session, key: tuple[str, str, str]) -> SignInCounter:
        query = select(SignInCounter).where(*self._where(key))
        return session.scalars(query.execution_options(populate_existing=True)).one()

    def _wait(self, row: SignInCounter, now: datetime) -> tuple[int, int]:
        """(attempts that still count, seconds until the next attempt is allowed)."""
        if (now - row.window_start).total_seconds() >= self.policy.window:
            return 0, 0
        allowed_at = row.last_at + timedelta(seconds=self.policy.delay(row.scope, row.attempts))
        return row.attempts, max(0, math.ceil((allowed_at - now).total_seconds()))

    def claim(self, session: Session, *, account: str, client: str) -> Claim:
        """Counts one attempt for (account, client) and the client, or refuses it (and counts
        the refusal) while either must still wait. Commits."""
        keys = self._keys(account, client)
        self._ensure_rows(session, keys)
        for _ in range(MAX_TRIES):
            rows = [self._read(session, key) for key in keys]
            now = self.clock()
            waits = [(row, *self._wait(row, now)) for row in rows]
            refusing = [(row, wait) for row, _, wait in waits if wait > 0]
            if refusing:
                row, wait = max(refusing, key=lambda item: item[1])
                return self._refuse(session, row, wait)
            counts: dict[str, tuple[int, int]] = {}
            for row, attempts, _ in waits:
                counted = attempts + 1
                values = {
                    "attempts": counted,
                    "refused": 0,
                    "last_at": now,
                    "serial": row.serial + 1,
                }
                if attempts == 0:  # a new counter, or its window has passed
                    values["window_start"] = now
                done = session.execute(
                    update(SignInCounter)
                    .where(*self._where((row.scope, row.account, row.client)))
                    .where(SignInCounter.serial == row.serial)
                    .values(**values)
                    .execution_options(synchronize_session=False)
                )
                if done.rowcount != 1:
                    break
                counts[row.scope] = (counted, self.policy.delay(row.scope, counted))
            else:
                session.commit()
                return Claim(allowed=True, counts=counts)
            session.rollback()  # another attempt counted first: read again
        return Claim(allowed=False, retry_after=1, scope="busy")

    def _refuse(self, session: Session, row: SignInCounter, wait: int) -> Claim:
        refused = session.execute(
            update(SignInCounter)
            .where(*self._where((row.scope, row.account, row.client)))
            .values(refused=SignInCounter.refused + 1)
            .returning(SignInCounter.refused)
            .execution_options(synchronize_session=False)
        ).scalar_one()
        session.commit()
        return Claim(allowed=False, retry_after=wait, scope=row.scope, first_refusal=refused == 1)

    def succeeded(self, session: Session, *, account: str, client: str) -> None:
        """A successful sign-in takes its attempt back: the (account, client) counter goes,
        the client's is lowered by one. Old counters are deleted. The caller commits."""
        (_, account, client), client_key = self._keys(account, client)
        session.execute(
            delete(SignInCounter).where(*self._where((ACCOUNT, account, client))),
            execution_options={"synchronize_session": False},
        )
        session.execute(
            update(SignInCounter)
            .where(*self._where(client_key), SignInCounter.attempts > 0)
            .values(attempts=SignInCounter.attempts - 1, serial=SignInCounter.serial + 1)
            .execution_options(synchronize_session=False)
        )
        self.forget_old(session)

    def forget_old(self, session: Session) -> int:
        """Deletes counters whose window and wait are both over (the caller commits)."""
        cutoff = self.clock() - timedelta(seconds=self.policy.window + self.policy.max_delay)
        done = session.execute(
            delete(SignInCounter).where(SignInCounter.last_at < cutoff),
            execution_options={"synchronize_session": False},
        )
        return done.rowcount or 0

    def unlock(self, session: Session, *, account: str) -> int:
        """An admin clears an account's counters from every client; returns how many."""
        done = session.execute(
            delete(SignInCounter).where(
                SignInCounter.scope == ACCOUNT, SignInCounter.account == account
            ),
            execution_options={"synchronize_session": False},
        )
        return done.rowcount or 0
