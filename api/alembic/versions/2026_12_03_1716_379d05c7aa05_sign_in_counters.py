"""sign-in counters: attempts per (account, client) and per client, shared by all workers

Revision ID: 379d05c7aa05
Revises: 92d3a815ac68
Create Date: 2026-12-03 17:16:48.840373+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "379d05c7aa05"
down_revision: str | None = "92d3a815ac68"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_counters",
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "account", "client", name=op.f("pk_sign_in_counters")),
    )
    with op.batch_alter_table("sign_in_counters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_counters_last_at"), ["last_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sign_in_counters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_counters_last_at"))

    op.drop_table("sign_in_counters")
