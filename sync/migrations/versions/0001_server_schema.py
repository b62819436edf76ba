"""The GED server schema: keys, enrolment, sessions, change sets, log, rows, conflicts, audit.

Revision ID: 0001
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TIME = sa.String(24)
HEX64 = sa.String(64)
UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        if_not_exists=True,  # the skeleton server created this table before Alembic came in
    )
    op.create_table(
        "server_key",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("private_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("retired_at", TIME),
    )
    op.create_table(
        "server_keys_doc",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("doc", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("root_key_id", sa.String(32), nullable=False),
        sa.Column("issued_at", TIME, nullable=False),
    )
    op.create_table(
        "enrol_code",
        sa.Column("code_hash", HEX64, primary_key=True),
        sa.Column("ministry_code", sa.String(40), nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
        sa.Column("used_at", TIME),
        sa.Column("device_id", UUID),
    )
    op.create_table(
        "nonce",
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
        sa.Column("used_at", TIME),
    )
    op.create_table(
        "device",
        sa.Column("device_id", UUID, primary_key=True),
        sa.Column("ministry_code", sa.String(40), nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("device_name", sa.Text, nullable=False),
        sa.Column("enrolled_at", TIME, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("last_hash", HEX64, nullable=False),
        sa.Column("revoked_at", TIME),
    )
    op.create_table(
        "device_key",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("device_id", UUID, sa.ForeignKey("device.device_id"), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("first_seq", sa.BigInteger, nullable=False),
        sa.Column("last_seq", sa.BigInteger),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("status_at", TIME, nullable=False),
        sa.Column("revoked_at", TIME),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_device_key_device_id", "device_key", ["device_id"])
    op.create_table(
        "session",
        sa.Column("token_hash", HEX64, primary_key=True),
        sa.Column("device_id", UUID, nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
    )
    op.create_table(
        "changeset",
        sa.Column("changeset_id", UUID, primary_key=True),
        sa.Column("device_id", UUID, nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("payload_sha256", HEX64, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("cosignature", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("server_seq", sa.BigInteger, unique=True),
        sa.Column("ack", sa.LargeBinary),
        sa.Column("ack_signature", sa.Text),
        sa.Column("status_code", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("received_at", TIME, nullable=False),
        sa.Column("decided_at", TIME),
        sa.UniqueConstraint("device_id", "device_seq", name="uq_changeset_device_seq"),
    )
    op.create_index("ix_changeset_status", "changeset", ["status", "device_id", "device_seq"])
    op.create_table(
        "server_log",
        sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("changeset_id", UUID, nullable=False, unique=True),
        sa.Column("device_id", UUID, nullable=False),
        sa.Column("payload_sha256", HEX64, nullable=False),
        sa.Column("prev_entry_hash", HEX64, nullable=False),
        sa.Column("entry_hash", HEX64, nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("applied_at", TIME, nullable=False),
    )
    op.create_table(
        "row_state",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("pk", UUID, primary_key=True),
        sa.Column("owner", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("field_revs", sa.Text, nullable=False),
        sa.Column("rev", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_index("ix_row_state_owner", "row_state", ["owner", "table_name", "pk"])
    op.create_table(
        "row_version",
        sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("op_index", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("pk", UUID, nullable=False),
        sa.Column("owner", sa.String(40), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("changeset_id", UUID, nullable=False),
        sa.Column("server_seq", sa.BigInteger),
        sa.Column("device_id", UUID, nullable=False),
        sa.Column("op_index", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("pk", UUID, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("base_rev", sa.BigInteger, nullable=False),
        sa.Column("server_rev", sa.BigInteger, nullable=False),
        sa.Column("server_values", sa.Text, nullable=False),
        sa.Column("your_values", sa.Text, nullable=False),
        sa.Column("op", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("resolved_at", TIME),
        sa.Column("resolution", sa.Text),
    )
    op.create_index("ix_sync_conflict_changeset_id", "sync_conflict", ["changeset_id"])
    op.create_table(
        "blob",
        sa.Column("sha256", HEX64, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("received", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("complete", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("completed_at", TIME),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", TIME, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("device_id", UUID),
        sa.Column("key_id", sa.String(32)),
        sa.Column("details", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("audit_event", "blob", "sync_conflict", "row_version", "row_state",
                 "server_log", "changeset", "session", "device_key", "device", "nonce",
                 "enrol_code", "server_keys_doc", "server_key"):
        op.drop_table(name)
