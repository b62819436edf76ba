"""Sync bookkeeping: the device's enrolment, the outbox of sealed change sets, the rows each
set touches, the server rev of every synced row, the pull cursor and checkpoint, and conflicts
(docs/sync.md §5). None of it is journaled or synced. A sealed set's bytes and signature can
never be changed, and a set the server has not acknowledged can never be deleted.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SEALED = "NSSS_SEALED: a sealed change set is never changed"
UNACKED = "NSSS_UNACKED: a change set without its ack is never deleted"
_SEALED_COLUMNS = ("changeset_id", "device_id", "device_seq", "kind", "payload", "signature",
                   "payload_sha256", "prev_hash")
_KEPT_STATES = "('acked','rejected')"

TRIGGERS = (
    "CREATE TRIGGER outbox_sealed BEFORE UPDATE ON outbox FOR EACH ROW WHEN "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _SEALED_COLUMNS)
    + f" BEGIN SELECT RAISE(ABORT, '{SEALED}'); END",
    f"CREATE TRIGGER outbox_keep_unacked BEFORE DELETE ON outbox FOR EACH ROW WHEN "
    f"OLD.state NOT IN {_KEPT_STATES} BEGIN SELECT RAISE(ABORT, '{UNACKED}'); END",
    f"CREATE TRIGGER outbox_row_sealed BEFORE UPDATE ON outbox_row FOR EACH ROW "
    f"BEGIN SELECT RAISE(ABORT, '{SEALED}'); END",
    f"CREATE TRIGGER outbox_row_keep_unacked BEFORE DELETE ON outbox_row FOR EACH ROW WHEN "
    f"coalesce((SELECT state FROM outbox WHERE id = OLD.outbox_id), 'acked') NOT IN "
    f"{_KEPT_STATES} BEGIN SELECT RAISE(ABORT, '{UNACKED}'); END",
)
TRIGGER_NAMES = ("outbox_sealed", "outbox_keep_unacked", "outbox_row_sealed",
                 "outbox_row_keep_unacked")


def upgrade() -> None:
    op.create_table(
        "sync_identity",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("ministry_code", sa.String(length=40), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("device_name", sa.Text(), nullable=False),
        sa.Column("environment", sa.String(length=40), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("root_public_key", sa.String(length=64), nullable=False),
        sa.Column("root_key_id", sa.String(length=32), nullable=False),
        sa.Column("server_keys", sa.Text(), nullable=False),
        sa.Column("server_keys_version", sa.Integer(), nullable=False),
        sa.Column("enrolled_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_sync_identity_single_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_sync_identity")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("changeset_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("op_count", sa.Integer(), nullable=False),
        sa.Column("attachment_count", sa.Integer(), nullable=False),
        sa.Column("txn_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("ack", sa.LargeBinary(), nullable=True),
        sa.Column("ack_signature", sa.Text(), nullable=True),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.String(length=32), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint("state IN ('pending','held','acked','rejected','quarantined')",
                           name=op.f("ck_outbox_state")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("changeset_id", name=op.f("uq_outbox_changeset_id")),
        sa.UniqueConstraint("device_id", "device_seq", name=op.f("uq_outbox_device_id")),
    )
    op.create_index("ix_outbox_state", "outbox", ["state"])
    op.create_table(
        "outbox_row",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("op_index", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"],
                                name=op.f("fk_outbox_row_outbox_id_outbox")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_row")),
        sa.UniqueConstraint("outbox_id", "op_index", name=op.f("uq_outbox_row_outbox_id")),
    )
    op.create_index("ix_outbox_row_row", "outbox_row", ["table_name", "row_id"])
    op.create_table(
        "sync_row",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("skipped_seq", sa.Integer(), nullable=True),
        sa.Column("skipped_deleted", sa.Boolean(), nullable=False),
        sa.Column("skipped_data", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_row")),
    )
    op.create_table(
        "sync_state",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("log_head_hash", sa.String(length=64), nullable=False),
        sa.Column("checkpoint", sa.Text(), nullable=True),
        sa.Column("checkpoint_seq", sa.Integer(), nullable=False),
        sa.Column("checkpoint_head_hash", sa.String(length=64), nullable=True),
        sa.Column("checkpoint_expires_at", sa.String(length=32), nullable=True),
        sa.Column("last_push_at", sa.String(length=32), nullable=True),
        sa.Column("last_pull_at", sa.String(length=32), nullable=True),
        sa.Column("last_sync_at", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("imported_replies", sa.Text(), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("changeset_id", sa.String(length=36), nullable=False),
        sa.Column("op_index", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("base_rev", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("server_values", sa.Text(), nullable=False),
        sa.Column("your_values", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column("resolution", sa.String(length=6), nullable=True),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint("kind IN ('hard','soft')", name=op.f("ck_sync_conflict_kind")),
        sa.CheckConstraint("resolution IS NULL OR resolution IN ('mine','theirs','none')",
                           name=op.f("ck_sync_conflict_resolution")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_row", "sync_conflict", ["table_name", "row_id"])
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("sync_conflict", "sync_state", "sync_row", "outbox_row", "outbox",
                  "sync_identity"):
        op.drop_table(table)
