"""Places: the sessions shown with each place."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, selectinload

from api.places.models import Place
from api.sessions.models import AdvisorySession
from api.settings import Settings

LOAD_OPTIONS = (
    selectinload(Place.sessions).selectinload(AdvisorySession.slots),
    selectinload(Place.sessions).selectinload(AdvisorySession.exceptions),
)


def out_extras(session: Session, place: Place, settings: Settings) -> dict[str, Any]:
    from api.kinds import SESSIONS  # local: the registry imports this module
    from api.records.service import out_dict

    return {
        "sessions": [
            out_dict(session, SESSIONS, s, settings) for s in place.sessions if s.deleted_at is None
        ]
    }
