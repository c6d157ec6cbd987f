from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

AnswerId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z_]+:[a-z0-9_-]+$", max_length=200)
]
IntentName = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z_]+$", max_length=100)
]


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: AnswerId = Field(description='"<kind>:<slug>", fx "places:huset-tvaers"')
    intent: IntentName
    helpful: bool


class RatingOut(BaseModel):
    id: int
    answer_id: str
    intent: str
    helpful: bool


class RatingSummary(BaseModel):
    answer_id: str
    helpful: int
    not_helpful: int
