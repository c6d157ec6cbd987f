"""The service's errors: one class per HTTP status, each answered as JSON with a Danish
``detail`` (a 412 also carries the current record, a 422 the field errors). Raise them from
routers, dependencies and services alike; ``responses(...)`` documents them in OpenAPI."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    detail: str


class ConflictOut(BaseModel):
    detail: str
    current: dict = Field(description="Den aktuelle post, som en anden har gemt")


class ApiError(HTTPException):
    """Answered as ``{"detail": ...}`` with ``status_code``. An HTTPException, so FastAPI's
    body parsing lets it through (a too large body is noticed while the body is read)."""

    status_code = 400
    description = "Ugyldig forespørgsel"  # in the OpenAPI document
    model: type[BaseModel] = ErrorOut

    def __init__(self, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(type(self).status_code, detail, headers)

    def body(self) -> dict[str, Any]:
        return {"detail": self.detail}


class Unauthorized(ApiError):
    status_code = 401
    description = "Ikke logget ind"

    def __init__(self, detail: str = "Log ind for at ændre indhold") -> None:
        super().__init__(detail, {"WWW-Authenticate": "Bearer"})


class Forbidden(ApiError):
    status_code = 403
    description = "Rollen har ikke adgang"


class NotFound(ApiError):
    status_code = 404
    description = "Findes ikke"


class Conflict(ApiError):
    status_code = 409
    description = "Findes allerede"


class PreconditionFailed(ApiError):
    """A stale write: the record changed since the version the client edited."""

    status_code = 412
    description = "En anden har gemt en nyere version"
    model = ConflictOut

    def __init__(self, detail: str, current: dict[str, Any]) -> None:
        super().__init__(detail)
        self.current = current

    def body(self) -> dict[str, Any]:
        return {"detail": self.detail, "current": jsonable_encoder(self.current)}


class ChangedSinceExportOut(BaseModel):
    detail: str
    conflicts: list[dict] = Field(
        description="Poster ændret siden eksporten: section, key, exported_version, "
        "current_version, updated_by, updated_at"
    )


class ChangedSinceExport(ApiError):
    """An import asked to check versions, and records changed since the file was exported."""

    status_code = 409
    description = "Poster er ændret siden eksporten; intet er indlæst"
    model = ChangedSinceExportOut

    def __init__(self, conflicts: list[dict[str, Any]]) -> None:
        keys = ", ".join(f"{c['section']}/{c['key']}" for c in conflicts[:10])
        more = f" og {len(conflicts) - 10} flere" if len(conflicts) > 10 else ""
        super().__init__(f"Ændret siden eksporten: {keys}{more}. Intet er indlæst.")
        self.conflicts = conflicts

    def body(self) -> dict[str, Any]:
        return {"detail": self.detail, "conflicts": jsonable_encoder(self.conflicts)}


class PayloadTooLarge(ApiError):
    status_code = 413
    description = "Forespørgslen er for stor"

    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"Forespørgslen er for stor (højst {max_bytes} bytes)")


class UnsupportedMediaType(ApiError):
    status_code = 415
    description = "Forkert indholdstype"


class ContentInvalid(ApiError):
    """Content that breaks a rule (unknown place, ...), answered like a validation error."""

    status_code = 422
    description = "Ugyldigt indhold"

    def __init__(self, loc: Sequence[str | int], msg: str) -> None:
        super().__init__(msg)
        self.loc = list(loc)

    def body(self) -> dict[str, Any]:
        return validation_body([{"loc": self.loc, "msg": self.detail, "type": "value_error"}])


class ContentErrors(ApiError):
    """Several validation failures at once (a whole content file)."""

    status_code = 422
    description = "Ugyldigt indhold"

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(str(e["msg"]) for e in errors))
        self.errors = errors

    def body(self) -> dict[str, Any]:
        return validation_body(self.errors)


class PreconditionRequired(ApiError):
    status_code = 428
    description = "If-Match mangler"


class TooManyRequests(ApiError):
    status_code = 429
    description = "For mange forsøg"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, {"Retry-After": str(retry_after)})


def responses(
    *errors: type[ApiError], notes: Mapping[int, str] | None = None
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the errors an endpoint raises (``notes``: own descriptions)."""
    notes = notes or {}
    return {
        e.status_code: {"model": e.model, "description": notes.get(e.status_code, e.description)}
        for e in errors
    }


MESSAGES = {
    "missing": "skal udfyldes",
    "string_too_short": "må ikke være tom",
    "string_too_long": "er for lang (højst {max_length} tegn)",
    "string_pattern_mismatch": "har et ugyldigt format (kun små bogstaver a-z, tal og bindestreg)",
    "string_type": "skal være tekst",
    "literal_error": "ukendt værdi; brug en af: {expected}",
    "enum": "ukendt værdi; brug en af: {expected}",
    "date_parsing": "ugyldig dato (brug ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "ugyldig dato (brug ÅÅÅÅ-MM-DD)",
    "date_type": "ugyldig dato (brug ÅÅÅÅ-MM-DD)",
    "datetime_parsing": "ugyldigt tidspunkt (brug fx 2025-10-27T10:00)",
    "datetime_from_date_parsing": "ugyldigt tidspunkt (brug fx 2025-10-27T10:00)",
    "datetime_type": "ugyldigt tidspunkt (brug fx 2025-10-27T10:00)",
    "bool_parsing": "skal være ja/nej (true eller false)",
    "bool_type": "skal være ja/nej (true eller false)",
    "int_parsing": "skal være et heltal",
    "int_type": "skal være et heltal",
    "int_from_float": "skal være et heltal",
    "greater_than_equal": "skal være mindst {ge}",
    "less_than_equal": "må højst være {le}",
    "extra_forbidden": "ukendt felt",
    "list_type": "skal være en liste",
    "too_short": "skal have mindst {min_length}",
    "too_long": "må højst have {max_length}",
    "json_invalid": "ugyldig JSON",
    "dict_type": "skal være et objekt",
    "model_attributes_type": "skal være et objekt",
    "model_type": "skal være et objekt",
}


def danish_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "value_error":
        msg = str(error.get("msg", ""))
        return msg.removeprefix("Value error, ")
    if kind == "string_too_short" and (error.get("ctx") or {}).get("min_length", 1) > 1:
        return f"skal være mindst {error['ctx']['min_length']} tegn"
    template = MESSAGES.get(kind)
    if template is None:
        return "ugyldig værdi"
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template.split(" (")[0]


def _label(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


def validation_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    lines = []
    for err in errors:
        label = _label(err["loc"])
        lines.append(f"{label}: {err['msg']}" if label else err["msg"])
    return {"detail": errors, "message": "; ".join(lines)}


def translate(errors: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"loc": list(err.get("loc", ())), "msg": danish_message(err), "type": err.get("type", "")}
        for err in errors
    ]


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)


async def _request_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(validation_body(translate(exc.errors())), status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _request_validation)
