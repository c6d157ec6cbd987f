"""index on ratings.created_at: the purge deletes ratings by age

Revision ID: c03d45051e4c
Revises: a407d5bfff3b
Create Date: 2026-12-03 15:58:42.785413+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c03d45051e4c"
down_revision: str | None = "a407d5bfff3b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_created_at"), ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_created_at"))
