"""Password hashing (argon2id), bounded to a few at once, and short-lived signed tokens
(JWT, HS256)."""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from starlette.concurrency import run_in_threadpool

ALGORITHM = "HS256"
_hasher = PasswordHasher()
T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class HashSlots:
    """At most ``size`` password hashes (argon2: 64 MiB and a core each) at once in this
    process; the rest wait their turn in the event loop, without holding a thread."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.active = 0
        self.peak = 0  # the most hashes that ran at once (for tests and measurements)
        self._semaphores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()  # one per event loop: a server has one
        if loop not in self._semaphores:
            self._semaphores[loop] = asyncio.Semaphore(self.size)
        return self._semaphores[loop]

    async def run(self, func: Callable[..., T], *args: Any) -> T:
        async with self._semaphore():
            self.active += 1
            self.peak = max(self.peak, self.active)
            try:
                return await run_in_threadpool(func, *args)
            finally:
                self.active -= 1


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def make_token(
    username: str,
    role: str,
    secret: str,
    *,
    issued_at: datetime,
    expires: datetime,
    signed_in_at: datetime,
) -> str:
    """A token valid until ``expires``; ``auth_time`` keeps when the password was entered, so a
    renewal cannot slide the session past its hard maximum."""
    claims = {
        "sub": username,
        "role": role,
        "iat": issued_at,
        "exp": expires,
        "auth_time": int(signed_in_at.timestamp()),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_claims(token: str, secret: str) -> dict | None:
    """The claims of a valid, unexpired token, else None."""
    try:
        return jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["exp"]})
    except jwt.PyJWTError:
        return None


def read_token(token: str, secret: str) -> str | None:
    """The username in a valid, unexpired token, else None."""
    sub = (read_claims(token, secret) or {}).get("sub")
    return sub if isinstance(sub, str) else None
