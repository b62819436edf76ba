"""Evidence file storage (content-addressed, chunked, inside the encrypted database) and
stable action plan codes for re-import.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from nsss_desktop.store import journal

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_blob",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=80), nullable=False),
        sa.Column("chunk_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_blob")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_blob_sha256")),
    )
    op.create_table(
        "evidence_chunk",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["evidence_blob.sha256"],
                                name=op.f("fk_evidence_chunk_sha256_evidence_blob")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_chunk")),
        sa.UniqueConstraint("sha256", "seq", name=op.f("uq_evidence_chunk_sha256")),
    )
    # Plain ADD COLUMN (not a batch table copy, which would drop the journal triggers).
    op.add_column("action_plan", sa.Column("code", sa.String(length=20), nullable=True))
    op.create_index("uq_action_plan_code", "action_plan", ["code"], unique=True)
    journal.reinstall_reflected(op, "action_plan")
    journal.install_reflected(op, "evidence_blob")
    for table in ("evidence_blob", "evidence_chunk"):
        journal.append_only(op, table)
    for statement in journal.guard_only_sql("evidence_chunk"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("evidence_chunk")
    op.drop_table("evidence_blob")
    op.drop_index("uq_action_plan_code", table_name="action_plan")
    op.drop_column("action_plan", "code")
    journal.reinstall_reflected(op, "action_plan")
