from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from api.records.schemas import ContentModel, Provenance, RecordMeta
from api.records.types import ClockTime, LongText, Name, ShortText, Slug, Weekday


class Slot(ContentModel):
    """A weekly slot. start/end are both null when only the weekday is known."""

    weekday: Weekday
    start: ClockTime | None
    end: ClockTime | None
    staff: ShortText | None = None
    notes: ShortText | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Slot:
        if (self.start is None) != (self.end is None):
            raise ValueError("angiv både start- og sluttidspunkt, eller ingen af dem")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("sluttidspunktet skal være efter starttidspunktet")
        return self


class SessionExceptionIn(ContentModel):
    date: dt.date
    kind: Literal["closed", "extra"] = Field(description="closed = aflyst, extra = ekstra åbning")
    start: ClockTime | None = None
    end: ClockTime | None = None
    note: ShortText | None = None

    @model_validator(mode="after")
    def _times(self) -> SessionExceptionIn:
        if self.kind == "extra" and (self.start is None or self.end is None):
            raise ValueError("en ekstra åbning skal have både start- og sluttidspunkt")
        if (self.start is None) != (self.end is None):
            raise ValueError("angiv både start- og sluttidspunkt, eller ingen af dem")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("sluttidspunktet skal være efter starttidspunktet")
        return self


class SessionFields(Provenance):
    place: Slug = Field(description="Stedets slug")
    title: Name
    kind: Literal["advisory", "opening_hours"] = "advisory"
    description: LongText | None = None
    appointment_needed: bool | None = None
    frequency_note: ShortText | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    slots: list[Slot] = Field(default_factory=list, max_length=50)
    exceptions: list[SessionExceptionIn] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _valid_range(self) -> SessionFields:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("gyldig-til-datoen skal være samme dag som eller efter gyldig-fra")
        return self


class SessionRecord(SessionFields):
    slug: Slug


class SessionOut(SessionRecord, RecordMeta):
    pass


class NextSessionOut(BaseModel):
    place: str
    session_slug: str | None = None
    title: str | None = None
    start: dt.datetime | None = Field(default=None, description="ISO med UTC-forskydning")
    end: dt.datetime | None = None
    staff: str | None = None
    notes: str | None = None
    frequency_note: str | None = None
    weekdays_without_time: list[str] = Field(
        default_factory=list, description="Ugedage hvor tiden endnu ikke kendes"
    )
    reason: Literal["no_slots", "none_upcoming"] | None = None


class OpenNowOut(BaseModel):
    place: str
    open: bool | None = Field(description="null når tiderne ikke kendes")
    session_slug: str | None = None
    title: str | None = None
    until: dt.datetime | None = None
