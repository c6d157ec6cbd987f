"""Ratings: deleting those past their retention period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.feedback.models import Rating


def delete_ratings_before(session: Session, *, cutoff: datetime) -> int:
    """Deletes the ratings given before ``cutoff``; returns how many (the caller commits)."""
    return session.execute(delete(Rating).where(Rating.created_at < cutoff)).rowcount
