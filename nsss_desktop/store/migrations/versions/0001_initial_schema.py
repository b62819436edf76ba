"""Reference data, programmes and figures (component 2), users, settings and the change journal.

Revision ID: 0001
Revises: None
"""

import sqlalchemy as sa
from alembic import op

from nsss_desktop.store import journal

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JOURNALED = (
    "source",
    "ministry",
    "cluster",
    "cluster_member",
    "life_cycle_stage",
    "programme",
    "programme_ministry",
    "programme_life_cycle",
    "figure",
    "figure_disaggregation",
    "app_user",
    "setting",
)
APPEND_ONLY = ("change_journal", "journal_txn")


def upgrade() -> None:
    op.create_table(
        "change_journal",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("txn_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=6), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("op IN ('insert','update','delete')", name=op.f("ck_change_journal_op")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_journal")),
    )
    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.create_index("ix_change_journal_row", ["table_name", "row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_journal_txn_id"), ["txn_id"], unique=False)

    op.create_table(
        "journal_txn",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("txn_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_journal_txn")),
        sa.UniqueConstraint("txn_id", name=op.f("uq_journal_txn_txn_id")),
    )
    op.create_table(
        "life_cycle_stage",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_bn", sa.Text(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_cycle_stage")),
        sa.UniqueConstraint("code", name=op.f("uq_life_cycle_stage_code")),
    )
    op.create_table(
        "setting",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_setting_key")),
    )
    op.create_table(
        "source",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("what_taken", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("code", name=op.f("uq_source_code")),
    )
    op.create_table(
        "uow_context",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("txn_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_uow_context_single_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_uow_context")),
    )
    op.create_table(
        "ministry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_bn", sa.Text(), nullable=True),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_ministry_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ministry")),
        sa.UniqueConstraint("code", name=op.f("uq_ministry_code")),
    )
    with op.batch_alter_table("ministry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ministry_source_id"), ["source_id"], unique=False)

    op.create_table(
        "app_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=14), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ministry_id"], ["ministry.id"], name=op.f("fk_app_user_ministry_id_ministry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_app_user_ministry_id"), ["ministry_id"], unique=False)

    op.create_table(
        "cluster",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_bn", sa.Text(), nullable=True),
        sa.Column("coordinator_ministry_id", sa.String(length=36), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["coordinator_ministry_id"],
            ["ministry.id"],
            name=op.f("fk_cluster_coordinator_ministry_id_ministry"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_cluster_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster")),
        sa.UniqueConstraint("code", name=op.f("uq_cluster_code")),
    )
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cluster_coordinator_ministry_id"),
            ["coordinator_ministry_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_cluster_source_id"), ["source_id"], unique=False)

    op.create_table(
        "cluster_member",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("cluster_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["cluster.id"], name=op.f("fk_cluster_member_cluster_id_cluster")
        ),
        sa.ForeignKeyConstraint(
            ["ministry_id"], ["ministry.id"], name=op.f("fk_cluster_member_ministry_id_ministry")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_cluster_member_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_member")),
        sa.UniqueConstraint("cluster_id", "ministry_id", name=op.f("uq_cluster_member_cluster_id")),
    )
    with op.batch_alter_table("cluster_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cluster_member_cluster_id"), ["cluster_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cluster_member_ministry_id"), ["ministry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cluster_member_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "programme",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_bn", sa.Text(), nullable=True),
        sa.Column("lead_ministry_id", sa.String(length=36), nullable=True),
        sa.Column("cluster_id", sa.String(length=36), nullable=True),
        sa.Column("cluster_synthetic", sa.Boolean(), nullable=False),
        sa.Column("target_group", sa.Text(), nullable=False),
        sa.Column("benefit_type", sa.String(length=20), nullable=True),
        sa.Column("benefit_value", sa.Text(), nullable=False),
        sa.Column("beneficiary_unit", sa.String(length=10), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("part_of_id", sa.String(length=36), nullable=True),
        sa.Column("is_budget_total", sa.Boolean(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["cluster.id"], name=op.f("fk_programme_cluster_id_cluster")
        ),
        sa.ForeignKeyConstraint(
            ["lead_ministry_id"],
            ["ministry.id"],
            name=op.f("fk_programme_lead_ministry_id_ministry"),
        ),
        sa.ForeignKeyConstraint(
            ["part_of_id"], ["programme.id"], name=op.f("fk_programme_part_of_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("code", name=op.f("uq_programme_code")),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_cluster_id"), ["cluster_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_programme_lead_ministry_id"), ["lead_ministry_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_programme_part_of_id"), ["part_of_id"], unique=False)

    op.create_table(
        "figure",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=True),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("period_kind", sa.String(length=8), nullable=False),
        sa.Column("period_no", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("budget_original_poisha", sa.BigInteger(), nullable=True),
        sa.Column("budget_revised_poisha", sa.BigInteger(), nullable=True),
        sa.Column("expenditure_poisha", sa.BigInteger(), nullable=True),
        sa.Column("active_beneficiaries", sa.BigInteger(), nullable=True),
        sa.Column("cumulative_beneficiaries", sa.BigInteger(), nullable=True),
        sa.Column("benefit_value_poisha", sa.BigInteger(), nullable=True),
        sa.Column("amount_disbursed_poisha", sa.BigInteger(), nullable=True),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("approval_state", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "period_kind IN ('year','half','quarter','month')", name=op.f("ck_figure_period_kind")
        ),
        sa.CheckConstraint(
            "stage IN ('proposed','revised','actual','reported')", name=op.f("ck_figure_stage")
        ),
        sa.CheckConstraint(
            "coalesce(active_beneficiaries, 0) >= 0 AND coalesce(cumulative_beneficiaries, 0) >= 0",
            name=op.f("ck_figure_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["ministry_id"], ["ministry.id"], name=op.f("fk_figure_ministry_id_ministry")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_figure_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_figure_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure")),
    )
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figure_ministry_id"), ["ministry_id"], unique=False)
        batch_op.create_index(
            "ix_figure_period", ["fiscal_year", "period_kind", "period_no"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_figure_programme_id"), ["programme_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_figure_source_id"), ["source_id"], unique=False)

    op.create_table(
        "programme_life_cycle",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("life_cycle_stage_id", sa.String(length=36), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["life_cycle_stage_id"],
            ["life_cycle_stage.id"],
            name=op.f("fk_programme_life_cycle_life_cycle_stage_id_life_cycle_stage"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_life_cycle_programme_id_programme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_life_cycle")),
        sa.UniqueConstraint(
            "programme_id", "life_cycle_stage_id", name=op.f("uq_programme_life_cycle_programme_id")
        ),
    )
    with op.batch_alter_table("programme_life_cycle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_life_cycle_life_cycle_stage_id"),
            ["life_cycle_stage_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_programme_life_cycle_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "programme_ministry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["ministry_id"],
            ["ministry.id"],
            name=op.f("fk_programme_ministry_ministry_id_ministry"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_ministry_programme_id_programme"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_programme_ministry_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_ministry")),
        sa.UniqueConstraint(
            "programme_id", "ministry_id", name=op.f("uq_programme_ministry_programme_id")
        ),
    )
    with op.batch_alter_table("programme_ministry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_ministry_ministry_id"), ["ministry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_programme_ministry_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_programme_ministry_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "figure_disaggregation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("figure_id", sa.String(length=36), nullable=False),
        sa.Column("dimension", sa.String(length=14), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("geo_code", sa.String(length=20), nullable=False),
        sa.Column("beneficiaries", sa.BigInteger(), nullable=True),
        sa.Column("amount_poisha", sa.BigInteger(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "coalesce(beneficiaries, 0) >= 0", name=op.f("ck_figure_disaggregation_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["figure_id"], ["figure.id"], name=op.f("fk_figure_disaggregation_figure_id_figure")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_disaggregation")),
        sa.UniqueConstraint(
            "figure_id",
            "dimension",
            "category",
            "geo_code",
            name=op.f("uq_figure_disaggregation_figure_id"),
        ),
    )
    with op.batch_alter_table("figure_disaggregation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_figure_disaggregation_figure_id"), ["figure_id"], unique=False
        )

    for table in JOURNALED:
        journal.install_reflected(op, table)
    for table in APPEND_ONLY:
        journal.append_only(op, table)


def downgrade() -> None:
    with op.batch_alter_table("figure_disaggregation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figure_disaggregation_figure_id"))

    op.drop_table("figure_disaggregation")
    with op.batch_alter_table("programme_ministry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_ministry_source_id"))
        batch_op.drop_index(batch_op.f("ix_programme_ministry_programme_id"))
        batch_op.drop_index(batch_op.f("ix_programme_ministry_ministry_id"))

    op.drop_table("programme_ministry")
    with op.batch_alter_table("programme_life_cycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_life_cycle_programme_id"))
        batch_op.drop_index(batch_op.f("ix_programme_life_cycle_life_cycle_stage_id"))

    op.drop_table("programme_life_cycle")
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figure_source_id"))
        batch_op.drop_index(batch_op.f("ix_figure_programme_id"))
        batch_op.drop_index("ix_figure_period")
        batch_op.drop_index(batch_op.f("ix_figure_ministry_id"))

    op.drop_table("figure")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_part_of_id"))
        batch_op.drop_index(batch_op.f("ix_programme_lead_ministry_id"))
        batch_op.drop_index(batch_op.f("ix_programme_cluster_id"))

    op.drop_table("programme")
    with op.batch_alter_table("cluster_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_member_source_id"))
        batch_op.drop_index(batch_op.f("ix_cluster_member_ministry_id"))
        batch_op.drop_index(batch_op.f("ix_cluster_member_cluster_id"))

    op.drop_table("cluster_member")
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_source_id"))
        batch_op.drop_index(batch_op.f("ix_cluster_coordinator_ministry_id"))

    op.drop_table("cluster")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_app_user_ministry_id"))

    op.drop_table("app_user")
    with op.batch_alter_table("ministry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ministry_source_id"))

    op.drop_table("ministry")
    op.drop_table("uow_context")
    op.drop_table("source")
    op.drop_table("setting")
    op.drop_table("life_cycle_stage")
    op.drop_table("journal_txn")
    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_journal_txn_id"))
        batch_op.drop_index("ix_change_journal_row")

    op.drop_table("change_journal")
