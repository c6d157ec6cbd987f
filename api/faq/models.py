from __future__ import annotations

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base
from api.records.models import RecordMixin


class FaqEntry(RecordMixin, Base):
    __tablename__ = "faq"

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), index=True)
    url: Mapped[str | None] = mapped_column(String(500))
