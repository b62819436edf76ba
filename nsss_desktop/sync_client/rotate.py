"""Device key rotation (R21; docs/sync.md §2 and §3.4 "Keys").

`rotate_key(db)` makes a new Ed25519 key and seals, in one unit of work, a `kind: key_rotate`
change set (the next `device_seq`, linked by `prev_hash` like any other set) that names the new
public key. It is signed by the current key and cosigned by the new key over the same canonical
bytes; the outbox keeps both signatures (migration 0007). The new key is stored beside the
current one (`sync_identity.next_*`):

- sets sealed afterwards are signed with the new key (`Identity.sealing_key_id`);
- sets sealed before stay as they are, signed with the old key: the server accepts the old key
  up to the rotation's `device_seq` and the new key after it;
- sign-in keeps the old key, the only one the server knows, until the rotation's ack arrives;
  then `promote` makes the new key the current one and forgets the old private key.

If the ack of an applied rotation is lost, the next sign-in with the old key is refused 403
`key_rotated`: `adopt_after_refusal` then switches to the new key, and the resent rotation gets
its stored ack as a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, update

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, SyncIdentity
from nsss_desktop.sync_client import seal
from nsss_desktop.sync_client.errors import NotEnrolled, SyncError
from nsss_desktop.sync_client.identity import utc_now
from nsss_desktop.wire import signing


@dataclass
class Rotation:
    device_seq: int
    changeset_id: str
    old_key_id: str
    new_key_id: str
    pending_before: int  # sets sealed before the rotation, still waiting for their ack


def rotate_key(db: Database, *, user_id: str | None = None) -> Rotation:
    """Seal a key rotation and sign every later set with the new key (one transaction)."""
    from nsss_desktop.domain.ids import new_id
    from nsss_desktop.wire.canonical import canonical
    from nsss_desktop.wire.envelope import FORMAT, validate_envelope

    with db.unit_of_work(user_id=user_id, origin="sync",
                         description="Sync: rotate this installation's key") as uow:
        conn = uow.session.connection()
        ident = seal.current_identity(conn)
        if ident is None:
            raise NotEnrolled("This installation is not enrolled, so it has no key to rotate.",
                              hint="Enrol it first: nsss-desktop sync enrol.")
        if ident.next_key_id:
            raise SyncError(
                f"A key rotation (to key {ident.next_key_id}) is already waiting for the "
                "server's receipt; a second one cannot be made before it arrives.",
                hint="Sync first (nsss-desktop sync now), then rotate again if needed.")
        new = signing.new_private_key()
        new_raw = signing.public_bytes(new)
        new_public, new_kid = signing.b64e(new_raw), signing.key_id(new_raw)
        seq, prev = seal.chain_head(conn, ident)
        seq += 1
        created_at = utc_now()
        envelope = {
            "format": FORMAT, "changeset_id": new_id(), "device_id": ident.device_id,
            "key_id": ident.key_id, "ministry_code": ident.ministry_code, "device_seq": seq,
            "prev_hash": prev, "schema_version": seal.SCHEMA_VERSION,
            "base_server_seq": seal.pulled_cursor(conn), "created_at": created_at,
            "environment": ident.environment, "kind": "key_rotate", "ops": [],
            "attachments": [], "new_key": {"public_key": new_public, "key_id": new_kid},
        }
        validate_envelope(envelope)
        payload = canonical(envelope)
        pending = conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE device_id = ? AND state IN ('pending', 'held')",
            (ident.device_id,)).scalar_one()
        uow.session.execute(insert(Outbox).values(
            device_id=ident.device_id, device_seq=seq, changeset_id=envelope["changeset_id"],
            kind="key_rotate", payload=payload,
            signature=signing.sign_bytes(ident.private_key, signing.CHANGESET, payload),
            cosignature=signing.sign_bytes(new, signing.CHANGESET, payload),
            payload_sha256=signing.sha256_hex(payload), prev_hash=prev, op_count=0,
            attachment_count=0, txn_id=uow.txn_id, created_at=created_at, state="pending",
            last_error="", attempts=0))
        uow.session.execute(update(SyncIdentity).where(SyncIdentity.slot == 1).values(
            next_key_id=new_kid, next_public_key=new_public,
            next_private_key=signing.private_bytes(new)))
        result = Rotation(seq, envelope["changeset_id"], ident.key_id, new_kid, int(pending))
    seal.invalidate(db.engine)
    return result


def promote(session: Any, new_key_id: str) -> bool:
    """Inside the caller's unit of work: the rotation to `new_key_id` was acknowledged, so the
    new key becomes the current one (sign-in included) and the old private key is dropped.
    False when there is nothing to do (already promoted, or another key)."""
    row = session.get(SyncIdentity, 1)
    if row is None or row.next_key_id != new_key_id or row.next_private_key is None:
        return False
    row.key_id, row.public_key = row.next_key_id, row.next_public_key
    row.private_key = row.next_private_key
    row.next_key_id = row.next_public_key = row.next_private_key = None
    return True


def adopt_after_refusal(db: Database) -> bool:
    """The server refused sign-in with the old key as `key_rotated`: it applied this
    installation's rotation, whose ack never arrived. Switch to the new key (the resent
    rotation will get its stored ack). False when no rotation is waiting."""
    with db.unit_of_work(origin="sync", description="Sync: the server applied the key "
                                                    "rotation; use the new key") as uow:
        row = uow.session.get(SyncIdentity, 1)
        if row is None or row.next_key_id is None:
            return False
        promoted = promote(uow.session, row.next_key_id)
    seal.invalidate(db.engine)
    return promoted
