"""Enrolment (R20, docs/sync.md §3.2): a key made here, proof of possession over a server
nonce, the server's keys checked against the pinned root key, the identity stored inside the
encrypted database.
"""

from __future__ import annotations

import socket
from typing import Any

from sqlalchemy import delete, insert, select

from nsss_desktop.domain.ids import is_uuid7
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, SyncIdentity, SyncRow, SyncState
from nsss_desktop.sync_client import seal
from nsss_desktop.sync_client.errors import SyncError, SyncTampered
from nsss_desktop.sync_client.http import ServerClient, normalise_url
from nsss_desktop.sync_client.identity import (
    Identity,
    decode_key,
    identity_row,
    utc_now,
    verify_server_keys,
)
from nsss_desktop.wire import signing
from nsss_desktop.wire.envelope import GENESIS_HASH

UNACKED_STATES = ("pending", "held", "quarantined")


def load(db: Database) -> Identity | None:
    with db.engine.connect() as conn:
        return seal.current_identity(conn)


def unacked_count(db: Database) -> int:
    with db.reader() as s:
        return len(s.scalars(select(Outbox.id).where(Outbox.state.in_(UNACKED_STATES))).all())


def check_can_enrol(db: Database, *, force: bool) -> Identity | None:
    current = load(db)
    if current is None:
        return None
    if not force:
        raise SyncError(
            f"This database is already enrolled as device {current.device_id} of "
            f"{current.ministry_code} with {current.server_url}.",
            hint="Enrolling again is only needed after GED revoked this installation: add "
                 "--force (allowed once every change set has its receipt).")
    pending = unacked_count(db)
    if pending:
        raise SyncError(
            f"This database still has {pending} change set(s) without a receipt from the "
            "server, so it cannot be enrolled again.",
            hint="Sync first (nsss-desktop sync now). If the server refuses them, ask GED IT; "
                 "never delete a database whose outbox is not empty.")
    return current


def store_identity(db: Database, ident: Identity, *, user_id: str | None = None,
                   previous: Identity | None = None) -> None:
    """Write the identity (replacing an earlier one) and the initial sync state."""
    with db.unit_of_work(user_id=user_id, origin="sync",
                         description=f"Sync: enrol device {ident.device_id} of "
                                     f"{ident.ministry_code}") as uow:
        s = uow.session
        s.execute(delete(SyncIdentity))
        s.execute(insert(SyncIdentity).values(**identity_row(ident)))
        fresh_server = previous is None or previous.environment != ident.environment \
            or previous.root_public_key != ident.root_public_key
        if fresh_server:
            s.execute(delete(SyncState))
            s.execute(delete(SyncRow))
        if s.get(SyncState, 1) is None:
            s.add(SyncState(slot=1, cursor=0, log_head_hash=GENESIS_HASH, checkpoint_seq=0,
                            last_error="", imported_replies=""))
    seal.invalidate(db.engine)


def enrol(db: Database, *, server_url: str, code: str, root_key: str,
          environment: str | None = None, device_name: str | None = None,
          user_id: str | None = None, force: bool = False, client: ServerClient | None = None,
          allow_http: bool = False) -> Identity:
    """Enrol this installation with the GED server; return the stored identity."""
    previous = check_can_enrol(db, force=force)
    root_raw = decode_key(root_key, "GED root key")
    server_url = normalise_url(server_url, allow_http=allow_http)
    code = (code or "").strip().upper()
    if not code:
        raise SyncError("No enrolment code was given.",
                        hint="Ask the GED administrator for a code (nsss-server admin "
                             "enrol-code).")
    key = signing.new_private_key()
    public_raw = signing.public_bytes(key)
    public_key, kid = signing.b64e(public_raw), signing.key_id(public_raw)
    name = (device_name or socket.gethostname() or "desktop")[:100]
    own_client = client is None
    client = client or ServerClient(server_url, allow_http=allow_http)
    try:
        nonce = client.nonce()
        proof = {"code": code, "nonce": nonce, "public_key": public_key, "device_name": name}
        body = {**proof, "signature": signing.sign(key, signing.ENROL, proof)}
        answer: dict[str, Any] = client.request("POST", "/v1/enrol", json=body,
                                                auth=False).json()
    finally:
        if own_client:
            client.close()
    env = answer.get("environment")
    if environment is not None and env != environment:
        raise SyncTampered(f"The server is environment {env!r}, not {environment!r} as "
                           "expected. Nothing was stored.",
                           hint="Check the server address and --environment.")
    if answer.get("key_id") != kid or not is_uuid7(str(answer.get("device_id", ""))) \
            or not answer.get("ministry_code") or not isinstance(env, str):
        raise SyncTampered("The server's answer to the enrolment does not match this "
                           "installation's key. Nothing was stored.",
                           hint="Check the server address; report this to GED IT.")
    doc = verify_server_keys(answer.get("server_keys"), root_public_key=root_raw,
                             environment=env)
    ident = Identity(
        device_id=answer["device_id"], key_id=kid, private_key=key, public_key=public_key,
        ministry_code=str(answer["ministry_code"]), user_name=str(answer.get("user_name", "")),
        device_name=name, environment=env, server_url=server_url,
        root_public_key=signing.b64e(root_raw), root_key_id=signing.key_id(root_raw),
        server_keys=[answer["server_keys"]], server_keys_version=int(doc.get("version", 1)),
        enrolled_at=utc_now())
    store_identity(db, ident, user_id=user_id, previous=previous)
    return ident
