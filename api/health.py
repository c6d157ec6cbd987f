from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.db import database_reachable

router = APIRouter(tags=["health"])


class HealthOut(BaseModel):
    status: Literal["ok", "error"]
    database: Literal["ok", "error"]


@router.get(
    "/health",
    response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "Databasen svarer ikke"}},
)
async def health(request: Request):
    if await run_in_threadpool(database_reachable, request.app.state.engine):
        return HealthOut(status="ok", database="ok")
    return JSONResponse({"status": "error", "database": "error"}, status_code=503)
