from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class SearchHit(BaseModel):
    kind: str = Field(description="Postens slags, fx places, offers, faq")
    key: str = Field(description="Postens nøgle (slug eller nummer)")
    title: str
    matched: str = Field(description="Det navn, spørgsmål eller den tekst, der passede bedst")
    score: float = Field(ge=0, le=100)
    source: str
    refs: dict[str, str | None] = Field(
        default_factory=dict, description="Posterne den henviser til, fx et tilbuds sted"
    )
    record: dict[str, Any] = Field(description="Posten som i den offentlige læsning")


class SearchOut(BaseModel):
    clear: bool = Field(description="Det bedste hit er sikkert nok til at svare med")
    hits: list[SearchHit]
