"""The server database, as SQLAlchemy Core tables (docs/sync.md §4).

These definitions are what the code queries; the Alembic migration ``0001`` creates the same
tables (a test compares the two, so they cannot drift). Portable on purpose, so one schema
serves a SQLite file and PostgreSQL:

- times are fixed-width UTC text (``2026-11-25T04:37:06.123Z``, see `sync.clock`), so they
  compare correctly as strings on both backends;
- documents (row data, field revisions, conflicts, audit details) are canonical JSON text;
- signed bytes (change sets, acks) are stored as they were hashed and signed (``LargeBinary``),
  so a duplicate answer is byte for byte the first one.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData()

TIME = String(24)  # clock.iso(): fixed width, sorts as time
HEX64 = String(64)
UUID = String(36)

# Key/value facts about this server: environment, root public key, when it was created.
server_meta = Table(
    "server_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The server's signing keys (private halves live here; the root's never does).
server_key = Table(
    "server_key", metadata,
    Column("key_id", String(32), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("private_key", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # active | retired
    Column("version", Integer, nullable=False),  # the server_keys document that introduced it
    Column("created_at", TIME, nullable=False),
    Column("retired_at", TIME),
)

# Every published server_keys document, exactly as signed by the root.
server_keys_doc = Table(
    "server_keys_doc", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("doc", LargeBinary, nullable=False),  # canonical bytes
    Column("signature", Text, nullable=False),
    Column("root_key_id", String(32), nullable=False),
    Column("issued_at", TIME, nullable=False),
)

enrol_code = Table(
    "enrol_code", metadata,
    Column("code_hash", HEX64, primary_key=True),  # SHA-256 of the normalised code
    Column("ministry_code", String(40), nullable=False),
    Column("user_name", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False),
    Column("used_at", TIME),
    Column("device_id", UUID),
)

nonce = Table(
    "nonce", metadata,
    Column("nonce", String(64), primary_key=True),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False),
    Column("used_at", TIME),
)

device = Table(
    "device", metadata,
    Column("device_id", UUID, primary_key=True),
    Column("ministry_code", String(40), nullable=False),
    Column("user_name", Text, nullable=False),
    Column("device_name", Text, nullable=False),
    Column("enrolled_at", TIME, nullable=False),
    # The chain head: the last device_seq consumed (applied or rejected) and its payload hash.
    Column("last_seq", BigInteger, nullable=False, server_default="0"),
    Column("last_hash", HEX64, nullable=False),
    Column("revoked_at", TIME),
)

device_key = Table(
    "device_key", metadata,
    Column("key_id", String(32), primary_key=True),
    Column("device_id", UUID, ForeignKey("device.device_id"), nullable=False, index=True),
    Column("public_key", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # active | rotated | revoked | suspended
    # The device_seq range this key may sign: first_seq.. last_seq (open while active).
    Column("first_seq", BigInteger, nullable=False),
    Column("last_seq", BigInteger),
    Column("created_at", TIME, nullable=False),
    Column("status_at", TIME, nullable=False),
    Column("revoked_at", TIME),  # server time (R22)
    Column("reason", Text),
)

session = Table(
    "session", metadata,
    Column("token_hash", HEX64, primary_key=True),
    Column("device_id", UUID, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False),
)

changeset = Table(
    "changeset", metadata,
    Column("changeset_id", UUID, primary_key=True),
    Column("device_id", UUID, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("payload", LargeBinary, nullable=False),  # canonical bytes, as signed
    Column("payload_sha256", HEX64, nullable=False),
    Column("signature", Text, nullable=False),
    Column("cosignature", Text),
    # applied | held | quarantined | rejected
    Column("status", String(16), nullable=False),
    # held: awaiting_seq | awaiting_blob; quarantined: revoked | chain_break
    Column("reason", String(32)),
    Column("server_seq", BigInteger, unique=True),
    Column("ack", LargeBinary),  # canonical bytes of the signed ack (applied, rejected)
    Column("ack_signature", Text),
    Column("status_code", Integer),  # the HTTP status answered with the ack
    Column("error", Text),  # JSON of the refusal, for a rejected set
    Column("received_at", TIME, nullable=False),
    Column("decided_at", TIME),
    UniqueConstraint("device_id", "device_seq", name="uq_changeset_device_seq"),
)
Index("ix_changeset_status", changeset.c.status, changeset.c.device_id, changeset.c.device_seq)

server_log = Table(
    "server_log", metadata,
    Column("server_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("changeset_id", UUID, nullable=False, unique=True),
    Column("device_id", UUID, nullable=False),
    Column("payload_sha256", HEX64, nullable=False),
    Column("prev_entry_hash", HEX64, nullable=False),
    Column("entry_hash", HEX64, nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("applied_at", TIME, nullable=False),
)

row_state = Table(
    "row_state", metadata,
    Column("table_name", String(64), primary_key=True),
    Column("pk", UUID, primary_key=True),
    Column("owner", String(40), nullable=False),
    Column("data", Text, nullable=False),  # JSON: every wire column of the row
    Column("field_revs", Text, nullable=False),  # JSON: column -> server_seq that last changed it
    Column("rev", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
)
Index("ix_row_state_owner", row_state.c.owner, row_state.c.table_name, row_state.c.pk)

row_version = Table(
    "row_version", metadata,
    Column("server_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("op_index", Integer, primary_key=True, autoincrement=False),
    Column("table_name", String(64), nullable=False),
    Column("pk", UUID, nullable=False),
    Column("owner", String(40), nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("data", Text, nullable=False),
)

sync_conflict = Table(
    "sync_conflict", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("changeset_id", UUID, nullable=False, index=True),
    Column("server_seq", BigInteger),  # of the change set that carried the op
    Column("device_id", UUID, nullable=False),
    Column("op_index", Integer, nullable=False),
    Column("kind", String(8), nullable=False),  # hard | soft
    Column("table_name", String(64), nullable=False),
    Column("pk", UUID, nullable=False),
    Column("fields", Text, nullable=False),  # JSON list
    Column("base_rev", BigInteger, nullable=False),
    Column("server_rev", BigInteger, nullable=False),
    Column("server_values", Text, nullable=False),  # JSON
    Column("your_values", Text, nullable=False),  # JSON
    Column("op", Text, nullable=False),  # JSON: the whole op, so a hard loser is never lost
    Column("created_at", TIME, nullable=False),
    Column("resolved_at", TIME),
    Column("resolution", Text),
)

# Attachment blobs as announced; the bytes live in <data dir>/blobs under their hash.
blob = Table(
    "blob", metadata,
    Column("sha256", HEX64, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("display_name", Text, nullable=False),
    Column("received", BigInteger, nullable=False, server_default="0"),
    Column("complete", Boolean, nullable=False, server_default=false()),
    Column("created_at", TIME, nullable=False),
    Column("completed_at", TIME),
)

audit_event = Table(
    "audit_event", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", TIME, nullable=False),
    Column("actor", String(64), nullable=False),  # "admin" (CLI), "server", or a device id
    Column("action", String(64), nullable=False),
    Column("device_id", UUID),
    Column("key_id", String(32)),
    Column("details", Text, nullable=False),  # JSON
)
