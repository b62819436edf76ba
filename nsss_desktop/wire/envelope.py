"""The change-set envelope (``nsss-cs/1``), and the signed documents the server answers with.

A sealed change set travels as ``{"changeset": <envelope>, "signature": <b64url>}`` (plus
``"cosignature"`` for a key rotation, signed by the new key over the same bytes). The
signature covers ``signing.CHANGESET + JCS(envelope)``; `payload_sha256` is SHA-256 of
``JCS(envelope)``, and it is what the device's hash chain (`prev_hash`) links.
"""

from __future__ import annotations

import re
from typing import Any

from nsss_desktop.domain.ids import is_uuid7
from nsss_desktop.wire.canonical import WireError

FORMAT = "nsss-cs/1"
GENESIS_HASH = "0" * 64  # prev_hash of a device's first change set
MAX_CHANGESET_BYTES = 1024 * 1024  # canonical size cap of one set (rule 6)
MAX_BATCH_SETS = 100  # rule 8
MAX_BATCH_BYTES = 1024 * 1024  # what a client packs; the server takes bodies up to 2 MiB so
# that one set at the 1 MiB cap still fits with its transport wrapper
MAX_OPS = 5000
KINDS = ("data", "key_rotate")
OP_KINDS = ("upsert", "delete")
# Desktop schema versions in order; the server accepts the newest two (rule 24). 0007 (key
# rotation columns, row owners) changes no wire field, but a desktop at 0007 seals under it,
# and sets sealed at 0006 before the upgrade are still accepted (N-1).
SCHEMA_VERSIONS = ("0005", "0006", "0007")
ACK_STATUSES = ("applied", "duplicate", "held", "rejected")

_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_CODE = re.compile(r"[A-Za-z0-9_.-]{1,40}")
_IDENT = re.compile(r"[a-z][a-z0-9_]{0,62}")
_ENV = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")

ENVELOPE_FIELDS = {
    "format", "changeset_id", "device_id", "key_id", "ministry_code", "device_seq", "prev_hash",
    "schema_version", "base_server_seq", "created_at", "environment", "kind", "ops",
    "attachments", "new_key",
}
OP_FIELDS = {"table", "pk", "op", "base_rev", "owner", "set", "was"}
ATTACHMENT_FIELDS = {"sha256", "size", "media_type", "display_name"}


def _fail(path: str, message: str, code: str = "invalid_envelope") -> WireError:
    return WireError(code, message, status=422, path=path)


def _need(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], path: str) -> Any:
    if key not in obj:
        raise _fail(f"{path}.{key}", "is missing")
    value = obj[key]
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise _fail(f"{path}.{key}", f"must be {getattr(kind, '__name__', kind)}")
    return value


def _match(pattern: re.Pattern[str], value: str, path: str, what: str) -> str:
    if not pattern.fullmatch(value):
        raise _fail(path, f"is not {what}")
    return value


def validate_envelope(env: Any) -> dict[str, Any]:
    """Check the shape of a parsed envelope; return it unchanged or raise WireError (422)."""
    if not isinstance(env, dict):
        raise _fail("$", "the change set must be a JSON object")
    unknown = sorted(set(env) - ENVELOPE_FIELDS)
    if unknown:
        raise _fail(f"$.{unknown[0]}", "is not a field of nsss-cs/1")
    if _need(env, "format", str, "$") != FORMAT:
        raise _fail("$.format", f"must be {FORMAT!r}", code="unsupported_format")
    for key in ("changeset_id", "device_id"):
        if not is_uuid7(_need(env, key, str, "$")):
            raise _fail(f"$.{key}", "is not a lowercase UUIDv7")
    _match(_HEX32, _need(env, "key_id", str, "$"), "$.key_id", "32 hex digits")
    _match(_CODE, _need(env, "ministry_code", str, "$"), "$.ministry_code", "a ministry code")
    if _need(env, "device_seq", int, "$") < 1:
        raise _fail("$.device_seq", "must be 1 or more")
    _match(_HEX64, _need(env, "prev_hash", str, "$"), "$.prev_hash", "64 hex digits")
    _need(env, "schema_version", str, "$")
    if _need(env, "base_server_seq", int, "$") < 0:
        raise _fail("$.base_server_seq", "must be 0 or more")
    _match(_TIME, _need(env, "created_at", str, "$"), "$.created_at", "an RFC 3339 UTC time")
    _match(_ENV, _need(env, "environment", str, "$"), "$.environment", "an environment name")
    kind = _need(env, "kind", str, "$")
    if kind not in KINDS:
        raise _fail("$.kind", f"must be one of {', '.join(KINDS)}")
    ops = _need(env, "ops", list, "$")
    if len(ops) > MAX_OPS:
        raise _fail("$.ops", f"holds more than {MAX_OPS} operations")
    for i, op in enumerate(ops):
        _validate_op(op, f"$.ops[{i}]")
    for i, att in enumerate(_need(env, "attachments", list, "$")):
        _validate_attachment(att, f"$.attachments[{i}]")
    if kind == "key_rotate":
        new_key = _need(env, "new_key", dict, "$")
        if set(new_key) != {"public_key", "key_id"}:
            raise _fail("$.new_key", "must hold exactly public_key and key_id")
        _need(new_key, "public_key", str, "$.new_key")
        _match(_HEX32, _need(new_key, "key_id", str, "$.new_key"), "$.new_key.key_id",
               "32 hex digits")
        if ops:
            raise _fail("$.ops", "a key rotation carries no data operations")
    elif "new_key" in env:
        raise _fail("$.new_key", "only a key_rotate change set names a new key")
    return env


