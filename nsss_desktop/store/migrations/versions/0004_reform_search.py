"""Full-text search of the Action Plan: the FTS5 index `reform_fts`, filled from the rows an
existing database already holds and kept current by triggers (see store.search_index).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

from nsss_desktop.store import search_index

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The tables indexed at this revision; a later migration that indexes more adds its own.
INDEXED = ("objective", "activity", "indicator", "comment", "status_event", "evidence")


def upgrade() -> None:
    search_index.install(op, [s for s in search_index.SOURCES if s.table in INDEXED])


def downgrade() -> None:
    search_index.uninstall(op)
