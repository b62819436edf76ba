"""The enrolled identity of this installation, and checks of what the server signs.

The private key is stored inside the SQLCipher database (the `sync_identity` row) and never
leaves it. Server signatures (acks, checkpoints, reply files) are accepted only from a key
listed in a server-keys document signed by the root key pinned at enrolment; documents are
accepted one version at a time, N+1 only after N (docs/sync.md §3.1).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from nsss_desktop.sync_client.errors import SyncTampered
from nsss_desktop.wire import signing


def utc_now() -> str:
    """Now as the wire writes times: RFC 3339 UTC with milliseconds and a Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def decode_key(text: str, what: str = "key") -> bytes:
    """A 32-byte Ed25519 public key given as unpadded base64url (the wire form), padded
    base64 or 64 hex digits; SyncTampered names what was wrong."""
    text = (text or "").strip()
    raw: bytes | None = None
    try:
        raw = signing.b64d(text)
    except (ValueError, TypeError):
        try:
            raw = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text,
                                                                                validate=True)
        except ValueError:
            raw = None
    if raw is None or len(raw) != 32:
        raise SyncTampered(f"The {what} is not an Ed25519 public key (32 bytes in base64).",
                           hint="Copy it again exactly as the GED administrator gave it.")
    return raw


@dataclass
class Identity:
    device_id: str
    key_id: str
    private_key: Ed25519PrivateKey
    public_key: str
    ministry_code: str
    user_name: str
    device_name: str
    environment: str
    server_url: str
    root_public_key: str
    root_key_id: str
    server_keys: list[dict[str, Any]] = field(default_factory=list)  # accepted, oldest first
    server_keys_version: int = 0
    enrolled_at: str = ""
    # The new key of a sealed key rotation the server has not acknowledged yet (R21): sets
    # sealed after the rotation are signed with it; sign-in keeps the current key until the
    # rotation's ack arrives (rotate.py).
    next_key_id: str | None = None
    next_public_key: str | None = None
    next_private_key: Ed25519PrivateKey | None = None

    @property
    def sealing_key_id(self) -> str:
        """The key new change sets are signed with (the rotation's new key once sealed)."""
        return self.next_key_id or self.key_id

    @property
    def sealing_private_key(self) -> Ed25519PrivateKey:
        return self.next_private_key if self.next_private_key is not None else self.private_key

    def server_key(self, key_id: str) -> bytes | None:
        """The public key of a server signing key listed in an accepted server-keys doc."""
        for wrapped in reversed(self.server_keys):
            for key in wrapped["doc"].get("keys", []):
                if key.get("key_id") == key_id:
                    return decode_key(key["public_key"], "server key")
        return None

    def signing_key_ids(self) -> set[str]:
        return {k.get("key_id") for w in self.server_keys for k in w["doc"].get("keys", [])}

    def verify_server(self, prefix: bytes, document: Any, signature: str, *,
                      key_id: str | None = None, what: str = "answer") -> str:
        """Check a server signature; return the key id that made it. Without `key_id`, any
        accepted key may have signed (the document does not name its key)."""
        candidates = [key_id] if key_id else sorted(k for k in self.signing_key_ids() if k)
        for kid in candidates:
            raw = self.server_key(kid)
            if raw is not None and signing.verify(raw, prefix, document, signature):
                return kid
        if key_id and self.server_key(key_id) is None:
            raise SyncTampered(
                f"The server's {what} is signed by key {key_id}, which is not in any server-keys "
                "document signed by the pinned GED root key. It was not accepted.",
                hint="Check the server address; if GED rotated its keys, sync again once "
                     "the new keys are published.")
        raise SyncTampered(f"The server's {what} carries a signature that does not verify. "
                           "It was not accepted.",
                           hint="Something between this PC and the GED server altered it; "
                                "report this to GED IT.")


def verify_server_keys(wrapped: Any, *, root_public_key: bytes, environment: str | None,
                       expected_version: int | None = None) -> dict[str, Any]:
    """Check a `{doc, signature, root_key_id}` server-keys document against the pinned root;
    return the doc."""
    if not isinstance(wrapped, dict) or not isinstance(wrapped.get("doc"), dict):
        raise SyncTampered("The server sent no server-keys document.",
                           hint="Check the server address.")
    doc, signature = wrapped["doc"], wrapped.get("signature", "")
    root_id = signing.key_id(root_public_key)
    if wrapped.get("root_key_id") not in (None, root_id) or not isinstance(signature, str) \
            or not signing.verify(root_public_key, signing.SERVER_KEYS, doc, signature):
        raise SyncTampered(
            "The server's keys are not signed by the GED root key given for this installation.",
            hint="Check the root key (nsss-server admin root-key prints it) and the server "
                 "address; this may not be the GED server.")
    if environment is not None and doc.get("environment") != environment:
        raise SyncTampered(
            f"The server's keys are for environment {doc.get('environment')!r}, not "
            f"{environment!r}.", hint="Check the server address and --environment.")
    if expected_version is not None and doc.get("version") != expected_version:
        raise SyncTampered(f"The server sent server-keys version {doc.get('version')} where "
                           f"version {expected_version} was expected.",
                           hint="Report this to GED IT.")
    if not isinstance(doc.get("keys"), list) or not doc["keys"]:
        raise SyncTampered("The server-keys document lists no keys.", hint="Report this to GED IT.")
    return doc


_COLUMNS = ("device_id", "key_id", "private_key", "public_key", "ministry_code", "user_name",
            "device_name", "environment", "server_url", "root_public_key", "root_key_id",
            "server_keys", "server_keys_version", "enrolled_at", "next_key_id",
            "next_public_key", "next_private_key")


def load_identity(conn: Connection, *, rotation: bool = True) -> Identity | None:
    """The stored identity; `rotation` False reads a schema kept at 0006 (no next_* columns)."""
    columns = _COLUMNS if rotation else _COLUMNS[:-3]
    row = conn.exec_driver_sql(
        f"SELECT {', '.join(columns)} FROM sync_identity WHERE slot = 1").first()
    if row is None:
        return None
    values = dict(zip(columns, row, strict=True))
    values["private_key"] = signing.private_from_bytes(bytes(values["private_key"]))
    if values.get("next_private_key") is not None:
        values["next_private_key"] = signing.private_from_bytes(bytes(values["next_private_key"]))
    docs = json.loads(values["server_keys"])
    values["server_keys"] = docs if isinstance(docs, list) else [docs]
    return Identity(**values)


def identity_row(ident: Identity) -> dict[str, Any]:
    """Column values of the `sync_identity` row for `ident`."""
    return {
        "slot": 1, "device_id": ident.device_id, "key_id": ident.key_id,
        "private_key": signing.private_bytes(ident.private_key), "public_key": ident.public_key,
        "ministry_code": ident.ministry_code, "user_name": ident.user_name,
        "device_name": ident.device_name, "environment": ident.environment,
        "server_url": ident.server_url, "root_public_key": ident.root_public_key,
        "root_key_id": ident.root_key_id, "server_keys": json.dumps(ident.server_keys),
        "server_keys_version": ident.server_keys_version, "enrolled_at": ident.enrolled_at,
        "next_key_id": ident.next_key_id, "next_public_key": ident.next_public_key,
        "next_private_key": None if ident.next_private_key is None
        else signing.private_bytes(ident.next_private_key),
    }
