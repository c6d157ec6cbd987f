"""The audit log for admins: GET /api/staff/audit."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from api.audit import service
from api.audit.schemas import Action, AuditOut
from api.auth.deps import AUTH_RESPONSES, AdminDep
from api.db import SessionDep

router = APIRouter(prefix="/api/staff", tags=["staff"])


@router.get(
    "/audit",
    response_model=list[AuditOut],
    responses=AUTH_RESPONSES,
    summary="Revisionslog: hvem loggede ind (eller forsøgte), hvem ændrede, gendannede eller "
    "indlæste hvad, og hvornår (nyeste først; kun administratorer)",
    description="Posterne slettes efter AUDIT_RETENTION_DAYS dage.",
)
def audit_log(
    session: SessionDep,
    _admin: AdminDep,
    action: Annotated[Action | None, Query(description="Kun denne slags hændelse")] = None,
    actor: Annotated[str | None, Query(max_length=100, description="Kun denne bruger")] = None,
    since: Annotated[
        datetime | None, Query(description="Fra og med (ISO 8601; uden tidszone: UTC)")
    ] = None,
    until: Annotated[
        datetime | None, Query(description="Før (ISO 8601; uden tidszone: UTC)")
    ] = None,
    before_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="Næste side: id'et på forrige sides sidste")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditOut]:
    rows = service.list_entries(
        session,
        action=action,
        actor=actor,
        since=since,
        until=until,
        before_id=before_id,
        limit=limit,
    )
    return [AuditOut.model_validate(row, from_attributes=True) for row in rows]
