from __future__ import annotations

from pydantic import Field

from api.advisory_sessions.schemas import AdvisorySessionOut
from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, Name, ShortText, SlugKey, WebUrl


class PlaceFields(Provenance):
    name: Name = Field(title="Navn")
    aliases: list[Alias] = Field(
        default_factory=list,
        title="Andre navne og stavemåder",
        description="Én pr. linje, gerne også almindelige stavefejl.",
    )
    description: LongText | None = Field(default=None, title="Hvad man kan få hjælp til")
    street: ShortText | None = Field(default=None, title="Vej")
    house_number: ShortText | None = Field(default=None, title="Husnummer")
    postcode: ShortText | None = Field(default=None, title="Postnummer")
    city: ShortText | None = Field(default=None, title="By")
    area_note: ShortText | None = Field(default=None, title="Beliggenhed (fri tekst)")
    phone: ShortText | None = Field(default=None, title="Telefon")
    email: ShortText | None = Field(default=None, title="E-mail")
    url: WebUrl | None = Field(default=None, title="Link til mere information")
    accessibility: LongText | None = Field(default=None, title="Tilgængelighed")
    for_young_people: bool = Field(
        default=False,
        title="Sted for unge",
        description="Chatrobotten foreslår stedet, når en borger skriver sin alder.",
    )
    max_age: int | None = Field(
        default=None,
        ge=0,
        le=120,
        title="Op til alder",
        description="Et sted for unge er for borgere til og med denne alder. Tomt: "
        "robotten foreslår stedet, men siger ikke, at det er det rette.",
    )


class PlaceRecord(PlaceFields):
    slug: SlugKey


class PlaceOut(PlaceRecord, RecordMeta):
    advisory_sessions: list[AdvisorySessionOut] = Field(default_factory=list)
