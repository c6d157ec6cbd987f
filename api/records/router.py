"""Builds the staff endpoints (create, read, update, soft delete, publish, history, revert)
for one kind of record, with that kind's own schemas so the OpenAPI document is exact.

No ``from __future__ import annotations`` here: the endpoint signatures use per-kind types
from the enclosing function, which must be evaluated when the function is defined."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request, Response
from pydantic import BaseModel, create_model

from api.audit import service as audit
from api.auth.deps import AUTH_RESPONSES, EditorDep
from api.db import SessionDep
from api.deps import SettingsDep
from api.errors import Conflict, NotFound, PreconditionFailed, PreconditionRequired, responses
from api.history import service as history
from api.history.schemas import VersionOut
from api.ratelimit import client_ip
from api.records import service
from api.records.kind import Kind
from api.records.schemas import StaffMeta

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description='Versionen du har redigeret, fx "3" (fra ETag)'),
]

NOT_FOUND = AUTH_RESPONSES | responses(NotFound)
CONFLICT = AUTH_RESPONSES | responses(Conflict)
PRECONDITION = NOT_FOUND | responses(PreconditionFailed, PreconditionRequired)


class Staff:
    """What a staff endpoint for one record depends on: the database, settings, the editor,
    the request (for the audit log) and the response (for the ETag)."""

    def __init__(
        self,
        session: SessionDep,
        settings: SettingsDep,
        user: EditorDep,
        request: Request,
        response: Response,
    ) -> None:
        self.session, self.settings, self.user = session, settings, user
        self.request, self.response = request, response

    def reply(self, kind: Kind, obj: Any) -> dict[str, Any]:
        """The staff view of the record, with its version as ETag."""
        self.response.headers["ETag"] = f'"{obj.version}"'
        return service.staff_out(kind, obj, self.settings)

    def audit(self, action: str, kind: Kind, obj: Any, **detail: Any) -> None:
        """An audit entry for this change, saved in the same transaction."""
        audit.record(
            self.session,
            action=action,
            actor=self.user.username,
            target=f"{kind.name}/{getattr(obj, kind.key_field)}",
            client=client_ip(self.request),
            detail={"version": obj.version, **detail},
        )

    def saved(self, kind: Kind, obj: Any, action: str, before: int | None, **detail: Any):
        """Commits the change with its audit entry (none if nothing changed) and replies."""
        if obj.version != before:
            self.audit(action, kind, obj, **detail)
        self.session.commit()
        return self.reply(kind, obj)


StaffDep = Annotated[Staff, Depends()]

_STAFF_SCHEMAS: dict[str, type[BaseModel]] = {}


def staff_out_schema(kind: Kind) -> type[BaseModel]:
    """The staff view of a record (adds deleted/updated_at/updated_by); one class per kind."""
    if kind.name not in _STAFF_SCHEMAS:
        name = kind.out_schema.__name__.removesuffix("Out") + "StaffOut"
        _STAFF_SCHEMAS[kind.name] = create_model(name, __base__=(kind.out_schema, StaffMeta))
    return _STAFF_SCHEMAS[kind.name]


def key_annotation(kind: Kind) -> Any:
    info = kind.record_schema.model_fields[kind.key_field]
    return Annotated[(info.annotation, *info.metadata, Path())]


def build_staff_router(kind: Kind) -> APIRouter:  # noqa: C901 - one closure per endpoint
    router = APIRouter(prefix=f"/api/staff/{kind.name}", tags=[f"staff: {kind.name}"])
    Out = staff_out_schema(kind)  # noqa: N806 - a class
    Fields = kind.fields_schema  # noqa: N806 - a class
    Key = key_annotation(kind)  # noqa: N806 - a type
    Body_ = Annotated[Fields, Body()]  # noqa: N806 - a type

    @router.get(
        "",
        response_model=list[Out],
        responses=AUTH_RESPONSES,
        summary=f"List {kind.name} (også kladder og evt. slettede)",
    )
    def list_records(staff: StaffDep, include_deleted: Annotated[bool, Query()] = False):
        query = service.all_query(kind) if include_deleted else service.live_query(kind)
        rows = staff.session.scalars(service.ordered(kind, query)).all()
        return [service.staff_out(kind, obj, staff.settings) for obj in rows]

    @router.get(
        "/{key}",
        response_model=Out,
        responses=NOT_FOUND,
        summary=f"Hent én {kind.label} med ETag",
    )
    def get_record(key: Key, staff: StaffDep):
        return staff.reply(kind, service.get_or_404(staff.session, kind, key, include_deleted=True))

    @router.post(
        "/{key}",
        status_code=201,
        response_model=Out,
        responses=CONFLICT,
        summary=f"Opret {kind.label}",
    )
    def create_record(key: Key, body: Body_, staff: StaffDep):
        obj = service.create(staff.session, kind, key, body, staff.user.username, staff.settings)
        return staff.saved(kind, obj, "record_created", None)

    @router.put(
        "/{key}",
        response_model=Out,
        responses=PRECONDITION,
        summary=f"Ret {kind.label} (kræver If-Match)",
    )
    def update_record(key: Key, body: Body_, staff: StaffDep, if_match: IfMatch = None):
        expected = service.parse_if_match(if_match)
        who, settings = staff.user.username, staff.settings
        obj = service.update(staff.session, kind, key, body, who, settings, expected=expected)
        return staff.saved(kind, obj, "record_updated", expected)

    @router.delete(
        "/{key}",
        status_code=204,
        response_class=Response,
        responses=PRECONDITION,
        summary=f"Slet {kind.label} (blød sletning, kan gendannes; kræver If-Match)",
    )
    def delete_record(key: Key, staff: StaffDep, if_match: IfMatch = None):
        expected = service.parse_if_match(if_match)
        who, settings = staff.user.username, staff.settings
        obj = service.soft_delete(staff.session, kind, key, who, settings, expected=expected)
        staff.audit("record_deleted", kind, obj)
        staff.session.commit()
        return Response(status_code=204)

    if kind.publishable:

        @router.post(
            "/{key}/publish",
            response_model=Out,
            responses=PRECONDITION,
            summary=f"Udgiv {kind.label} (kræver If-Match)",
        )
        def publish_record(key: Key, staff: StaffDep, if_match: IfMatch = None):
            expected = service.parse_if_match(if_match)
            who, settings = staff.user.username, staff.settings
            obj = service.publish(staff.session, kind, key, who, settings, expected=expected)
            return staff.saved(kind, obj, "record_published", expected)

    @router.get(
        "/{key}/history",
        response_model=list[VersionOut],
        responses=NOT_FOUND,
        summary="Versioner: hvem, hvornår, hvad ændrede sig (nyeste først)",
    )
    def record_history(key: Key, staff: StaffDep):
        service.get_or_404(staff.session, kind, key, include_deleted=True)
        return [
            VersionOut(
                version=row.version,
                action=row.action,
                who=row.who,
                when=row.at,
                changes=row.changes,
                snapshot=row.snapshot,
            )
            for row in history.list_versions(staff.session, kind.name, key)
        ]

    @router.post(
        "/{key}/revert/{version}",
        response_model=Out,
        responses=PRECONDITION,
        summary="Gendan en tidligere version (gemmes som en ny version; kræver If-Match)",
    )
    def revert_record(
        key: Key,
        version: Annotated[int, Path(ge=1, le=2_147_483_647)],
        staff: StaffDep,
        if_match: IfMatch = None,
    ):
        expected = service.parse_if_match(if_match)
        who, settings = staff.user.username, staff.settings
        obj = service.revert(staff.session, kind, key, version, who, settings, expected=expected)
        return staff.saved(kind, obj, "record_reverted", expected, reverted_to=version)

    return router
