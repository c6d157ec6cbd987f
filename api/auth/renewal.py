"""Sliding sign-in: a staff token lasts TOKEN_MINUTES (or TOKEN_SECONDS) from sign-in or from
its last renewal. The editor renews it while in use, but never past TOKEN_MAX_HOURS after the
password was entered (the token's ``auth_time``); then the member of staff signs in again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from api.auth.deps import AUTH_RESPONSES, EditorDep, oauth2_scheme
from api.auth.models import StaffUser
from api.auth.schemas import TokenOut
from api.auth.security import make_token, read_claims
from api.errors import Unauthorized
from api.settings import Settings

router = APIRouter(tags=["auth"])


def issue_token(
    user: StaffUser, settings: Settings, signed_in_at: datetime | None = None
) -> TokenOut:
    """A token for ``user``: the sliding lifetime from now, capped at the hard maximum."""
    now = datetime.now(UTC).replace(microsecond=0)
    signed_in_at = signed_in_at or now
    expires = min(
        now + settings.token_lifetime, signed_in_at + timedelta(hours=settings.token_max_hours)
    )
    if expires <= now:
        raise Unauthorized("Log ind igen")
    token = make_token(
        user.username,
        user.role,
        settings.facts_secret_key,
        issued_at=now,
        expires=expires,
        signed_in_at=signed_in_at,
    )
    return TokenOut(access_token=token, expires_in=int((expires - now).total_seconds()))


@router.post(
    "/api/auth/renew",
    response_model=TokenOut,
    responses=AUTH_RESPONSES,
    summary="Forlæng sessionen: et nyt token med samme login-tidspunkt (højst TOKEN_MAX_HOURS)",
)
def renew(
    request: Request, user: EditorDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> TokenOut:
    settings: Settings = request.app.state.settings
    claims = read_claims(token or "", settings.facts_secret_key) or {}
    signed_in = claims.get("auth_time", claims.get("iat"))
    if not isinstance(signed_in, int):
        raise Unauthorized()
    return issue_token(user, settings, datetime.fromtimestamp(signed_in, UTC))
