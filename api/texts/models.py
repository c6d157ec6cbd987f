from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base
from api.records.models import RecordMixin


class BotText(RecordMixin, Base):
    """A bot text staff can edit (help overview, human routes, privacy notice ...)."""

    __tablename__ = "texts"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
