"""FAQ answers: drafts until a member of staff publishes them."""

from __future__ import annotations

from api.faq.models import FaqEntry
from api.faq.schemas import FaqFields, FaqOut, FaqRecord
from api.records.kind import Kind

FAQ = Kind(
    name="faq",
    label="spørgsmål",
    heading="Spørgsmål og svar",
    model=FaqEntry,
    fields_schema=FaqFields,
    record_schema=FaqRecord,
    out_schema=FaqOut,
    title_field="questions",
    search_texts={"questions": 1.0, "answer": 0.7},
    publishable=True,
)
