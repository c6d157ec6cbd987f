"""The app factory. Nothing is created at import time: call ``create_app()``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.advisory_sessions.router import router as advisory_sessions_router
from api.api_docs import mount_docs
from api.audit.router import router as audit_router
from api.auth.router import router as auth_router
from api.auth.security import HashSlots, cores
from api.auth.throttle import Policy, SignInThrottle
from api.codex.router import router as codex_router
from api.db import make_engine, make_session_factory
from api.errors import install_error_handlers
from api.faq.router import router as faq_router
from api.feedback.limit import FeedbackLimit
from api.feedback.router import router as feedback_router
from api.health import router as health_router
from api.kinds import KINDS
from api.middleware import BodySizeLimit, SecurityHeaders
from api.offers.router import router as offers_router
from api.org_units.router import router as org_units_router
from api.places.router import router as places_router
from api.process_rules.router import router as process_rules_router
from api.records.cache import ContentCache
from api.records.router import build_staff_router
from api.resolve.router import router as resolve_router
from api.search.router import router as search_router
from api.settings import Settings, load_settings
from api.staff.router import router as staff_router
from api.texts.router import router as texts_router
from api.web_pages import mount_web

PUBLIC_ROUTERS = (
    health_router,
    places_router,
    advisory_sessions_router,
    offers_router,
    codex_router,
    process_rules_router,
    org_units_router,
    faq_router,
    texts_router,
    resolve_router,
    search_router,
    feedback_router,
)

DESCRIPTION = """Faktaservice for Jobcenter Randers' chatassistent.

Offentlige læse-endpoints bruges af botten og widgetten uden login. Medarbejdere retter
indholdet via `/api/staff/...` med et Bearer-token fra `/api/auth/token`; hver post har en
version (ETag), og ændringer kræver `If-Match`, så ingen ændringer går tabt."""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    settings.require_token_secret()
    engine = make_engine(settings.sqlalchemy_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Jobcenter Randers faktaservice",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load scripts from a CDN: ours are served from here.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_url="/openapi.json" if settings.api_docs_enabled else None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.sign_in_throttle = SignInThrottle(Policy.from_settings(settings))
    app.state.hash_slots = HashSlots(settings.login_hash_concurrency or cores())
    app.state.feedback_limit = FeedbackLimit.from_settings(settings)
    app.state.content_cache = ContentCache(
        [kind.model for kind in KINDS], lambda: settings.stale_after_days
    )

    install_error_handlers(app)
    for router in PUBLIC_ROUTERS:
        app.include_router(router)
    app.include_router(auth_router)
    app.include_router(staff_router)
    app.include_router(audit_router)
    for kind in KINDS:
        app.include_router(build_staff_router(kind))
    if settings.api_docs_enabled:
        mount_docs(app)
    mount_web(app, settings.web_dir)

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    if settings.chat_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.chat_origin_list,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type"],
            max_age=600,
        )
    app.add_middleware(SecurityHeaders, connect_sources=[settings.rasa_url])
    return app