def _validate_op(op: Any, path: str) -> None:
    if not isinstance(op, dict):
        raise _fail(path, "an operation must be an object")
    unknown = sorted(set(op) - OP_FIELDS)
    if unknown:
        raise _fail(f"{path}.{unknown[0]}", "is not a field of an operation")
    _match(_IDENT, _need(op, "table", str, path), f"{path}.table", "a table name")
    if not is_uuid7(_need(op, "pk", str, path)):
        raise _fail(f"{path}.pk", "is not a lowercase UUIDv7")
    if _need(op, "op", str, path) not in OP_KINDS:
        raise _fail(f"{path}.op", "must be upsert or delete")
    if _need(op, "base_rev", int, path) < 0:
        raise _fail(f"{path}.base_rev", "must be 0 or more")
    _match(_CODE, _need(op, "owner", str, path), f"{path}.owner", "a ministry code")
    for key in ("set", "was"):
        values = _need(op, key, dict, path)
        for col, value in values.items():
            _match(_IDENT, col, f"{path}.{key}", "column names")
            if isinstance(value, dict | list):
                raise _fail(f"{path}.{key}.{col}", "must be a string, integer, boolean or null")
    if op["op"] == "delete" and op["set"]:
        raise _fail(f"{path}.set", "a delete sets no values")


def _validate_attachment(att: Any, path: str) -> None:
    if not isinstance(att, dict) or set(att) != ATTACHMENT_FIELDS:
        raise _fail(path, f"must hold exactly {', '.join(sorted(ATTACHMENT_FIELDS))}")
    _match(_HEX64, _need(att, "sha256", str, path), f"{path}.sha256", "64 hex digits")
    if _need(att, "size", int, path) < 0:
        raise _fail(f"{path}.size", "must be 0 or more")
    _need(att, "media_type", str, path)
    _need(att, "display_name", str, path)


def ack_document(*, changeset_id: str, device_id: str, device_seq: int, payload_sha256: str,
                 status: str, conflicts: list[dict[str, Any]], server_seq: int | None,
                 received_at: str, log_head_hash: str, server_key_id: str) -> dict[str, Any]:
    """The ack of rule 15, to be signed with `signing.ACK` by the server's signing key."""
    assert status in ACK_STATUSES
    return {
        "changeset_id": changeset_id, "device_id": device_id, "device_seq": device_seq,
        "payload_sha256": payload_sha256, "status": status, "conflicts": conflicts,
        "server_seq": server_seq, "received_at": received_at, "log_head_hash": log_head_hash,
        "server_key_id": server_key_id,
    }


def log_entry_hash(*, server_seq: int, prev_entry_hash: str, changeset_id: str,
                   payload_sha256: str) -> str:
    """Rule 16: each server log entry hashes its predecessor; clients re-check the chain."""
    from nsss_desktop.wire.canonical import canonical
    from nsss_desktop.wire.signing import sha256_hex

    return sha256_hex(canonical({
        "server_seq": server_seq, "prev_entry_hash": prev_entry_hash,
        "changeset_id": changeset_id, "payload_sha256": payload_sha256,
    }))
