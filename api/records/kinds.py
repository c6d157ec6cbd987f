"""Description of one kind of content record, so one generic service can handle them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Kind:
    name: str  # URL segment and history kind, e.g. "process-rules"
    section: str  # key in the content YAML, e.g. "process_rules"
    label: str  # Danish noun for messages, e.g. "procesregel"
    model: type
    key_field: str  # "slug", "number" or "key"
    fields_schema: type[BaseModel]  # content without the key (request body)
    record_schema: type[BaseModel]  # YAML shape (content + key)
    out_schema: type[BaseModel]  # public response
    child_fields: tuple[str, ...] = ()
    column_map: dict[str, str] = field(default_factory=dict)
    read_children: Callable[[Any], dict[str, Any]] | None = None
    write_children: Callable[[Any, BaseModel], None] | None = None
    check_refs: Callable[[Session, BaseModel], None] | None = None
    out_extras: Callable[[Session, Any, Any], dict[str, Any]] | None = None
    load_options: tuple[Any, ...] = ()
    publishable: bool = False

    @property
    def key_type(self) -> type:
        return int if self.key_field == "number" else str

    def column(self, field_name: str) -> str:
        return self.column_map.get(field_name, field_name)

    def parse_key(self, raw: str | int) -> str | int:
        return int(raw) if self.key_type is int else str(raw)
