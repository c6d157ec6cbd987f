"""Import and export of the whole content as YAML, in the shape of docs/contract.md.

export → import → export gives the same text; import never deletes unless asked (``replace``),
never brings a deleted record back unless asked (``restore_deleted``), reports each record it
changes (also as a dry run, which the caller rolls back) and, asked to (``check_versions``),
refuses records changed since the export: the export ends with each record's version
(``exported_versions``). Every change it makes is logged in the history like a staff edit."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.errors import ChangedSinceExport, ContentErrors, ContentInvalid, translate
from api.history import service as history
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


ExportedVersions = dict[str, dict[str | int, int]]
# Sections renamed since files were exported: old name -> section. Such files still import.
FORMER_SECTIONS = {"sessions": "advisory_sessions"}


def _renamed(data: dict[str, Any], where: str = "") -> dict[str, Any]:
    data = dict(data)
    for old, section in FORMER_SECTIONS.items():
        if old in data:
            if section in data:
                raise ValueError(f"{where}{old} og {section} er samme sektion; brug kun {section}")
            data[section] = data.pop(old)
    return data


class ContentBase(BaseModel):
    """The content file: ``version``, one list per kind (see ``ContentFile``) and, in an
    export, ``exported_versions``: each record's version when it was exported."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1

    @model_validator(mode="before")
    @classmethod
    def _former_section_names(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = _renamed(data)
            versions = data.get("exported_versions")
            if isinstance(versions, dict):
                data["exported_versions"] = _renamed(versions, "exported_versions: ")
        return data

    @model_validator(mode="after")
    def _unique_keys(self) -> ContentBase:
        for kind in KINDS:
            keys = Counter(getattr(r, kind.key_field) for r in getattr(self, kind.section))
            twice = ", ".join(sorted(str(k) for k, n in keys.items() if n > 1))
            if twice:
                raise ValueError(f"{kind.section}: samme nøgle står flere gange: {twice}")
        sections = {kind.section for kind in KINDS}
        unknown = sorted(set(self.exported_versions or {}) - sections)  # type: ignore[attr-defined]
        if unknown:
            raise ValueError(f"exported_versions: ukendte sektioner: {', '.join(unknown)}")
        return self


ContentFile = create_model(
    "ContentFile",
    __base__=ContentBase,
    **{k.section: (list[k.record_schema], Field(default_factory=list)) for k in KINDS},
    exported_versions=(ExportedVersions | None, None),
)

ChangeAction = Literal["created", "updated", "restored", "deleted", "kept_deleted"]
COUNTS = ("created", "updated", "restored", "unchanged", "deleted", "kept_deleted")


class ImportChange(BaseModel):
    section: str
    key: str
    action: ChangeAction = Field(
        description="created, updated, restored (var slettet), deleted (replace), kept_deleted "
        "(slettet her; gendannes kun med restore_deleted)"
    )
    version: int | None = Field(description="Postens version før indlæsningen")
    fields: list[str] = Field(description="Felter der ændres")


class ImportConflict(BaseModel):
    section: str
    key: str
    exported_version: int | None = Field(description="Versionen i filen (None: ikke eksporteret)")
    current_version: int | None = Field(description="Versionen nu (None: findes ikke)")
    updated_by: str | None
    updated_at: datetime | None


class ImportReport(BaseModel):
    dry_run: bool = False
    created: dict[str, int]
    updated: dict[str, int]
    restored: dict[str, int] = Field(default_factory=dict)
    unchanged: dict[str, int]
    deleted: dict[str, int]
    kept_deleted: dict[str, int] = Field(default_factory=dict)
    changes: list[ImportChange] = Field(default_factory=list)
    conflicts: list[ImportConflict] = Field(
        default_factory=list, description="Poster ændret siden eksporten (check_versions)"
    )

    def count(self, section: str, action: str) -> None:
        counts = getattr(self, action)
        counts[section] = counts.get(section, 0) + 1

    def totals(self) -> dict[str, int]:
        """All sections added up, e.g. {"created": 2, "updated": 1, ...}."""
        return {name: sum(getattr(self, name).values()) for name in COUNTS}


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
    versions: dict[str, dict[str | int, int]] = {}
    for kind in KINDS:
        rows = list(session.scalars(service.ordered(kind, service.live_query(kind))))
        data[kind.section] = [service.record_model(kind, r).model_dump(mode="python") for r in rows]
        versions[kind.section] = {getattr(r, kind.key_field): r.version for r in rows}
    data["exported_versions"] = versions
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
    session: Session,
    kind: Kind,
    records: list[BaseModel],
    who: str,
    settings: Settings,
    report: ImportReport,
    *,
    restore_deleted: bool,
) -> None:
    section = kind.section
    for position, record in enumerate(records):
        key = getattr(record, kind.key_field)
        try:
            existing = service.find(session, kind, key, include_deleted=True)
            fields = _fields(kind, record)
            if existing is None:
                obj = service.create(session, kind, key, fields, who, settings, action="import")
                changed = [k for k, v in service.snapshot(kind, obj).items() if v not in (None, [])]
                report.changes.append(
                    ImportChange(
                        section=section, key=str(key), action="created", version=None,
                        fields=[name for name in changed if name != kind.key_field],
                    )
                )  # fmt: skip
                report.count(section, "created")
                continue
            deleted = existing.deleted_at is not None
            if deleted and not restore_deleted:
                report.changes.append(
                    ImportChange(
                        section=section, key=str(key), action="kept_deleted",
                        version=existing.version, fields=[],
                    )
                )  # fmt: skip
                report.count(section, "kept_deleted")
                continue
            before, version = service.snapshot(kind, existing), existing.version
            obj = service.update(
                session, kind, key, fields, who, settings,
                expected=None, action="import", include_deleted=True,
            )  # fmt: skip
            if obj.version == version:
                report.count(section, "unchanged")
                continue
            action = "restored" if deleted else "updated"
            report.changes.append(
                ImportChange(
                    section=section, key=str(key), action=action, version=version,
                    fields=list(history.diff(before, service.snapshot(kind, obj))),
                )
            )  # fmt: skip
            report.count(section, action)
        except ContentInvalid as exc:
            loc = [section, position, *[p for p in exc.loc if p != "body"]]
            raise ContentInvalid(loc, f"{section}[{position}] '{key}': {exc.detail}") from None


