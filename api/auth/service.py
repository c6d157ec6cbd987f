"""Staff accounts."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth.models import StaffUser
from api.auth.security import hash_password, needs_rehash, verify_password
from api.errors import Conflict, NotFound


@cache
def _dummy_hash() -> str:
    return hash_password("no-such-user-placeholder")


def normalise_username(username: str) -> str:
    """How sign-in reads a typed username: "  Admin " is the account "admin"."""
    return username.strip().lower()


def find_user(session: Session, username: str) -> StaffUser | None:
    return session.scalars(select(StaffUser).where(StaffUser.username == username)).first()


def authenticate(session: Session, username: str, password: str) -> StaffUser | None:
    user = find_user(session, normalise_username(username))
    if user is None or not user.active:
        verify_password(_dummy_hash(), password)  # similar timing for unknown users
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        session.commit()
    return user


def create_user(session: Session, username: str, password: str, role: str) -> StaffUser:
    if find_user(session, username) is not None:
        raise Conflict(f"brugeren '{username}' findes allerede")
    user = StaffUser(
        username=username,
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=datetime.now(UTC),
    )
    session.add(user)
    session.flush()
    return user


def list_users(session: Session) -> list[StaffUser]:
    return list(session.scalars(select(StaffUser).order_by(StaffUser.username)))


def delete_user(session: Session, username: str, acting: str) -> None:
    user = find_user(session, username)
    if user is None:
        raise NotFound(f"brugeren '{username}' findes ikke")
    if user.username == acting:
        raise Conflict("du kan ikke slette din egen bruger")
    session.delete(user)
