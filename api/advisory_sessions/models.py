from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.db import Base
from api.records.models import RecordMixin


class AdvisorySession(RecordMixin, Base):
    """Open advisory / drop-in / opening hours of one place."""

    __tablename__ = "advisory_sessions"

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    place: Mapped[str] = mapped_column("place_slug", ForeignKey("places.slug"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    appointment_needed: Mapped[bool | None] = mapped_column(Boolean)
    frequency_note: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    slots: Mapped[list[AdvisorySessionSlot]] = relationship(
        cascade="all, delete-orphan", order_by="AdvisorySessionSlot.position", lazy="selectin"
    )
    exceptions: Mapped[list[AdvisorySessionException]] = relationship(
        cascade="all, delete-orphan", order_by="AdvisorySessionException.position", lazy="selectin"
    )


class AdvisorySessionSlot(Base):
    __tablename__ = "advisory_session_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    advisory_session_id: Mapped[int] = mapped_column(
        ForeignKey("advisory_sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    weekday: Mapped[str] = mapped_column(String(10))
    start: Mapped[dt.time | None] = mapped_column(Time)
    end: Mapped[dt.time | None] = mapped_column(Time)
    staff: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class AdvisorySessionException(Base):
    __tablename__ = "advisory_session_exceptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    advisory_session_id: Mapped[int] = mapped_column(
        ForeignKey("advisory_sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    start: Mapped[dt.time | None] = mapped_column(Time)
    end: Mapped[dt.time | None] = mapped_column(Time)
    note: Mapped[str | None] = mapped_column(Text)
