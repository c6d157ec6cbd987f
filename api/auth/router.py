"""Sign-in and staff accounts (admin only)."""

from __future__ import annotations

import logging
import math
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm

from api.audit import service as audit
from api.auth import service
from api.auth.deps import AUTH_RESPONSES, AdminDep, EditorDep
from api.auth.schemas import TokenOut, UserIn, Username, UserOut
from api.auth.security import make_token
from api.auth.throttle import Lockout, LoginThrottle
from api.db import SessionDep
from api.errors import Conflict, NotFound, TooManyRequests, Unauthorized, responses
from api.ratelimit import client_ip

router = APIRouter(tags=["auth"])
logger = logging.getLogger(__name__)

WRONG_CREDENTIALS = "Forkert brugernavn eller adgangskode"
ACCOUNT_NAME = re.compile(r"^[a-z0-9._-]{2,80}$")
CPR_LIKE = re.compile(r"\d{6}-?\d{4}")

SIGN_IN_RESPONSES = responses(
    Unauthorized,
    TooManyRequests,
    notes={
        401: WRONG_CREDENTIALS,
        429: "For mange forkerte forsøg for brugernavnet eller fra klienten; "
        "adgangskoden kontrolleres ikke, før ventetiden er gået",
    },
)
SIGN_IN_RESPONSES[429]["headers"] = {
    "Retry-After": {
        "description": "Sekunder til der må forsøges igen",
        "schema": {"type": "integer"},
    }
}


def loggable_username(username: str) -> str:
    """The username for the log, unless it cannot be an account or looks like a CPR number
    (people type odd things into the username field, their password included)."""
    if ACCOUNT_NAME.fullmatch(username) and not CPR_LIKE.search(username):
        return username
    return "<ikke et gyldigt brugernavn>"


def too_many_attempts(lockout: Lockout) -> TooManyRequests:
    minutes = math.ceil(lockout.retry_after / 60)
    wait = "1 minut" if minutes == 1 else f"{minutes} minutter"
    return TooManyRequests(f"For mange forkerte forsøg. Prøv igen om {wait}.", lockout.retry_after)


def log_lockouts(scopes: list[str], username: str, ip: str) -> None:
    for scope in scopes:
        if scope == "user":
            logger.warning("Log ind spærret for brugernavn %s", loggable_username(username))
        else:
            logger.warning("Log ind spærret for klient-IP %s", ip)


@router.post("/api/auth/token", response_model=TokenOut, responses=SIGN_IN_RESPONSES)
def sign_in(
    request: Request, session: SessionDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> TokenOut:
    throttle: LoginThrottle = request.app.state.login_throttle
    username, ip = service.normalise_username(form.username), client_ip(request)
    lockout = throttle.lockout(username=username, ip=ip)
    if lockout is not None:
        raise too_many_attempts(lockout)
    user = service.authenticate(session, username, form.password)
    if user is None:
        log_lockouts(throttle.record_failure(username=username, ip=ip), username, ip)
        raise Unauthorized(WRONG_CREDENTIALS)
    throttle.record_success(username=username)
    settings = request.app.state.settings
    token = make_token(user.username, user.role, settings.facts_secret_key, settings.token_minutes)
    return TokenOut(access_token=token, expires_in=settings.token_minutes * 60)


@router.get("/api/auth/me", response_model=UserOut, responses=AUTH_RESPONSES)
def who_am_i(user: EditorDep) -> UserOut:
    return UserOut.model_validate(user, from_attributes=True)


@router.get("/api/staff/users", response_model=list[UserOut], responses=AUTH_RESPONSES)
def list_users(session: SessionDep, _admin: AdminDep) -> list[UserOut]:
    return [UserOut.model_validate(u, from_attributes=True) for u in service.list_users(session)]


@router.post(
    "/api/staff/users",
    status_code=201,
    response_model=UserOut,
    responses=AUTH_RESPONSES | responses(Conflict),
)
def create_user(body: UserIn, request: Request, session: SessionDep, admin: AdminDep) -> UserOut:
    user = service.create_user(session, body.username, body.password, body.role)
    audit.record(
        session,
        action="user_created",
        actor=admin.username,
        target=f"users/{user.username}",
        client=client_ip(request),
        detail={"role": user.role},
    )
    session.commit()
    return UserOut.model_validate(user, from_attributes=True)


@router.delete(
    "/api/staff/users/{username}",
    status_code=204,
    response_class=Response,
    responses=AUTH_RESPONSES
    | responses(NotFound, Conflict, notes={409: "Kan ikke slette sig selv"}),
)
def delete_user(
    username: Username, request: Request, session: SessionDep, admin: AdminDep
) -> Response:
    service.delete_user(session, username, admin.username)
    audit.record(
        session,
        action="user_deleted",
        actor=admin.username,
        target=f"users/{username}",
        client=client_ip(request),
    )
    session.commit()
    return Response(status_code=204)
