"""NSSS Action Plan reform tracking (component 1): plans, objectives, activities,
indicators, append-only status events and comments, evidence metadata.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from nsss_desktop.store import journal

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JOURNALED = (
    "action_plan",
    "objective",
    "activity",
    "activity_shared_ministry",
    "indicator",
    "status_event",
    "comment",
    "evidence",
)
APPEND_ONLY = ("status_event", "comment")


def upgrade() -> None:
    op.create_table(
        "action_plan",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_plan")),
    )
    op.create_table(
        "objective",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("action_plan_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_bn", sa.Text(), nullable=True),
        sa.Column("cluster_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_plan_id"],
            ["action_plan.id"],
            name=op.f("fk_objective_action_plan_id_action_plan"),
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["cluster.id"], name=op.f("fk_objective_cluster_id_cluster")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
    )
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_objective_action_plan_id"), ["action_plan_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_objective_cluster_id"), ["cluster_id"], unique=False)

    op.create_table(
        "activity",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("objective_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_bn", sa.Text(), nullable=True),
        sa.Column("timeframe_text", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("recurrence", sa.String(length=20), nullable=True),
        sa.Column("responsible_ministry_id", sa.String(length=36), nullable=True),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["objective_id"], ["objective.id"], name=op.f("fk_activity_objective_id_objective")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_ministry_id"],
            ["ministry.id"],
            name=op.f("fk_activity_responsible_ministry_id_ministry"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_activity_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_responsible_ministry_id"),
            ["responsible_ministry_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_activity_source_id"), ["source_id"], unique=False)

    op.create_table(
        "activity_shared_ministry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_shared_ministry_activity_id_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["ministry_id"],
            ["ministry.id"],
            name=op.f("fk_activity_shared_ministry_ministry_id_ministry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_shared_ministry")),
        sa.UniqueConstraint(
            "activity_id", "ministry_id", name=op.f("uq_activity_shared_ministry_activity_id")
        ),
    )
    with op.batch_alter_table("activity_shared_ministry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_shared_ministry_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_shared_ministry_ministry_id"), ["ministry_id"], unique=False
        )

    op.create_table(
        "comment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_comment_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["app_user.id"], name=op.f("fk_comment_author_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["comment.id"], name=op.f("fk_comment_parent_id_comment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment")),
    )
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "indicator",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_bn", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_indicator_activity_id_activity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_activity_id"), ["activity_id"], unique=False)

    op.create_table(
        "status_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("reporting_period", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reporter_id", sa.String(length=36), nullable=True),
        sa.Column("approval_state", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "status IN ('not_started','in_progress','completed','delayed','dropped')",
            name=op.f("ck_status_event_status"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_status_event_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["app_user.id"], name=op.f("fk_status_event_reporter_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_event")),
    )
    with op.batch_alter_table("status_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_event_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_status_event_reporter_id"), ["reporter_id"], unique=False
        )

    op.create_table(
        "evidence",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("status_event_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=80), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_evidence_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["status_event_id"],
            ["status_event.id"],
            name=op.f("fk_evidence_status_event_id_status_event"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_evidence_status_event_id"), ["status_event_id"], unique=False
        )

    for table in JOURNALED:
        journal.install_reflected(op, table)
    for table in APPEND_ONLY:
        journal.append_only(op, table)


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_status_event_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_sha256"))
        batch_op.drop_index(batch_op.f("ix_evidence_activity_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("status_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_event_reporter_id"))
        batch_op.drop_index(batch_op.f("ix_status_event_activity_id"))

    op.drop_table("status_event")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_activity_id"))

    op.drop_table("indicator")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_parent_id"))
        batch_op.drop_index(batch_op.f("ix_comment_author_id"))
        batch_op.drop_index(batch_op.f("ix_comment_activity_id"))

    op.drop_table("comment")
    with op.batch_alter_table("activity_shared_ministry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_shared_ministry_ministry_id"))
        batch_op.drop_index(batch_op.f("ix_activity_shared_ministry_activity_id"))

    op.drop_table("activity_shared_ministry")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_source_id"))
        batch_op.drop_index(batch_op.f("ix_activity_responsible_ministry_id"))
        batch_op.drop_index(batch_op.f("ix_activity_objective_id"))

    op.drop_table("activity")
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objective_cluster_id"))
        batch_op.drop_index(batch_op.f("ix_objective_action_plan_id"))

    op.drop_table("objective")
    op.drop_table("action_plan")
