"""The one read path of the public (no sign-in) endpoints.

Every live record of a kind (of a publishable kind: every published one) is validated once
per content state (``api.records.cache``). Endpoints return the records as their response
model and send an ETag: the record's version for one record, a hash of the records for a list."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.db import SessionDep
from api.deps import CacheDep, SettingsDep
from api.errors import NotFound
from api.records import service
from api.records.kind import Kind
from api.settings import Settings


def live_records(session: Session, kind: Kind, settings: Settings) -> dict[str, BaseModel]:
    query = service.ordered(kind, service.live_query(kind))
    if kind.publishable:
        query = query.where(kind.model.status == "published")
    return {
        str(getattr(obj, kind.key_field)): service.out_model(kind, obj, settings)
        for obj in session.scalars(query)
    }


def list_etag(records: list[BaseModel]) -> str:
    digest = hashlib.sha256()
    for record in records:
        digest.update(record.model_dump_json().encode())
    return f'"{digest.hexdigest()[:32]}"'


class PublicReads:
    """What a public read endpoint depends on (``ReadsDep``)."""

    def __init__(
        self, session: SessionDep, settings: SettingsDep, cache: CacheDep, response: Response
    ) -> None:
        self.session, self.settings, self.cache, self.response = session, settings, cache, response

    def live(self, kind: Kind) -> dict[str, BaseModel]:
        """Every live record by key, in list order (built once per content state)."""
        return self.cache.get(
            self.session, f"live:{kind.name}", lambda s: live_records(s, kind, self.settings)
        )

    def one(self, kind: Kind, key: str | int) -> Any:
        record = self.live(kind).get(str(key))
        if record is None:
            raise NotFound(f"{kind.label} '{key}' findes ikke")
        return record

    def get(self, kind: Kind, key: str | int) -> Any:
        """One record, with its version as ETag."""
        record = self.one(kind, key)
        self.response.headers["ETag"] = f'"{record.version}"'
        return record

    def list(self, kind: Kind, keep: Callable[[Any], bool] | None = None) -> list[Any]:
        """The records (those ``keep`` accepts), with an ETag for the list."""
        records = [r for r in self.live(kind).values() if keep is None or keep(r)]
        self.response.headers["ETag"] = list_etag(records)
        return records


ReadsDep = Annotated[PublicReads, Depends()]
