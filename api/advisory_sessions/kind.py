"""Advisory sessions: open advisory and opening hours of a place, with weekly slots and
exceptions."""

from __future__ import annotations

from api.advisory_sessions.models import AdvisorySession
from api.advisory_sessions.schemas import (
    AdvisorySessionFields,
    AdvisorySessionOut,
    AdvisorySessionRecord,
)
from api.places.kind import PLACES
from api.records.kind import Kind

ADVISORY_SESSIONS = Kind(
    name="advisory-sessions",
    label="rådgivningstid",
    heading="Rådgivning og åbningstider",
    model=AdvisorySession,
    fields_schema=AdvisorySessionFields,
    record_schema=AdvisorySessionRecord,
    out_schema=AdvisorySessionOut,
    title_field="title",
    search_texts={"title": 1.0, "description": 0.7, "frequency_note": 0.6},
    references={"place": PLACES},
)
