from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from api.records.schemas import ContentModel, Provenance, RecordMeta
from api.records.types import (
    ClockTime,
    LongText,
    Name,
    ShortText,
    Slug,
    SlugKey,
    Weekday,
    choices,
)


class Slot(ContentModel):
    """A weekly slot. start/end are both null when only the weekday is known."""

    model_config = ConfigDict(title="tidsrum")

    weekday: Weekday
    start: ClockTime | None = Field(title="Fra")
    end: ClockTime | None = Field(title="Til")
    staff: ShortText | None = Field(default=None, title="Hvem er der")
    notes: ShortText | None = Field(default=None, title="Bemærkning")

    @model_validator(mode="after")
    def _end_after_start(self) -> Slot:
        if (self.start is None) != (self.end is None):
            raise ValueError("angiv både start- og sluttidspunkt, eller ingen af dem")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("sluttidspunktet skal være efter starttidspunktet")
        return self


class AdvisorySessionExceptionIn(ContentModel):
    model_config = ConfigDict(title="undtagelse")

    date: dt.date = Field(title="Dato")
    kind: Literal["closed", "extra"] = Field(
        title="Type",
        description="closed = aflyst, extra = ekstra åbning",
        json_schema_extra=choices(closed="Lukket", extra="Ekstra åbning"),
    )
    start: ClockTime | None = Field(default=None, title="Fra")
    end: ClockTime | None = Field(default=None, title="Til")
    note: ShortText | None = Field(default=None, title="Bemærkning")

    @model_validator(mode="after")
    def _times(self) -> AdvisorySessionExceptionIn:
        if self.kind == "extra" and (self.start is None or self.end is None):
            raise ValueError("en ekstra åbning skal have både start- og sluttidspunkt")
        if (self.start is None) != (self.end is None):
            raise ValueError("angiv både start- og sluttidspunkt, eller ingen af dem")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("sluttidspunktet skal være efter starttidspunktet")
        return self


class AdvisorySessionFields(Provenance):
    place: Slug = Field(title="Sted", description="Stedets slug")
    title: Name = Field(title="Titel")
    kind: Literal["advisory", "opening_hours"] = Field(
        default="advisory",
        title="Type",
        json_schema_extra=choices(advisory="Åben rådgivning", opening_hours="Åbningstid"),
    )
    description: LongText | None = Field(default=None, title="Hvad man kan få hjælp til")
    appointment_needed: bool | None = Field(default=None, title="Skal man bestille tid?")
    frequency_note: ShortText | None = Field(
        default=None,
        title="Hvor ofte (når tiderne ikke kendes)",
        description="Fx „to gange om ugen“.",
    )
    valid_from: dt.date | None = Field(default=None, title="Gælder fra")
    valid_to: dt.date | None = Field(default=None, title="Gælder til")
    slots: list[Slot] = Field(default_factory=list, max_length=50, title="Faste ugentlige tider")
    exceptions: list[AdvisorySessionExceptionIn] = Field(
        default_factory=list, max_length=500, title="Undtagelser"
    )

    @model_validator(mode="after")
    def _valid_range(self) -> AdvisorySessionFields:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("gyldig-til-datoen skal være samme dag som eller efter gyldig-fra")
        return self


class AdvisorySessionRecord(AdvisorySessionFields):
    slug: SlugKey


class AdvisorySessionOut(AdvisorySessionRecord, RecordMeta):
    pass


class NextAdvisorySessionOut(BaseModel):
    place: str
    advisory_session_slug: str | None = None
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
    advisory_session_slug: str | None = None
    title: str | None = None
    until: dt.datetime | None = None
