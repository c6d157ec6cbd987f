"""What one kind of content record is. Each topic package declares its own in ``kind.py`` and
states only what differs; the generic service, public reads, staff router and content file
follow from it. ``api/kinds.py`` lists them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from api.settings import Settings


@dataclass(frozen=True, eq=False)
class Kind:
    name: str  # URL segment and history kind, e.g. "process-rules"
    label: str  # Danish noun for messages, e.g. "procesregel"
    heading: str  # the staff editor's Danish name for the list, e.g. "Sagsforløb og frister"
    model: type  # the table (columns named like the fields; child rows as relationships)
    fields_schema: type[BaseModel]  # content without the key (staff request body)
    record_schema: type[BaseModel]  # content file shape: fields and key
    out_schema: type[BaseModel]  # public response: record, version, stale (and extras)
    title_field: str  # what names a record in lists, e.g. "name"
    key_field: str = "slug"  # "slug", "number" or "key"
    # field -> the kind whose key it holds: checked on every write, imported before this kind
    references: Mapping[str, Kind] = field(default_factory=dict)
    publishable: bool = False  # drafts until published; the public sees published ones only
    out_extras: Callable[[Any, Settings], dict[str, Any]] | None = None
    # field -> weight in the search over all content (api/search); names weigh 1, longer
    # texts less. A kind without it is not searched.
    search_texts: Mapping[str, float] = field(default_factory=dict)

    @property
    def section(self) -> str:
        """The key in the content file, e.g. "process_rules"."""
        return self.name.replace("-", "_")

    @property
    def key_type(self) -> type:
        return int if self.key_field == "number" else str

    def parse_key(self, raw: str | int) -> str | int:
        return int(raw) if self.key_type is int else str(raw)

    def title(self, obj: Any) -> str:
        value = getattr(obj, self.title_field)
        if isinstance(value, list):
            value = value[0] if value else None
        return str(value or "")
