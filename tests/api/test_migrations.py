"""Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from api.db import make_engine
from api.migrations import alembic_config, upgrade_head
from api.models import Base


def test_migrations_match_models_and_downgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade_head(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert diff == []
    assert mode == "wal" and fks == 1
    tables = set(inspect(engine).get_table_names())
    assert {"places", "sessions", "session_slots", "record_versions", "staff_users"} <= tables
    uniques = inspect(engine).get_unique_constraints("places")
    assert [u["name"] for u in uniques] == ["uq_places_slug"]  # naming convention
    engine.dispose()
    command.downgrade(alembic_config(url), "base")
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
