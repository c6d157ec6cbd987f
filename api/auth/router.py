"""Sign-in and staff accounts (admin only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import OAuth2PasswordRequestForm

from api.audit import service as audit
from api.auth import renewal, service
from api.auth.deps import AUTH_RESPONSES, AdminDep, EditorDep
from api.auth.schemas import TokenOut, UnlockOut, UserIn, Username, UserOut
from api.auth.security import HashSlots, hash_password, needs_rehash
from api.auth.throttle import SignInThrottle
from api.db import SessionDep
from api.errors import Conflict, NotFound, TooManyRequests, Unauthorized, responses
from api.ratelimit import client_ip, wait_in_danish

router = APIRouter(tags=["auth"])
router.include_router(renewal.router)

WRONG_CREDENTIALS = "Forkert brugernavn eller adgangskode"

SIGN_IN_RESPONSES = responses(
    Unauthorized,
    TooManyRequests,
    notes={
        401: WRONG_CREDENTIALS,
        429: "For mange forkerte forsøg for brugernavnet fra denne klient (eller fra klienten "
        "i alt); adgangskoden kontrolleres ikke, før ventetiden er gået",
    },
)
SIGN_IN_RESPONSES[429]["headers"] = {
    "Retry-After": {
        "description": "Sekunder til der må forsøges igen",
        "schema": {"type": "integer"},
    }
}


def too_many_attempts(retry_after: int) -> TooManyRequests:
    wait = wait_in_danish(retry_after)
    return TooManyRequests(f"For mange forkerte forsøg. Prøv igen om {wait}.", retry_after)


@router.post("/api/auth/token", response_model=TokenOut, responses=SIGN_IN_RESPONSES)
async def sign_in(
    request: Request, session: SessionDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> TokenOut:
    """Counts the attempt first (in the database), then checks the password with at most
    LOGIN_HASH_CONCURRENCY checks at once; the database work runs in the thread pool."""
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    slots: HashSlots = request.app.state.hash_slots
    attempt = await run_in_threadpool(
        service.begin_sign_in,
        session,
        throttle,
        username=form.username,
        client=client_ip(request),
    )
    if not attempt.allowed:
        raise too_many_attempts(attempt.claim.retry_after)
    if not await slots.run(service.check_password, attempt.password_hash, form.password):
        await run_in_threadpool(service.sign_in_failed, session, throttle, attempt)
        raise Unauthorized(WRONG_CREDENTIALS)
    settings = request.app.state.settings
    rehash = attempt.password_hash is not None and needs_rehash(attempt.password_hash)
    new_hash = await slots.run(hash_password, form.password) if rehash else None
    user = await run_in_threadpool(
        service.sign_in_succeeded, session, throttle, attempt, settings, new_hash=new_hash
    )
    if user is None:  # deleted while its password was being checked
        raise Unauthorized(WRONG_CREDENTIALS)
    return renewal.issue_token(user, settings)


@router.get("/api/auth/me", response_model=UserOut, responses=AUTH_RESPONSES)
def who_am_i(user: EditorDep) -> UserOut:
    return UserOut.model_validate(user, from_attributes=True)


@router.get("/api/staff/users", response_model=list[UserOut], responses=AUTH_RESPONSES)
def list_users(session: SessionDep, _admin: AdminDep) -> list[UserOut]:
    return [UserOut.model_validate(u, from_attributes=True) for u in service.list_users(session)]


@router.post(
    "/api/staff/users/{username}/unlock",
    response_model=UnlockOut,
    responses=AUTH_RESPONSES | responses(NotFound),
    summary="Fjern en kontos ventetider efter forkerte forsøg (fra alle klienter)",
)
def unlock_user(
    username: Username, request: Request, session: SessionDep, admin: AdminDep
) -> UnlockOut:
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    cleared = service.unlock(
        session, throttle, username=username, admin=admin.username, client=client_ip(request)
    )
    session.commit()
    return UnlockOut(username=username, cleared=cleared)


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
