from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from api.auth.passwords import MIN_LENGTH, password_problem

Username = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9._-]{2,80}$")]
Password = Annotated[str, StringConstraints(min_length=MIN_LENGTH, max_length=200)]
Role = Literal["editor", "admin"]


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - OAuth2 token type, not a secret
    expires_in: int = Field(description="Sekunder til tokenet udløber")


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username = Field(description="Små bogstaver, tal, punktum, bindestreg")
    password: Password = Field(
        description="Mindst 12 tegn, ikke en af de mest brugte adgangskoder og ikke let at gætte"
    )
    role: Role = "editor"

    @field_validator("password")
    @classmethod
    def _hard_to_guess(cls, password: str, info: ValidationInfo) -> str:
        problem = password_problem(password, info.data.get("username"))
        if problem:
            raise ValueError(problem)
        return password


class UnlockOut(BaseModel):
    username: str
    cleared: int = Field(description="Tællere (klienter) med forkerte forsøg, der er fjernet")


class UserOut(BaseModel):
    username: str
    role: Role
    active: bool
    created_at: datetime
