from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ResolveKind = Literal["place", "offer", "situation"]


class ResolveOut(BaseModel):
    kind: ResolveKind
    slug: str
    name: str
    score: float = Field(ge=0, le=100, description="100 = præcist match")
