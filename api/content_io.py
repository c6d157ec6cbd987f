"""Import and export of the whole content as YAML, in the shape of docs/contract.md.

export → import → export gives the same text; import never deletes unless asked (``replace``)
and every change it makes is logged in the history like a staff edit."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.errors import ContentErrors, ContentInvalid, translate
from api.kinds import IMPORT_ORDER, KINDS
from api.records import service
from api.records.kind import Kind
from api.settings import Settings

REQUIRED_TEXT_KEYS = (
    "help_overview",
    "human_routes",
    "complaint",
    "privacy_notice",
    "distress_help",
    "reform_2025",
    "out_of_scope",
    "service_down",
)


class ContentBase(BaseModel):
    """The content file: ``version`` and one list per kind (see ``ContentFile``)."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1

    @model_validator(mode="after")
    def _unique_keys(self) -> ContentBase:
        for kind in KINDS:
            keys = Counter(getattr(r, kind.key_field) for r in getattr(self, kind.section))
            twice = ", ".join(sorted(str(k) for k, n in keys.items() if n > 1))
            if twice:
                raise ValueError(f"{kind.section}: samme nøgle står flere gange: {twice}")
        return self


ContentFile = create_model(
    "ContentFile",
    __base__=ContentBase,
    **{k.section: (list[k.record_schema], Field(default_factory=list)) for k in KINDS},
)


class ImportReport(BaseModel):
    created: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]
    deleted: dict[str, int]

    def totals(self) -> dict[str, int]:
        """All sections added up, e.g. {"created": 2, "updated": 1, ...}."""
        return {
            name: sum(getattr(self, name).values())
            for name in ("created", "updated", "unchanged", "deleted")
        }


def parse_yaml(text: str) -> ContentFile:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark else ""
        raise ContentInvalid(["body"], f"filen er ikke gyldig YAML{where}") from None
    if not isinstance(data, dict):
        raise ContentInvalid(["body"], "filen skal være et YAML-dokument med sektioner")
    try:
        return ContentFile.model_validate(data)
    except ValidationError as exc:
        raise ContentErrors(translate(exc.errors())) from None


def read_file(path: str) -> ContentFile:
    with open(path, encoding="utf-8") as handle:
        return parse_yaml(handle.read())


def export_data(session: Session) -> dict[str, Any]:
    data: dict[str, Any] = {"version": 1}
    for kind in KINDS:
        rows = session.scalars(service.ordered(kind, service.live_query(kind)))
        data[kind.section] = [service.record_model(kind, r).model_dump(mode="python") for r in rows]
    return data


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def export_yaml(session: Session) -> str:
    return dump_yaml(export_data(session))


def is_empty(session: Session) -> bool:
    return all(session.scalar(select(func.count()).select_from(kind.model)) == 0 for kind in KINDS)


def _fields(kind: Kind, record: BaseModel) -> BaseModel:
    data = {name: getattr(record, name) for name in kind.fields_schema.model_fields}
    return kind.fields_schema.model_validate(data)


def _import_kind(
    session: Session, kind: Kind, records: list[BaseModel], who: str, settings: Settings
) -> tuple[int, int, int]:
    created = updated = unchanged = 0
    for position, record in enumerate(records):
        key = getattr(record, kind.key_field)
        try:
            existing = service.find(session, kind, key, include_deleted=True)
            if existing is None:
                service.create(
                    session, kind, key, _fields(kind, record), who, settings, action="import"
                )
                created += 1
                continue
            before = existing.version
            obj = service.update(
                session,
                kind,
                key,
                _fields(kind, record),
                who,
                settings,
                expected=None,
                action="import",
                include_deleted=True,
            )
            if obj.version != before:
                updated += 1
            else:
                unchanged += 1
        except ContentInvalid as exc:
            loc = [kind.section, position, *[p for p in exc.loc if p != "body"]]
            raise ContentInvalid(loc, f"{kind.section}[{position}] '{key}': {exc.detail}") from None
    return created, updated, unchanged


def _delete_missing(
    session: Session, kind: Kind, records: list[BaseModel], who: str, settings: Settings
) -> int:
    keep = {getattr(r, kind.key_field) for r in records}
    gone = [
        obj
        for obj in session.scalars(service.live_query(kind))
        if getattr(obj, kind.key_field) not in keep
    ]
    for obj in gone:
        key = getattr(obj, kind.key_field)
        service.soft_delete(session, kind, key, who, settings, expected=obj.version)
    return len(gone)


def import_content(
    session: Session, content: ContentFile, who: str, settings: Settings, *, replace: bool = False
) -> ImportReport:
    """Create or update every record in the file (one transaction: the caller commits)."""
    report = ImportReport(created={}, updated={}, unchanged={}, deleted={})
    for kind in IMPORT_ORDER:
        records = getattr(content, kind.section)
        c, u, n = _import_kind(session, kind, records, who, settings)
        report.created[kind.section], report.updated[kind.section] = c, u
        report.unchanged[kind.section] = n
    if replace:
        for kind in reversed(IMPORT_ORDER):
            records = getattr(content, kind.section)
            report.deleted[kind.section] = _delete_missing(session, kind, records, who, settings)
    return report


def missing_text_keys(content: ContentFile) -> list[str]:
    present = {t.key for t in content.texts}
    return [k for k in REQUIRED_TEXT_KEYS if k not in present]