def _missing(session: Session, kind: Kind, records: list[BaseModel]) -> list[Any]:
    """Live records that are not in the file (what ``replace`` deletes)."""
    keep = {getattr(r, kind.key_field) for r in records}
    return [
        obj
        for obj in session.scalars(service.ordered(kind, service.live_query(kind)))
        if getattr(obj, kind.key_field) not in keep
    ]


def _delete_missing(
    session: Session,
    kind: Kind,
    records: list[BaseModel],
    who: str,
    settings: Settings,
    report: ImportReport,
) -> None:
    for obj in _missing(session, kind, records):
        key = getattr(obj, kind.key_field)
        report.changes.append(
            ImportChange(
                section=kind.section, key=str(key), action="deleted", version=obj.version,
                fields=["deleted"],
            )
        )  # fmt: skip
        service.soft_delete(session, kind, key, who, settings, expected=obj.version)
        report.count(kind.section, "deleted")


def changed_since_export(
    session: Session, content: ContentFile, *, replace: bool
) -> list[ImportConflict]:
    """Records the import would write whose version is no longer the one in the file's
    ``exported_versions`` (changed, deleted or created since the export)."""
    if content.exported_versions is None:
        raise ContentInvalid(
            ["body", "exported_versions"],
            "filen har ingen exported_versions; eksportér indholdet igen for at kunne "
            "tjekke versionerne (check_versions)",
        )
    conflicts = []
    for kind in KINDS:
        exported = {str(k): v for k, v in content.exported_versions.get(kind.section, {}).items()}
        records = getattr(content, kind.section)
        touched = [getattr(r, kind.key_field) for r in records]
        if replace:
            touched += [getattr(obj, kind.key_field) for obj in _missing(session, kind, records)]
        for key in touched:
            current = service.find(session, kind, key, include_deleted=True)
            now = current.version if current is not None else None
            if exported.get(str(key)) != now:
                conflicts.append(
                    ImportConflict(
                        section=kind.section, key=str(key), exported_version=exported.get(str(key)),
                        current_version=now,
                        updated_by=current.updated_by if current is not None else None,
                        updated_at=current.updated_at if current is not None else None,
                    )
                )  # fmt: skip
    return conflicts


def import_content(
    session: Session,
    content: ContentFile,
    who: str,
    settings: Settings,
    *,
    replace: bool = False,
    restore_deleted: bool = False,
    check_versions: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Create or update every record in the file (one transaction: the caller commits, or
    rolls back a dry run). ``check_versions``: records changed since the export refuse the
    whole import (409), or are listed in a dry run's report."""
    report = ImportReport(
        dry_run=dry_run, created={}, updated={}, restored={}, unchanged={}, deleted={},
        kept_deleted={},
    )  # fmt: skip
    if check_versions:
        report.conflicts = changed_since_export(session, content, replace=replace)
        if report.conflicts and not dry_run:
            raise ChangedSinceExport([c.model_dump(mode="json") for c in report.conflicts])
    for kind in IMPORT_ORDER:
        records = getattr(content, kind.section)
        _import_kind(session, kind, records, who, settings, report, restore_deleted=restore_deleted)
    if replace:
        for kind in reversed(IMPORT_ORDER):
            records = getattr(content, kind.section)
            _delete_missing(session, kind, records, who, settings, report)
    return report


def missing_text_keys(content: ContentFile) -> list[str]:
    present = {t.key for t in content.texts}
    return [k for k in REQUIRED_TEXT_KEYS if k not in present]
