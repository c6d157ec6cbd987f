"""Sign-in and staff accounts (admin only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from api.auth import service
from api.auth.deps import AUTH_RESPONSES, AdminDep, EditorDep
from api.auth.schemas import TokenOut, UserIn, Username, UserOut
from api.auth.security import make_token
from api.db import SessionDep
from api.records.schemas import ErrorOut

router = APIRouter(tags=["auth"])


@router.post(
    "/api/auth/token",
    response_model=TokenOut,
    responses={401: {"model": ErrorOut, "description": "Forkert brugernavn eller adgangskode"}},
)
def sign_in(
    request: Request, session: SessionDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> TokenOut:
    user = service.authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Forkert brugernavn eller adgangskode",
            headers={"WWW-Authenticate": "Bearer"},
        )
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
    responses=AUTH_RESPONSES | {409: {"model": ErrorOut, "description": "Findes allerede"}},
)
def create_user(body: UserIn, session: SessionDep, _admin: AdminDep) -> UserOut:
    user = service.create_user(session, body.username, body.password, body.role)
    session.commit()
    return UserOut.model_validate(user, from_attributes=True)


@router.delete(
    "/api/staff/users/{username}",
    status_code=204,
    response_class=Response,
    responses=AUTH_RESPONSES
    | {
        404: {"model": ErrorOut, "description": "Findes ikke"},
        409: {"model": ErrorOut, "description": "Kan ikke slette sig selv"},
    },
)
def delete_user(username: Username, session: SessionDep, admin: AdminDep) -> Response:
    service.delete_user(session, username, admin.username)
    session.commit()
    return Response(status_code=204)
