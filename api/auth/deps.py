"""FastAPI dependencies: the signed-in staff member and role checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from api.auth.models import StaffUser
from api.auth.security import read_token
from api.auth.service import find_user
from api.db import SessionDep
from api.errors import Forbidden, Unauthorized, responses

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def current_user(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> StaffUser:
    username = read_token(token, request.app.state.settings.facts_secret_key) if token else None
    user = find_user(session, username) if username else None
    if user is None or not user.active:
        raise Unauthorized()
    return user


def require_admin(user: Annotated[StaffUser, Depends(current_user)]) -> StaffUser:
    if user.role != "admin":
        raise Forbidden("Kun administratorer må gøre dette")
    return user


def require_editor(user: Annotated[StaffUser, Depends(current_user)]) -> StaffUser:
    if user.role not in ("editor", "admin"):
        raise Forbidden("Din rolle må ikke ændre indhold")
    return user


EditorDep = Annotated[StaffUser, Depends(require_editor)]
AdminDep = Annotated[StaffUser, Depends(require_admin)]

AUTH_RESPONSES = responses(Unauthorized, Forbidden)
