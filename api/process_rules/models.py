from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base
from api.records.models import RecordMixin


class ProcessRule(RecordMixin, Base):
    """What a citizen in a situation can expect: what happens and by when."""

    __tablename__ = "process_rules"

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    situation: Mapped[str] = mapped_column(String(80), index=True)
    target_group: Mapped[str | None] = mapped_column(Text)
    what_happens: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str | None] = mapped_column(Text)
    rule_type: Mapped[str] = mapped_column(String(10))
