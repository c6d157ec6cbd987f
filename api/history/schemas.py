from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class VersionOut(BaseModel):
    version: int
    action: str = Field(description="create, update, delete, publish, revert eller import")
    who: str
    when: datetime
    changes: dict[str, Any] = Field(description='{felt: {"from": gammel, "to": ny}}')
    snapshot: dict[str, Any]
