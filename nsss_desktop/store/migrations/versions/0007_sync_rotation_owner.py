"""Sync: key rotation and row owners (docs/sync.md §2, §3.4; R11, R21).

- `outbox.cosignature`: a `key_rotate` set is signed by the old key and cosigned by the new one
  over the same bytes; the cosignature is sealed like the signature (the `outbox_sealed`
  trigger now covers it).
- `sync_identity.next_key_id`, `next_public_key`, `next_private_key`: the new key of a rotation
  that is sealed but not yet acknowledged. Sets sealed after the rotation are signed with it;
  sign-in keeps using the current key (the only one the server knows) until the rotation's ack
  arrives, and then the new key replaces it.
- `sync_row.owner`: the owner ministry the server gave a row (every pulled row carries it), so
  that a row whose owner is its creator (`tables.OWNER_RULES` "creator") keeps that owner when
  another installation edits it.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SEALED = "NSSS_SEALED: a sealed change set is never changed"
_SEALED_0006 = ("changeset_id", "device_id", "device_seq", "kind", "payload", "signature",
                "payload_sha256", "prev_hash")
_SEALED_0007 = (*_SEALED_0006, "cosignature")


def _sealed_trigger(columns: tuple[str, ...]) -> str:
    return ("CREATE TRIGGER outbox_sealed BEFORE UPDATE ON outbox FOR EACH ROW WHEN "
            + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
            + f" BEGIN SELECT RAISE(ABORT, '{SEALED}'); END")


def upgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_sealed")
    op.add_column("outbox", sa.Column("cosignature", sa.Text(), nullable=True))
    op.add_column("sync_identity", sa.Column("next_key_id", sa.String(length=32), nullable=True))
    op.add_column("sync_identity", sa.Column("next_public_key", sa.String(length=64),
                                             nullable=True))
    op.add_column("sync_identity", sa.Column("next_private_key", sa.LargeBinary(),
                                             nullable=True))
    op.add_column("sync_row", sa.Column("owner", sa.String(length=40), nullable=True))
    op.execute(_sealed_trigger(_SEALED_0007))


def downgrade() -> None:
    # SQLite ≥ 3.35 drops a column in place (no table rebuild, so the other triggers stay).
    op.execute("DROP TRIGGER IF EXISTS outbox_sealed")
    op.drop_column("sync_row", "owner")
    for column in ("next_private_key", "next_public_key", "next_key_id"):
        op.drop_column("sync_identity", column)
    op.drop_column("outbox", "cosignature")
    op.execute(_sealed_trigger(_SEALED_0006))
