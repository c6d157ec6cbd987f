from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.db import Base
from api.records.models import RecordMixin

if TYPE_CHECKING:
    from api.advisory_sessions.models import AdvisorySession


class Place(RecordMixin, Base):
    __tablename__ = "places"

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    area_note: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    accessibility: Mapped[str | None] = mapped_column(Text)
    for_young_people: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    max_age: Mapped[int | None] = mapped_column(Integer)

    # A place shows its advisory sessions (they name their place by slug).
    advisory_sessions: Mapped[list[AdvisorySession]] = relationship(
        order_by="AdvisorySession.id", lazy="selectin", viewonly=True
    )
