"""Places: where citizens go. A place shows its live sessions."""

from __future__ import annotations

from typing import Any

from api.places.models import Place
from api.places.schemas import PlaceFields, PlaceOut, PlaceRecord
from api.records.kind import Kind
from api.records.service import render
from api.sessions.schemas import SessionOut
from api.settings import Settings


def live_sessions(place: Place, settings: Settings) -> dict[str, Any]:
    live = [s for s in place.sessions if s.deleted_at is None]
    return {"sessions": [render(SessionOut, s, settings) for s in live]}


PLACES = Kind(
    name="places",
    label="sted",
    heading="Steder",
    model=Place,
    fields_schema=PlaceFields,
    record_schema=PlaceRecord,
    out_schema=PlaceOut,
    title_field="name",
    search_texts={"name": 1.0, "aliases": 1.0, "description": 0.7, "area_note": 0.7},
    out_extras=live_sessions,
)
