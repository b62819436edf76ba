"""The server's keys (docs/sync.md §3.1, R20, R21).

- The **root key** is offline: its private half is written once to ``<data dir>/root.key``
  (mode 0600) and never enters the database. Desktops pin its public half at enrolment.
- The **signing key** signs acks, checkpoints and sync-file replies. Its private half lives in
  the database (the server must sign unattended). Rotating it publishes ``server_keys`` version
  N+1, signed by the root, which desktops accept only after version N.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, func, insert, select, update

from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical
from sync import clock
from sync.audit import audit
from sync.schema import server_key, server_keys_doc, server_meta

ROOT_KEY_FILE = "root.key"


class KeySetupError(Exception):
    """A key problem the administrator must fix (wrong root key file, unreadable file)."""


def meta_get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(server_meta.c.value).where(server_meta.c.key == key)
                        ).scalar_one_or_none()


def meta_set(conn: Connection, key: str, value: str) -> None:
    if meta_get(conn, key) is None:
        conn.execute(insert(server_meta).values(key=key, value=value))
    else:
        conn.execute(update(server_meta).where(server_meta.c.key == key).values(value=value))


def read_root_key(path: Path) -> Ed25519PrivateKey:
    """The root private key from its file (base64url of the 32 raw bytes)."""
    try:
        raw = signing.b64d(path.read_text(encoding="ascii").strip())
        return signing.private_from_bytes(raw)
    except OSError as exc:
        raise KeySetupError(f"cannot read the root key file {path}: {exc.strerror}") from None
    except (ValueError, UnicodeDecodeError):
        raise KeySetupError(f"{path} does not hold an Ed25519 root key") from None


def write_root_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Create the root key file, readable by its owner only; never overwrite one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(signing.b64e(signing.private_bytes(key)) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


@dataclass(frozen=True)
class RootInfo:
    public_key: str  # base64url of the raw public key: what desktops pin
    key_id: str


def root_info(conn: Connection) -> RootInfo | None:
    pub = meta_get(conn, "root_public_key")
    kid = meta_get(conn, "root_key_id")
    return RootInfo(pub, kid) if pub and kid else None


def _publish(conn: Connection, root: Ed25519PrivateKey, environment: str, version: int,
             keys: list[dict[str, str]]) -> None:
    issued = clock.now_iso()
    doc = {"version": version, "environment": environment, "keys": keys, "issued_at": issued}
    conn.execute(insert(server_keys_doc).values(
        version=version, doc=canonical(doc), signature=signing.sign(root, signing.SERVER_KEYS, doc),
        root_key_id=signing.key_id(signing.public_bytes(root)), issued_at=issued))


def _new_signing_key(conn: Connection, version: int) -> dict[str, str]:
    key = signing.new_private_key()
    pub = signing.public_bytes(key)
    entry = {"key_id": signing.key_id(pub), "public_key": signing.b64e(pub)}
    conn.execute(insert(server_key).values(
        key_id=entry["key_id"], public_key=entry["public_key"],
        private_key=signing.b64e(signing.private_bytes(key)), status="active", version=version,
        created_at=clock.now_iso()))
    return entry


@dataclass(frozen=True)
class InitResult:
    created: bool
    root: RootInfo
    signing_key_id: str
    version: int
    root_key_file: Path


def init_keys(conn: Connection, data_dir: Path, environment: str, actor: str) -> InitResult:
    """Create the root and signing keys if this database has none (idempotent).

    A root key file already in the data folder is reused (its public half may be pinned by
    desktops already); otherwise a new one is written before the database commits."""
    path = data_dir / ROOT_KEY_FILE
    existing = root_info(conn)
    if existing is not None:
        version, kid = latest_signing(conn)
        return InitResult(False, existing, kid, version, path)
    root = read_root_key(path) if path.exists() else None
    if root is None:
        root = signing.new_private_key()
        write_root_key(path, root)
    pub = signing.public_bytes(root)
    info = RootInfo(signing.b64e(pub), signing.key_id(pub))
    meta_set(conn, "root_public_key", info.public_key)
    meta_set(conn, "root_key_id", info.key_id)
    entry = _new_signing_key(conn, 1)
    _publish(conn, root, environment, 1, [entry])
    audit(conn, actor, "init_keys", details={"root_key_id": info.key_id,
                                             "signing_key_id": entry["key_id"], "version": 1})
    return InitResult(True, info, entry["key_id"], 1, path)


def rotate_server_key(conn: Connection, root: Ed25519PrivateKey, environment: str,
                      actor: str) -> tuple[int, str]:
    """Publish server_keys version N+1 with a new signing key, signed by `root`."""
    info = root_info(conn)
    if info is None:
        raise KeySetupError("this server has no keys yet: run `admin init-keys` first")
    if signing.key_id(signing.public_bytes(root)) != info.key_id:
        raise KeySetupError("that is not this server's root key (its key id differs)")
    version = (conn.execute(select(func.max(server_keys_doc.c.version))).scalar_one() or 0) + 1
    conn.execute(update(server_key).where(server_key.c.status == "active")
                 .values(status="retired", retired_at=clock.now_iso()))
    entry = _new_signing_key(conn, version)
    _publish(conn, root, environment, version, [entry])
    audit(conn, actor, "rotate_server_key", details={"version": version,
                                                     "signing_key_id": entry["key_id"]})
    return version, entry["key_id"]


def latest_signing(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(server_key.c.version, server_key.c.key_id)
                       .where(server_key.c.status == "active")).one()
    return int(row.version), str(row.key_id)


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private: Ed25519PrivateKey
    version: int  # the newest server_keys document

    def sign(self, prefix: bytes, document: Any) -> str:
        return signing.sign(self.private, prefix, document)


# The columns `signing_key_of` needs; other queries add them to their own select list.
SIGNING_COLUMNS = (
    server_key.c.key_id.label("signing_key_id"),
    server_key.c.private_key.label("signing_private_key"),
    select(func.max(server_keys_doc.c.version)).scalar_subquery().label("server_keys_version"),
)
_SIGNING = select(*SIGNING_COLUMNS).where(server_key.c.status == "active")
# Parsed private keys by (key_id, stored text): a key's private half never changes, so the
# parse is done once per process; which key is active is still read in every transaction.
_PARSED: dict[tuple[str, str], Ed25519PrivateKey] = {}


def signing_key(conn: Connection) -> SigningKey:
    """The active signing key, read in the caller's transaction (so a rotation by another
    process is picked up at once, and every signature names a published key)."""
    return signing_key_of(conn.execute(_SIGNING).one())


def signing_key_of(row: Any) -> SigningKey:
    """The `SigningKey` of a row holding `SIGNING_COLUMNS` (the active key's)."""
    cache_key = (row.signing_key_id, row.signing_private_key)
    private = _PARSED.get(cache_key)
    if private is None:
        private = signing.private_from_bytes(signing.b64d(row.signing_private_key))
        _PARSED[cache_key] = private
    return SigningKey(row.signing_key_id, private, int(row.server_keys_version))


def server_keys_answer(conn: Connection, version: int | None = None) -> dict[str, Any] | None:
    """``{"doc", "signature", "root_key_id"}`` for `version` (the latest when None)."""
    query = select(server_keys_doc)
    if version is None:
        query = query.order_by(server_keys_doc.c.version.desc()).limit(1)
    else:
        query = query.where(server_keys_doc.c.version == version)
    row = conn.execute(query).first()
    if row is None:
        return None
    return {"doc": json.loads(row.doc), "signature": row.signature,
            "root_key_id": row.root_key_id}


def all_server_keys(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(server_keys_doc).order_by(server_keys_doc.c.version)).all()
    return [{"doc": json.loads(r.doc), "signature": r.signature, "root_key_id": r.root_key_id}
            for r in rows]
