"""Password hashing (argon2id) and short-lived signed tokens (JWT, HS256)."""

from __future__ import annotations

from datetime import datetime

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ALGORITHM = "HS256"
_hasher = PasswordHasher()


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
