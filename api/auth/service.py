"""Staff accounts and sign-in (counted and audited; the password check itself runs in the
router, bounded by api.auth.security.HashSlots)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.auth.models import StaffUser
from api.auth.security import hash_password, verify_password
from api.auth.throttle import ACCOUNT, Claim, SignInThrottle
from api.errors import Conflict, NotFound
from api.settings import Settings
from privacy.masking import mask

logger = logging.getLogger(__name__)


@cache
def _dummy_hash() -> str:
    return hash_password("no-such-user-placeholder")


def normalise_username(username: str) -> str:
    """How sign-in reads a typed username: "  Admin " is the account "admin"."""
    return username.strip().lower()


def find_user(session: Session, username: str) -> StaffUser | None:
    return session.scalars(select(StaffUser).where(StaffUser.username == username)).first()


@dataclass
class SignInAttempt:
    """One sign-in on its way: who and from where, its counted attempt, the account's hash."""

    account: str  # the typed username, normalised
    client: str
    claim: Claim
    password_hash: str | None = None  # None: no such active account (a dummy hash is checked)

    @property
    def allowed(self) -> bool:
        return self.claim.allowed


def _actor(session: Session, account: str) -> str:
    """The account for the audit log and the log file, if it exists: people type odd things
    into the username field (their password, a CPR number), and those are never written."""
    user = find_user(session, account)
    if user is None or "cpr" in mask(account).found:
        return audit.UNKNOWN_ACCOUNT
    return user.username


def begin_sign_in(
    session: Session, throttle: SignInThrottle, *, username: str, client: str
) -> SignInAttempt:
    """Counts the attempt before any password is checked; refused while it must wait."""
    account = normalise_username(username)
    attempt = SignInAttempt(
        account, client, throttle.claim(session, account=account, client=client)
    )
    if not attempt.allowed:
        if attempt.claim.first_refusal:  # once per wait, however often it is tried
            actor = _actor(session, account)
            scope, seconds = attempt.claim.scope, attempt.claim.retry_after
            audit.record(
                session,
                action="sign_in_refused",
                actor=actor,
                client=client,
                detail={"scope": scope, "retry_after": seconds},
            )
            session.commit()
            logger.warning(
                "Log ind afvist uden kontrol af adgangskoden: %s fra %s skal vente %d s (%s)",
                actor, client, seconds, scope,
            )  # fmt: skip
        return attempt
    user = find_user(session, account)
    attempt.password_hash = user.password_hash if user is not None and user.active else None
    return attempt


def check_password(password_hash: str | None, password: str) -> bool:
    """The slow part (argon2). Unknown accounts are checked against a dummy hash, so they take
    as long as known ones."""
    if password_hash is None:
        verify_password(_dummy_hash(), password)
        return False
    return verify_password(password_hash, password)


def sign_in_failed(session: Session, throttle: SignInThrottle, attempt: SignInAttempt) -> None:
    """Audits a wrong password (or unknown account), and the waits it starts."""
    actor = _actor(session, attempt.account)
    counts = attempt.claim.counts
    audit.record(
        session,
        action="sign_in_failed",
        actor=actor,
        client=attempt.client,
        detail={"attempts": counts.get(ACCOUNT, (0, 0))[0]},
    )
    logger.warning("Log ind mislykkedes: %s fra %s", actor, attempt.client)
    for scope in attempt.claim.delays_started(throttle.policy):
        attempts, seconds = counts[scope]
        audit.record(
            session,
            action="sign_in_delay_started",
            actor=actor,
            client=attempt.client,
            detail={"scope": scope, "attempts": attempts, "seconds": seconds},
        )
        if scope == ACCOUNT:
            logger.warning(
                "Log ind: ventetid for %s fra %s efter %d forsøg (%d s, stigende)",
                actor, attempt.client, attempts, seconds,
            )  # fmt: skip
        else:
            logger.warning(
                "Log ind: ventetid for klienten %s (alle brugernavne) efter %d forsøg (%d s)",
                attempt.client, attempts, seconds,
            )  # fmt: skip
    session.commit()


def sign_in_succeeded(
    session: Session,
    throttle: SignInThrottle,
    attempt: SignInAttempt,
    settings: Settings,
    *,
    new_hash: str | None = None,
) -> StaffUser | None:
    """Takes the attempt back, audits the sign-in and deletes audit entries and counters past
    their time. ``new_hash``: the password hashed with the current parameters. None if the
    account was deleted or deactivated while its password was being checked."""
    user = find_user(session, attempt.account)
    if user is None or not user.active:
        return None
    if new_hash is not None:
        user.password_hash = new_hash
    throttle.succeeded(session, account=attempt.account, client=attempt.client)
    audit.record(session, action="sign_in", actor=user.username, client=attempt.client)
    audit.purge(session, retention_days=settings.audit_retention_days)
    session.commit()
    return user


def unlock(
    session: Session, throttle: SignInThrottle, *, username: str, admin: str, client: str
) -> int:
    """An admin clears an account's waits from every client."""
    if find_user(session, username) is None:
        raise NotFound(f"brugeren '{username}' findes ikke")
    cleared = throttle.unlock(session, account=username)
    audit.record(
        session,
        action="account_unlocked",
        actor=admin,
        target=f"users/{username}",
        client=client,
        detail={"cleared": cleared},
    )
    return cleared


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
