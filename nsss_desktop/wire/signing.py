"""Ed25519 keys and domain-separated signatures.

Every signed thing has its own prefix, so a signature made for one purpose (a change set) can
never be replayed as another (an ack, a checkpoint, an enrolment proof).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from nsss_desktop.wire.canonical import canonical

CHANGESET = b"nsss-cs/1\x00"
ACK = b"nsss-ack/1\x00"
CHECKPOINT = b"nsss-checkpoint/1\x00"
SERVER_KEYS = b"nsss-server-keys/1\x00"
ENROL = b"nsss-enrol/1\x00"
SESSION = b"nsss-session/1\x00"
SYNC_FILE = b"nsss-sync-file/1\x00"
PREFIXES = (CHANGESET, ACK, CHECKPOINT, SERVER_KEYS, ENROL, SESSION, SYNC_FILE)


def b64e(raw: bytes) -> str:
    """URL-safe base64 without padding (the form used for keys and signatures on the wire)."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    """Decode `b64e` output; ValueError on anything else (including padding and +/)."""
    if not isinstance(text, str) or not text or any(c in text for c in "=+/ \n"):
        raise ValueError("not unpadded URL-safe base64")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64e(raw) != text:
        raise ValueError("not canonical base64")
    return raw


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def private_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_raw: bytes) -> str:
    """Rule 2: the first 16 bytes of SHA-256 of the raw public key, as 32 hex digits."""
    return hashlib.sha256(public_raw).digest()[:16].hex()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sign_bytes(key: Ed25519PrivateKey, prefix: bytes, message: bytes) -> str:
    assert prefix in PREFIXES
    return b64e(key.sign(prefix + message))


def sign(key: Ed25519PrivateKey, prefix: bytes, document: Any) -> str:
    """Signature over `prefix + JCS(document)`, base64url."""
    return sign_bytes(key, prefix, canonical(document))


def verify_bytes(public_raw: bytes, prefix: bytes, message: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(b64d(signature), prefix + message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def verify(public_raw: bytes, prefix: bytes, document: Any, signature: str) -> bool:
    return verify_bytes(public_raw, prefix, canonical(document), signature)
