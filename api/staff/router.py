from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api import content_io
from api.audit import service as audit
from api.auth.deps import AUTH_RESPONSES, AdminDep, EditorDep
from api.db import SessionDep
from api.deps import SettingsDep
from api.errors import ChangedSinceExport, ContentInvalid, UnsupportedMediaType, responses
from api.kinds import KINDS
from api.ratelimit import client_ip
from api.records import service
from api.records.kind import Kind
from api.settings import Settings

router = APIRouter(prefix="/api/staff", tags=["staff"])

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/plain")
MAX_AUDITED_CHANGES = 500  # changed records named in an import's audit entry


class StaleItem(BaseModel):
    kind: str
    key: str
    title: str
    last_verified: date | None
    source: str
    version: int


class KindOut(BaseModel):
    name: str = Field(description="Delen af URL'en, fx process-rules")
    section: str = Field(description="Sektionen i indholdsfilen, fx process_rules")
    label: str = Field(description="Dansk navn for én post, fx procesregel")
    heading: str = Field(description="Editorens overskrift for listen")
    key: str = Field(description="Feltet med postens nøgle (slug, number eller key)")
    title: str = Field(description="Feltet der navngiver en post i lister")
    publishable: bool = Field(description="Kladder vises først for borgerne, når de er udgivet")
    references: dict[str, str] = Field(
        description="Felt -> den slags post (name), hvis nøgle feltet indeholder"
    )
    fields: list[str] = Field(
        description="Felterne i den rækkefølge, editoren viser dem: nøglen, postens egne felter "
        "og til sidst dem, alle poster har (kilde, sidst kontrolleret)"
    )
    schema_: dict[str, Any] = Field(
        alias="schema",
        description="JSON Schema for én post (felter og nøgle): titel = dansk feltnavn, "
        "description = hjælpetekst, x-labels = danske navne for valgmulighederne",
    )


def form_order(schema: type[BaseModel]) -> list[str]:
    """The schema's fields, each class's own before those it inherits (key, topic, provenance)."""
    order: list[str] = []
    for cls in schema.__mro__:
        order += [n for n in vars(cls).get("__annotations__", {}) if n in schema.model_fields]
    return list(dict.fromkeys(order))


@cache
def describe(kind: Kind) -> KindOut:
    return KindOut.model_validate(
        {
            "name": kind.name,
            "section": kind.section,
            "label": kind.label,
            "heading": kind.heading,
            "key": kind.key_field,
            "title": kind.title_field,
            "publishable": kind.publishable,
            "references": {field: target.name for field, target in kind.references.items()},
            "fields": form_order(kind.record_schema),
            "schema": kind.record_schema.model_json_schema(),
        }
    )


@router.get(
    "/kinds",
    response_model=list[KindOut],
    responses=AUTH_RESPONSES,
    summary="Hver slags post med felter, danske feltnavne og hjælpetekster (til editoren)",
)
def kinds(_user: EditorDep) -> list[KindOut]:
    return [describe(kind) for kind in KINDS]


@router.get(
    "/stale",
    response_model=list[StaleItem],
    responses=AUTH_RESPONSES,
    summary="Poster der ikke er kontrolleret inden for STALE_AFTER_DAYS",
)
def stale_records(session: SessionDep, settings: SettingsDep, _user: EditorDep) -> list[StaleItem]:
    items = []
    for kind in KINDS:
        for obj in session.scalars(service.ordered(kind, service.live_query(kind))):
            if service.is_stale(obj.last_verified, settings):
                items.append(
                    StaleItem(
                        kind=kind.name,
                        key=str(getattr(obj, kind.key_field)),
                        title=kind.title(obj),
                        last_verified=obj.last_verified,
                        source=obj.source,
                        version=obj.version,
                    )
                )
    return items


@router.get(
    "/export",
    response_class=Response,
    responses=AUTH_RESPONSES
    | {
        200: {
            "description": "YAML-dokument i samme form som content/seed.yml",
            "content": {"application/yaml": {"schema": {"type": "object"}}},
        }
    },
    summary="Hele indholdet som YAML (samme form som content/seed.yml)",
)
def export_content(session: SessionDep, _user: EditorDep) -> Response:
    return Response(
        content_io.export_yaml(session),
        media_type="application/yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="content.yml"'},
    )


class ImportOptions(BaseModel):
    replace: bool = Field(False, description="Slet (blødt) poster, der ikke er i filen")
    dry_run: bool = Field(False, description="Vis hvad der ville ske; intet gemmes")
    check_versions: bool = Field(
        False,
        description="Afvis (409) hvis en post i filen er ændret siden eksporten "
        "(filens exported_versions); i en prøvekørsel vises de i conflicts",
    )
    restore_deleted: bool = Field(
        False, description="Gendan poster, der er slettet her men står i filen"
    )


@router.post(
    "/import",
    response_model=content_io.ImportReport,
    responses=AUTH_RESPONSES
    | responses(ChangedSinceExport, UnsupportedMediaType, notes={415: "Ikke YAML"}),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/yaml": {"schema": {"type": "string"}}},
        }
    },
    summary="Indlæs YAML: opretter og retter, viser hver ændring (dry_run=true: kun vis); "
    "slettede poster gendannes kun med restore_deleted=true",
)
async def import_content(
    request: Request,
    settings: SettingsDep,
    admin: AdminDep,
    session: SessionDep,
    options: Annotated[ImportOptions, Query()],
) -> content_io.ImportReport:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in YAML_TYPES:
        raise UnsupportedMediaType("Send indholdet som application/yaml")
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise ContentInvalid(["body"], "filen skal være UTF-8") from None
    client = client_ip(request)
    return await run_in_threadpool(
        _import, session, text, admin.username, client, settings, options
    )


def _import(
    session: Session, text: str, who: str, client: str, settings: Settings, options: ImportOptions
) -> content_io.ImportReport:
    content = content_io.parse_yaml(text)
    report = content_io.import_content(
        session,
        content,
        who,
        settings,
        replace=options.replace,
        restore_deleted=options.restore_deleted,
        check_versions=options.check_versions,
        dry_run=options.dry_run,
    )
    if options.dry_run:
        session.rollback()
        return report
    changed = [f"{c.section}/{c.key}: {c.action}" for c in report.changes[:MAX_AUDITED_CHANGES]]
    audit.record(
        session,
        action="content_imported",
        actor=who,
        target="content",
        client=client,
        detail=report.totals()
        | options.model_dump(exclude={"dry_run"})
        | {"changes": changed, "more_changes": max(0, len(report.changes) - len(changed))},
    )
    session.commit()
    return report
