"""places: for_young_people and max_age, so staff say which place is for young citizens

Revision ID: 5b1e0c7d2a91
Revises: 924b4fa4eb6b
Create Date: 2026-12-03 19:40:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b1e0c7d2a91"
down_revision: str | None = "924b4fa4eb6b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE: a batch copy of places would break the advisory sessions' foreign keys
    op.add_column(
        "places",
        sa.Column("for_young_people", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("places", sa.Column("max_age", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("places", "max_age")  # SQLite 3.35+ drops a column in place
    op.drop_column("places", "for_young_people")
