"""Fixtures for the desktop sync tests: real SQLCipher databases (copies of the demo), a test
GED root key and signing key, and a way to enrol a database without a server."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from nsss_desktop.domain.ids import new_id
from nsss_desktop.sync_client.enrol import store_identity
from nsss_desktop.sync_client.identity import Identity
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical
from nsss_desktop.wire.envelope import log_entry_hash

ENV = "ged-test"


def wire_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass
class FakeServerKeys:
    """A GED root key and signing key, making the documents a real server signs."""

    root: Any = field(default_factory=signing.new_private_key)
    key: Any = field(default_factory=signing.new_private_key)
    environment: str = ENV
    version: int = 1

    @property
    def root_public(self) -> str:
        return signing.b64e(signing.public_bytes(self.root))

    @property
    def key_id(self) -> str:
        return signing.key_id(signing.public_bytes(self.key))

    def keys_doc(self, version: int | None = None, keys: list[Any] | None = None) -> dict:
        doc = {"version": version or self.version, "environment": self.environment,
               "keys": [{"key_id": signing.key_id(signing.public_bytes(k)),
                         "public_key": signing.b64e(signing.public_bytes(k))}
                        for k in (keys or [self.key])],
               "issued_at": wire_time(datetime.now(UTC))}
        return {"doc": doc, "signature": signing.sign(self.root, signing.SERVER_KEYS, doc),
                "root_key_id": signing.key_id(signing.public_bytes(self.root))}

    def checkpoint(self, server_seq: int, head_hash: str, *, expires_in: float = 86400,
                   revoked: list[str] | None = None, key: Any = None) -> dict:
        now = datetime.now(UTC)
        doc = {"server_seq": server_seq, "head_hash": head_hash,
               "issued_at": wire_time(now),
               "expires_at": wire_time(now + timedelta(seconds=expires_in)),
               "environment": self.environment, "revoked_key_ids": revoked or [],
               "server_keys_version": self.version}
        return {"checkpoint": doc,
                "signature": signing.sign(key or self.key, signing.CHECKPOINT, doc)}

    def ack(self, envelope: dict, payload: bytes, *, status: str = "applied",
            server_seq: int | None = 1, conflicts: list | None = None,
            head: str = "0" * 64) -> dict:
        from nsss_desktop.wire.envelope import ack_document

        doc = ack_document(changeset_id=envelope["changeset_id"],
                           device_id=envelope["device_id"], device_seq=envelope["device_seq"],
                           payload_sha256=signing.sha256_hex(payload), status=status,
                           conflicts=conflicts or [], server_seq=server_seq,
                           received_at=wire_time(datetime.now(UTC)), log_head_hash=head,
                           server_key_id=self.key_id)
        return {"ack": doc, "signature": signing.sign(self.key, signing.ACK, doc)}


class FakeLog:
    """A server log: entries hash-chained as wire.envelope.log_entry_hash says."""

    def __init__(self) -> None:
        self.entries: list[dict] = []

    @property
    def head(self) -> str:
        return self.entries[-1]["entry_hash"] if self.entries else "0" * 64

    def append(self, changeset_id: str | None = None, payload_sha256: str | None = None) -> dict:
        seq = len(self.entries) + 1
        entry = {"server_seq": seq, "prev_entry_hash": self.head,
                 "changeset_id": changeset_id or new_id(),
                 "payload_sha256": payload_sha256 or signing.sha256_hex(str(seq).encode())}
        entry["entry_hash"] = log_entry_hash(
            server_seq=seq, prev_entry_hash=entry["prev_entry_hash"],
            changeset_id=entry["changeset_id"], payload_sha256=entry["payload_sha256"])
        self.entries.append(entry)
        return entry


@pytest.fixture
def server_keys() -> FakeServerKeys:
    return FakeServerKeys()


def enrol_offline(db, keys: FakeServerKeys, ministry: str = "MoSW") -> Identity:
    """Store an identity as a successful enrolment would (no server involved)."""
    key = signing.new_private_key()
    public_raw = signing.public_bytes(key)
    wrapped = keys.keys_doc()
    ident = Identity(
        device_id=new_id(), key_id=signing.key_id(public_raw), private_key=key,
        public_key=signing.b64e(public_raw), ministry_code=ministry, user_name="Test User",
        device_name="test-pc", environment=keys.environment, server_url="https://ged.invalid",
        root_public_key=keys.root_public,
        root_key_id=signing.key_id(signing.public_bytes(keys.root)), server_keys=[wrapped],
        server_keys_version=wrapped["doc"]["version"], enrolled_at="2026-11-25T00:00:00.000Z")
    store_identity(db, ident)
    return ident


def canonical_bytes(obj: Any) -> bytes:
    return canonical(obj)


# --- finding demo rows ------------------------------------------------------------------------


def scalar(db, sql: str, *params):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).scalar()


def ministry_id(db, code: str) -> str:
    return scalar(db, "SELECT id FROM ministry WHERE code = ?", code)


def programme_led_by(db, code: str) -> str:
    return scalar(db, "SELECT p.id FROM programme p JOIN ministry m ON m.id = p.lead_ministry_id "
                      "WHERE m.code = ? ORDER BY p.code LIMIT 1", code)


def figure_led_by(db, code: str) -> str:
    """A programme-level figure (ministry_id NULL) of a programme led by `code`."""
    return scalar(db, "SELECT f.id FROM figure f JOIN programme p ON p.id = f.programme_id "
                      "JOIN ministry m ON m.id = p.lead_ministry_id WHERE m.code = ? AND "
                      "f.ministry_id IS NULL ORDER BY f.id LIMIT 1", code)


def activity_of(db, code: str) -> str:
    return scalar(db, "SELECT a.id FROM activity a JOIN ministry m ON "
                      "m.id = a.responsible_ministry_id WHERE m.code = ? ORDER BY a.id LIMIT 1",
                  code)


def outbox_rows(db) -> list[dict]:
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.exec_driver_sql(
            "SELECT * FROM outbox ORDER BY device_id, device_seq").mappings()]


def envelopes(db) -> list[dict]:
    from nsss_desktop.wire.canonical import strict_loads

    return [strict_loads(bytes(r["payload"])) for r in outbox_rows(db)]
