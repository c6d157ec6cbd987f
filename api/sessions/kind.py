"""Sessions: open advisory and opening hours of a place, with weekly slots and exceptions."""

from __future__ import annotations

from api.places.kind import PLACES
from api.records.kind import Kind
from api.sessions.models import AdvisorySession
from api.sessions.schemas import SessionFields, SessionOut, SessionRecord

SESSIONS = Kind(
    name="sessions",
    label="åbningstid",
    heading="Åbningstider og rådgivning",
    model=AdvisorySession,
    fields_schema=SessionFields,
    record_schema=SessionRecord,
    out_schema=SessionOut,
    title_field="title",
    search_texts={"title": 1.0, "description": 0.7, "frequency_note": 0.6},
    references={"place": PLACES},
)
