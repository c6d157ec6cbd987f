"""FastAPI dependencies: the signed-in staff member and role checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer

from api.auth.models import StaffUser
from api.auth.security import read_token
from api.auth.service import find_user
from api.db import SessionDep
from api.records.schemas import ErrorOut

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)

UNAUTHORIZED = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Log ind for at ændre indhold",
    headers={"WWW-Authenticate": "Bearer"},
)


def current_user(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> StaffUser:
    if not token:
        raise UNAUTHORIZED
    username = read_token(token, request.app.state.settings.facts_secret_key)
    if username is None:
        raise UNAUTHORIZED
    user = find_user(session, username)
    if user is None or not user.active:
        raise UNAUTHORIZED
    return user


def require_admin(user: Annotated[StaffUser, Depends(current_user)]) -> StaffUser:
    if user.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Kun administratorer må gøre dette")
    return user


def require_editor(user: Annotated[StaffUser, Depends(current_user)]) -> StaffUser:
    if user.role not in ("editor", "admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Din rolle må ikke ændre indhold")
    return user


EditorDep = Annotated[StaffUser, Depends(require_editor)]
AdminDep = Annotated[StaffUser, Depends(require_admin)]

AUTH_RESPONSES: dict[int | str, dict] = {
    401: {"description": "Ikke logget ind", "model": ErrorOut},
    403: {"description": "Rollen har ikke adgang", "model": ErrorOut},
}
