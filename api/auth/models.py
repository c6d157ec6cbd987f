from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SignInCounter(Base):
    """Sign-in attempts counted before the password is checked: one row per (account, client)
    (scope "account") and one per client for any account (scope "client", account "").

    Kept in the database so that several workers share the counts; see api/auth/throttle.py."""

    __tablename__ = "sign_in_counters"

    scope: Mapped[str] = mapped_column(String(10), primary_key=True)
    account: Mapped[str] = mapped_column(String(200), primary_key=True)
    client: Mapped[str] = mapped_column(String(200), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    refused: Mapped[int] = mapped_column(Integer)  # refused since the last counted attempt
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    serial: Mapped[int] = mapped_column(Integer)  # changes on every count: compare-and-swap
