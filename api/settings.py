"""Service settings, read from the environment (never at import time: call ``load_settings``)."""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV_SECRET = "development-only-secret-change-me"  # noqa: S105 - refused outside dev/test
MIN_SECRET_LENGTH = 32
KEY_MISSING_ADVICE = (
    "FACTS_SECRET_KEY mangler eller er standardværdien; sæt en lang tilfældig "
    "nøgle (eller FACTS_ENV=development for lokal udvikling)"
)


class Settings(BaseSettings):
    """All knobs of the facts service. Env names are the field names in upper case."""

    model_config = SettingsConfigDict(case_sensitive=False, extra="ignore")

    # The folder `make run` keeps its data in; the default database is facts.db in it, so
    # the CLI (create-admin, export ...) finds the same database as `make run`.
    var_dir: Path = REPO_ROOT / "var"
    database_url: str = ""
    facts_port: int = Field(default=8000, ge=1, le=65535)
    facts_host: str = "127.0.0.1"
    facts_env: Literal["production", "development", "test"] = "production"
    facts_secret_key: str = ""
    stale_after_days: int = Field(default=365, ge=1)
    # The search over all content (GET /api/search) calls its best hit clear when it scores
    # at least this (0-100) and leads the runner-up by the margin; calibrated on the blind
    # questions in tests/conversations/ (scripts/calibrate_search.py).
    search_clear_score: float = Field(default=65.0, ge=0, le=100)
    search_clear_margin: float = Field(default=8.0, ge=0, le=100)
    token_minutes: int = Field(default=30, ge=1, le=24 * 60)
    token_seconds: int | None = Field(default=None, ge=1, le=24 * 60 * 60)
    token_max_hours: int = Field(default=10, ge=1, le=7 * 24)
    # Sign-in: failures per (account, client) and per client before each further attempt
    # must wait, the first wait (doubling) and its cap, how long a count lasts, and how many
    # password checks run at once (0: one per core). See api/auth/throttle.py.
    login_free_attempts: int = Field(default=5, ge=1, le=100)
    login_client_free_attempts: int = Field(default=20, ge=1, le=10_000)
    login_first_delay_seconds: int = Field(default=30, ge=1, le=3600)
    login_max_delay_minutes: int = Field(default=15, ge=1, le=24 * 60)
    login_window_hours: int = Field(default=24, ge=1, le=24 * 30)
    login_hash_concurrency: int = Field(default=0, ge=0, le=64)
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    # Citizens' ratings per client address within the window (POST /api/feedback).
    feedback_max_per_client: int = Field(default=60, ge=1, le=10_000)
    feedback_window_minutes: int = Field(default=10, ge=1, le=24 * 60)
    # Retention: what `facts-service purge` deletes, and what /privatliv states. The reasons
    # for the defaults are in docs/data-protection.md.
    conversation_retention_days: int = Field(default=30, ge=1, le=3650)
    log_retention_days: int = Field(default=30, ge=1, le=3650)
    rating_retention_days: int = Field(default=365, ge=1, le=3650)
    # Rasa's SQL tracker store (the same database as `tracker_store:` in Rasa's endpoints.yml)
    # and the folder of the servers' log files, both of which the purge cleans.
    tracker_store_url: str = "sqlite:///var/rasa-tracker.db"
    log_dir: Path = REPO_ROOT / "var" / "log"
    rasa_url: str = "http://localhost:5005"
    chat_origins: str = ""
    web_dir: Path = REPO_ROOT / "web"
    # /docs and /openapi.json; None: on in development and test, off in production.
    api_docs: bool | None = None
    # The staff audit log (GET /api/staff/audit) keeps entries this long.
    audit_retention_days: int = Field(default=365, ge=1, le=3650)

    @model_validator(mode="after")
    def _check_secret(self) -> Settings:
        """A secret that is set must be usable. A missing one is refused by the HTTP service
        (``require_token_secret``), the only part that signs tokens: the CLI's migrate, seed,
        create-admin and export work without it."""
        relaxed = self.facts_env in ("development", "test")
        if not self.facts_secret_key or self.facts_secret_key == DEV_SECRET:
            if relaxed:
                self.facts_secret_key = DEV_SECRET
            elif self.facts_secret_key == DEV_SECRET:
                raise ValueError(KEY_MISSING_ADVICE)
        elif len(self.facts_secret_key) < MIN_SECRET_LENGTH and not relaxed:
            raise ValueError(f"FACTS_SECRET_KEY skal være mindst {MIN_SECRET_LENGTH} tegn")
        return self

    def require_token_secret(self) -> str:
        """The key that signs staff tokens; refuses to go on without one outside dev/test."""
        if not self.facts_secret_key:
            raise ValueError(KEY_MISSING_ADVICE)
        return self.facts_secret_key

    @cached_property
    def sqlalchemy_url(self) -> str:
        """DATABASE_URL (default: facts.db in VAR_DIR) with a relative SQLite path made
        absolute against the repo root."""
        return resolve_database_url(self.database_url or f"sqlite:///{self.var_dir / 'facts.db'}")

    @property
    def api_docs_enabled(self) -> bool:
        return self.api_docs if self.api_docs is not None else self.facts_env != "production"

    @cached_property
    def tracker_sqlalchemy_url(self) -> str:
        """TRACKER_STORE_URL for this environment's SQLAlchemy: a relative SQLite path made
        absolute against the repo root, PostgreSQL through psycopg 3 (Rasa's own env uses
        psycopg2, so a plain ``postgresql://`` URL works on both sides)."""
        return resolve_database_url(service_driver(self.tracker_store_url), create_dir=False)

    @property
    def token_lifetime(self) -> timedelta:
        """How long a staff token lasts after sign-in or renewal: TOKEN_SECONDS (for tests)
        when set, else TOKEN_MINUTES."""
        return timedelta(seconds=self.token_seconds or self.token_minutes * 60)

    @property
    def chat_origin_list(self) -> list[str]:
        return [o.strip() for o in self.chat_origins.split(",") if o.strip()]


def resolve_database_url(url: str, *, create_dir: bool = True) -> str:
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == "sqlite:///:memory:":
        return url
    raw = url.removeprefix(prefix)
    path = Path(raw)
    if not path.is_absolute():
        path = REPO_ROOT / path
    if create_dir:
        path.parent.mkdir(parents=True, exist_ok=True)
    return prefix + str(path)


def service_driver(url: str) -> str:
    """A PostgreSQL URL with psycopg 3, the driver this environment has."""
    for scheme in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)
