from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from api.records.schemas import Provenance, RecordMeta
from api.records.types import Alias, LongText, ShortText, Slug

Topic = Literal[
    "locations", "advisory_hours", "offers", "codex", "process", "org", "smalltalk", "human"
]


class FaqFields(Provenance):
    questions: list[Alias] = Field(min_length=1, max_length=50, description="Spørgsmålsvarianter")
    answer: LongText
    topic: Topic
    status: Literal["published", "draft"] = "draft"
    url: ShortText | None = None


class FaqRecord(FaqFields):
    slug: Slug


class FaqOut(FaqRecord, RecordMeta):
    pass


class FaqHit(BaseModel):
    slug: str
    question: str = Field(description="Den spørgsmålsvariant, der passede bedst")
    answer: str
    url: str | None
    score: float = Field(ge=0, le=100)
    source: str
