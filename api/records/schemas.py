"""Pydantic pieces shared by all record schemas. Each field carries its Danish label
(``title``) and help text (``description``) for the staff editor (``GET /api/staff/kinds``)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.records.types import Source


class ContentModel(BaseModel):
    """Base of every content schema: unknown fields are refused, strings stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Provenance(ContentModel):
    source: Source = Field(
        title="Kilde",
        description="Hvor oplysningen kommer fra, fx rapportens afsnit eller din afdeling.",
    )
    last_verified: date | None = Field(
        default=None, title="Sidst kontrolleret", description="Dato for seneste kontrol"
    )


class RecordMeta(BaseModel):
    version: int = Field(description="Versionsnummer; sendes også som ETag")
    stale: bool = Field(description="Ikke kontrolleret inden for STALE_AFTER_DAYS")


class StaffMeta(RecordMeta):
    deleted: bool = False
    updated_at: datetime
    updated_by: str
