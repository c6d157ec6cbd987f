"""faq topics by the topics' one name: places, advisory_sessions, process_rules, org_units

The FAQ entries' topic was written in the bot's former words (locations, advisory_hours,
process, org). Versions in the history keep the former words; the schema reads them as the
new ones, so a revert to such a version works.

Revision ID: 924b4fa4eb6b
Revises: fadc04798e20
Create Date: 2026-12-03 19:35:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "924b4fa4eb6b"
down_revision: str | None = "fadc04798e20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENAMED = {
    "locations": "places",
    "advisory_hours": "advisory_sessions",
    "process": "process_rules",
    "org": "org_units",
}
FAQ = sa.table("faq", sa.column("topic"))


def upgrade() -> None:
    for old, new in RENAMED.items():
        op.execute(FAQ.update().where(FAQ.c.topic == old).values(topic=new))


def downgrade() -> None:
    for old, new in RENAMED.items():
        op.execute(FAQ.update().where(FAQ.c.topic == new).values(topic=old))
