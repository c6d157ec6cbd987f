from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime


class AuditEntry(Base):
    """One staff event: a sign-in (or a failed or refused one), an account change, a record
    change, an import. Never a password. Deleted after AUDIT_RETENTION_DAYS."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    # The staff account that acted; for a sign-in that failed, the account tried (or
    # "<ukendt brugernavn>"); "<kommandolinje>" for the CLI.
    actor: Mapped[str] = mapped_column(String(100), index=True)
    # What it concerned: "places/huset-tvaers", "users/kim", "content" ...
    target: Mapped[str | None] = mapped_column(String(200))
    # The client's address (behind a proxy, the one uvicorn took from X-Forwarded-For).
    client: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict | None] = mapped_column(JSON)
