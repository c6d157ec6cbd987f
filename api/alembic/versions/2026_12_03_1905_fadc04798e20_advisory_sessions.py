"""advisory sessions: one name for them in the tables, the history, the ratings and the audit log

The tables sessions, session_slots and session_exceptions become advisory_sessions,
advisory_session_slots and advisory_session_exceptions (the children's session_id becomes
advisory_session_id). They are built anew under the new names, so every constraint and index
is named as on a fresh database, and the rows are copied with their ids. The history's kind
"sessions" becomes "advisory-sessions" (the kind's name, as in /api/staff/advisory-sessions),
the audit log's targets "sessions/<slug>" likewise, and the ratings' answer ids "hours:..."
become "advisory_sessions:..." (what the bot sends now).

Revision ID: fadc04798e20
Revises: 379d05c7aa05
Create Date: 2026-12-03 19:05:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa
from alembic import op

revision: str = "fadc04798e20"
down_revision: str | None = "379d05c7aa05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


class Names(NamedTuple):
    parent: str
    slots: str
    exceptions: str
    parent_id: str  # the children's column that holds the parent's id


OLD = Names("sessions", "session_slots", "session_exceptions", "session_id")
NEW = Names(
    "advisory_sessions",
    "advisory_session_slots",
    "advisory_session_exceptions",
    "advisory_session_id",
)
PARENT_COLUMNS = (
    "id", "slug", "place_slug", "title", "kind", "description", "appointment_needed",
    "frequency_note", "valid_from", "valid_to", "source", "last_verified", "version",
    "deleted_at", "created_at", "updated_at", "updated_by",
)  # fmt: skip
SLOT_COLUMNS = ("id", "position", "weekday", "start", "end", "staff", "notes")
EXCEPTION_COLUMNS = ("id", "position", "date", "kind", "start", "end", "note")
# record_versions.kind: the old kind name -> the new one
HISTORY_KIND = ("sessions", "advisory-sessions")
# (table, column, old prefix, new prefix)
PREFIXES = (
    ("ratings", "answer_id", "hours:", "advisory_sessions:"),
    ("audit_log", "target", "sessions/", "advisory-sessions/"),
)


def _create(n: Names) -> None:
    op.create_table(
        n.parent,
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("place_slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("appointment_needed", sa.Boolean(), nullable=True),
        sa.Column("frequency_note", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_slug"], ["places.slug"], name=op.f(f"fk_{n.parent}_place_slug_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{n.parent}")),
        sa.UniqueConstraint("slug", name=op.f(f"uq_{n.parent}_slug")),
    )
    op.create_index(op.f(f"ix_{n.parent}_place_slug"), n.parent, ["place_slug"])
    children = (
        (
            n.slots,
            sa.Column("weekday", sa.String(length=10), nullable=False),
            sa.Column("start", sa.Time(), nullable=True),
            sa.Column("end", sa.Time(), nullable=True),
            sa.Column("staff", sa.Text(), nullable=True),
            sa.Column("notes", sa.Text(), nullable=True),
        ),
        (
            n.exceptions,
            sa.Column("date", sa.Date(), nullable=False),
            sa.Column("kind", sa.String(length=10), nullable=False),
            sa.Column("start", sa.Time(), nullable=True),
            sa.Column("end", sa.Time(), nullable=True),
            sa.Column("note", sa.Text(), nullable=True),
        ),
    )
    for table, *columns in children:
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(n.parent_id, sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            *columns,
            sa.ForeignKeyConstraint(
                [n.parent_id],
                [f"{n.parent}.id"],
                name=op.f(f"fk_{table}_{n.parent_id}_{n.parent}"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_{n.parent_id}"), table, [n.parent_id])


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns))


def _copy(src: str, dst: str, columns: tuple[str, ...], parent_ids: tuple[str, str] | None):
    """INSERT INTO dst (columns) SELECT columns FROM src; the children's parent id column is
    named differently on each side."""
    src_columns = (*columns, parent_ids[0]) if parent_ids else columns
    dst_columns = (*columns, parent_ids[1]) if parent_ids else columns
    rows = sa.select(*_table(src, *src_columns).c)
    op.execute(sa.insert(_table(dst, *dst_columns)).from_select(dst_columns, rows))


def _move(src: Names, dst: Names) -> None:
    """Builds the tables under dst's names, copies the rows (ids kept), drops src's tables."""
    _create(dst)
    _copy(src.parent, dst.parent, PARENT_COLUMNS, None)
    ids = (src.parent_id, dst.parent_id)
    _copy(src.slots, dst.slots, SLOT_COLUMNS, ids)
    _copy(src.exceptions, dst.exceptions, EXCEPTION_COLUMNS, ids)
    for table in (src.slots, src.exceptions, src.parent):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        # The copied ids were given explicitly: new rows continue after the highest.
        for name in (dst.parent, dst.slots, dst.exceptions):
            top = sa.func.max(_table(name, "id").c.id)
            sequence = sa.func.pg_get_serial_sequence(name, "id")
            restart = sa.func.setval(sequence, sa.func.coalesce(top, 1), top.isnot(None))
            op.execute(sa.select(restart))


def _rename_values(*, backwards: bool) -> None:
    history = _table("record_versions", "kind")
    old, new = HISTORY_KIND[::-1] if backwards else HISTORY_KIND
    op.execute(history.update().where(history.c.kind == old).values(kind=new))
    for name, column, *prefixes in PREFIXES:
        old, new = prefixes[::-1] if backwards else prefixes
        table = _table(name, column)
        value = table.c[column]
        rest = sa.func.substr(value, len(old) + 1)
        op.execute(
            table.update()
            .where(sa.func.substr(value, 1, len(old)) == old)
            .values({column: sa.literal(new, sa.String) + rest})
        )


def upgrade() -> None:
    _move(OLD, NEW)
    _rename_values(backwards=False)


def downgrade() -> None:
    _move(NEW, OLD)
    _rename_values(backwards=True)
