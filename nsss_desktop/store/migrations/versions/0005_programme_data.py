"""Programme M&E data: "not available" and explanations on figures, annual targets, and the
rollup tables the dashboards read (kept current on write by services.rollup).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from nsss_desktop.store import journal

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (not a batch table copy, which would drop the journal triggers).
    op.add_column("figure", sa.Column("na_measures", sa.Text(), server_default="",
                                      nullable=False))
    op.add_column("figure", sa.Column("explanation", sa.Text(), server_default="",
                                      nullable=False))
    op.create_index("ix_figure_programme_year", "figure", ["programme_id", "fiscal_year"])
    journal.reinstall_reflected(op, "figure")

    op.create_table(
        "programme_target",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=True),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=24), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("not_available", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("coalesce(value, 0) >= 0",
                           name=op.f("ck_programme_target_not_negative")),
        sa.ForeignKeyConstraint(["ministry_id"], ["ministry.id"],
                                name=op.f("fk_programme_target_ministry_id_ministry")),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"],
                                name=op.f("fk_programme_target_programme_id_programme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_target")),
    )
    op.create_index("ix_programme_target_year", "programme_target", ["fiscal_year"])
    op.create_index(op.f("ix_programme_target_programme_id"), "programme_target",
                    ["programme_id"])
    op.create_index(op.f("ix_programme_target_ministry_id"), "programme_target",
                    ["ministry_id"])
    journal.install_reflected(op, "programme_target")

    op.create_table(
        "programme_year_rollup",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("ministry_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=24), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("not_available", sa.Boolean(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("source_code", sa.Text(), nullable=False),
        sa.Column("period_kind", sa.String(length=8), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_year_rollup")),
        sa.UniqueConstraint("scope", "programme_id", "ministry_id", "fiscal_year", "measure",
                            name=op.f("uq_programme_year_rollup_scope")),
    )
    op.create_index("ix_programme_year_rollup_scope_year", "programme_year_rollup",
                    ["scope", "fiscal_year"])
    op.create_index(op.f("ix_programme_year_rollup_programme_id"), "programme_year_rollup",
                    ["programme_id"])
    op.create_table(
        "disaggregation_rollup",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=14), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("geo_code", sa.String(length=40), nullable=False),
        sa.Column("beneficiaries", sa.BigInteger(), nullable=True),
        sa.Column("amount_poisha", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disaggregation_rollup")),
        sa.UniqueConstraint("scope", "programme_id", "fiscal_year", "dimension", "category",
                            "geo_code", name=op.f("uq_disaggregation_rollup_scope")),
    )
    op.create_index("ix_disaggregation_rollup_scope_year", "disaggregation_rollup",
                    ["scope", "fiscal_year"])
    op.create_index(op.f("ix_disaggregation_rollup_programme_id"), "disaggregation_rollup",
                    ["programme_id"])
    # Empty on purpose: Database.open rebuilds the rollups when derived_state says they are
    # missing or built by an older rule (services.rollup.ensure_current).
    op.create_table(
        "derived_state",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_derived_state")),
    )


def downgrade() -> None:
    for table in ("derived_state", "disaggregation_rollup", "programme_year_rollup"):
        op.drop_table(table)
    op.drop_table("programme_target")
    op.drop_index("ix_figure_programme_year", table_name="figure")
    for statement in journal.drop_sql("figure"):  # they name the columns being dropped
        op.execute(statement)
    op.drop_column("figure", "explanation")
    op.drop_column("figure", "na_measures")
    journal.reinstall_reflected(op, "figure")
