"""Who is talking: nonces, enrolment (§3.2), sessions (§3.3) and the bearer dependency.

A device proves possession of its key twice: once at enrolment (signing the single-use code and
a fresh server nonce) and at every sign-in (signing a nonce and the environment). Codes and
session tokens are stored only as SHA-256 hashes, so a copy of the database enrols nobody and
impersonates nobody.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import Request
from sqlalchemy import Connection, delete, insert, select, update
from starlette.concurrency import run_in_threadpool

from nsss_desktop.domain.ids import new_id
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import WireError, strict_loads
from nsss_desktop.wire.envelope import GENESIS_HASH
from sync import clock
from sync.audit import audit
from sync.codes import CODE_PATTERN, normalise_code, sha256_text
from sync.context import ServerContext
from sync.errors import ApiError
from sync.keys import server_keys_answer
from sync.logs import log_event
from sync.schema import device, device_key, enrol_code, nonce, session

NONCE_TTL = timedelta(minutes=5)
SESSION_TTL = timedelta(hours=1)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
_UPLOAD_SESSIONS_CACHED = 10_000


# ---------------------------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------------------------


def parse_body(raw: bytes, fields: dict[str, type]) -> dict[str, Any]:
    """A strict JSON object holding exactly `fields`, each of its type (422 with a path)."""
    try:
        obj = strict_loads(raw)
    except WireError as exc:
        raise ApiError.from_wire(exc) from None
    if not isinstance(obj, dict):
        raise ApiError(422, "invalid_body", "the body must be a JSON object", path="$")
    for name in sorted(set(obj) - set(fields)):
        raise ApiError(422, "invalid_body", "is not a field of this request", path=f"$.{name}")
    for name, kind in fields.items():
        if name not in obj:
            raise ApiError(422, "invalid_body", "is missing", path=f"$.{name}")
        value = obj[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ApiError(422, "invalid_body", f"must be {kind.__name__}", path=f"$.{name}")
    return obj


# ---------------------------------------------------------------------------------------------
# Nonces
# ---------------------------------------------------------------------------------------------


def issue_nonce(ctx: ServerContext) -> dict[str, str]:
    value = signing.b64e(secrets.token_bytes(32))
    start = clock.now()
    expires = clock.iso_in(NONCE_TTL, start)
    with ctx.db.write() as conn:
        # Housekeeping: spent and expired nonces older than a day are of no further use.
        conn.execute(delete(nonce).where(nonce.c.expires_at < clock.iso_in(-timedelta(days=1))))
        conn.execute(insert(nonce).values(nonce=value, created_at=clock.iso(start),
                                          expires_at=expires))
    return {"nonce": value, "expires_at": expires}


def _nonce_usable(conn: Connection, value: str) -> bool:
    row = conn.execute(select(nonce).where(nonce.c.nonce == value)).first()
    return row is not None and row.used_at is None and row.expires_at > clock.now_iso()


def _spend_nonce(conn: Connection, value: str) -> bool:
    now = clock.now_iso()
    done = conn.execute(update(nonce).where(nonce.c.nonce == value, nonce.c.used_at.is_(None),
                                            nonce.c.expires_at > now).values(used_at=now))
    return done.rowcount == 1


# ---------------------------------------------------------------------------------------------
# Enrolment (device)
# ---------------------------------------------------------------------------------------------


ENROL_FIELDS = {"code": str, "public_key": str, "nonce": str, "device_name": str,
                "signature": str}


def enrol(ctx: ServerContext, raw: bytes) -> dict[str, Any]:
    """Enrol a device: code valid and unused, nonce fresh, proof of possession (§3.2)."""
    body = parse_body(raw, ENROL_FIELDS)
    name = unicodedata.normalize("NFC", body["device_name"].strip())
    if not name or len(name) > 200 or any(unicodedata.category(c) == "Cc" for c in name):
        raise ApiError(422, "invalid_body", "the device name must be 1 to 200 printable "
                       "characters", path="$.device_name")
    code = normalise_code(body["code"])
    with ctx.db.write() as conn:
        row = None
        if CODE_PATTERN.fullmatch(code):
            row = conn.execute(select(enrol_code).where(
                enrol_code.c.code_hash == sha256_text(code))).first()
        if row is None:
            raise ApiError(403, "bad_code", "this enrolment code is not known")
        if row.used_at is not None:
            raise ApiError(403, "code_used", "this enrolment code has been used already; ask "
                           "the GED administrator for a new one")
        if row.expires_at <= clock.now_iso():
            raise ApiError(403, "code_expired", "this enrolment code has expired; ask the GED "
                           "administrator for a new one")
        if not _nonce_usable(conn, body["nonce"]):
            raise ApiError(403, "bad_nonce", "the nonce is unknown, used or expired; get a new "
                           "one from /v1/nonce")
        try:
            public_raw = signing.b64d(body["public_key"])
            if len(public_raw) != 32:
                raise ValueError
        except ValueError:
            raise ApiError(422, "bad_public_key", "public_key must be a raw Ed25519 key, "
                           "base64url", path="$.public_key") from None
        proof = {"code": body["code"], "nonce": body["nonce"], "public_key": body["public_key"],
                 "device_name": body["device_name"]}
        if not signing.verify(public_raw, signing.ENROL, proof, body["signature"]):
            raise ApiError(422, "bad_signature", "the signature does not prove possession of "
                           "the key", path="$.signature")
        kid = signing.key_id(public_raw)
        if conn.execute(select(device_key.c.key_id).where(device_key.c.key_id == kid)).first():
            raise ApiError(409, "key_exists", "this key is enrolled already; make a new key")
        now = clock.now_iso()
        device_id = new_id()
        used = conn.execute(update(enrol_code).where(
            enrol_code.c.code_hash == row.code_hash, enrol_code.c.used_at.is_(None)
        ).values(used_at=now, device_id=device_id))
        if used.rowcount != 1:
            raise ApiError(403, "code_used", "this enrolment code has been used already")
        if not _spend_nonce(conn, body["nonce"]):
            raise ApiError(403, "bad_nonce", "the nonce is unknown, used or expired")
        conn.execute(insert(device).values(
            device_id=device_id, ministry_code=row.ministry_code, user_name=row.user_name,
            device_name=name, enrolled_at=now, last_seq=0, last_hash=GENESIS_HASH))
        conn.execute(insert(device_key).values(
            key_id=kid, device_id=device_id, public_key=body["public_key"], status="active",
            first_seq=1, created_at=now, status_at=now))
        audit(conn, device_id, "device_enrolled", device_id=device_id, key_id=kid,
              details={"ministry_code": row.ministry_code, "user_name": row.user_name,
                       "device_name": name})
        keys = server_keys_answer(conn)
    log_event("device enrolled", "device_enrolled", device_id=device_id, key_id=kid,
              ministry_code=row.ministry_code)
    return {"device_id": device_id, "key_id": kid, "ministry_code": row.ministry_code,
            "user_name": row.user_name, "environment": ctx.environment, "server_keys": keys}


# ---------------------------------------------------------------------------------------------
# Sessions
# ---------------------------------------------------------------------------------------------


SESSION_FIELDS = {"device_id": str, "key_id": str, "nonce": str, "signature": str}


def key_status_error(status: str, revoked: bool = False) -> ApiError | None:
    """The 403 for a key that may not act now (None for an active key)."""
    if revoked or status == "revoked":
        return ApiError(403, "revoked", "this device's key has been revoked by the GED "
                        "administrator")
    if status == "suspended":
        return ApiError(403, "suspended", "this device's key is suspended (two different "
                        "change sets with the same number were seen); contact GED")
    if status == "rotated":
        return ApiError(403, "key_rotated", "this key was replaced by a key rotation; use the "
                        "new key")
    return None


def open_session(ctx: ServerContext, raw: bytes) -> dict[str, str]:
    body = parse_body(raw, SESSION_FIELDS)
    with ctx.db.write() as conn:
        key = conn.execute(select(device_key, device.c.revoked_at).join(device).where(
            device_key.c.key_id == body["key_id"],
            device_key.c.device_id == body["device_id"])).first()
        if key is None:
            raise ApiError(403, "unknown_key", "this key is not enrolled for this device")
        refusal = key_status_error(key.status, key.revoked_at is not None)
        if refusal is not None:
            raise refusal
        if not _nonce_usable(conn, body["nonce"]):
            raise ApiError(403, "bad_nonce", "the nonce is unknown, used or expired; get a new "
                           "one from /v1/nonce")
        proof = {"device_id": body["device_id"], "key_id": body["key_id"],
                 "nonce": body["nonce"], "environment": ctx.environment}
        if not signing.verify(signing.b64d(key.public_key), signing.SESSION, proof,
                              body["signature"]):
            raise ApiError(403, "bad_signature", "the sign-in signature is not valid for this "
                           "key and environment", path="$.signature")
        if not _spend_nonce(conn, body["nonce"]):
            raise ApiError(403, "bad_nonce", "the nonce is unknown, used or expired")
        token = signing.b64e(secrets.token_bytes(32))
        start = clock.now()
        expires = clock.iso_in(SESSION_TTL, start)
        conn.execute(delete(session).where(session.c.expires_at < clock.iso(start)))
        conn.execute(insert(session).values(
            token_hash=sha256_text(token), device_id=body["device_id"], key_id=body["key_id"],
            created_at=clock.iso(start), expires_at=expires))
    log_event("session opened", "session_opened", device_id=body["device_id"],
              key_id=body["key_id"])
    return {"token": token, "expires_at": expires}


@dataclass(frozen=True)
class DeviceAuth:
    """The device behind a bearer token: what every authenticated handler trusts."""

    device_id: str
    key_id: str
    ministry_code: str


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not _TOKEN.fullmatch(token):
        raise ApiError(401, "unauthenticated", "sign in first: Authorization: Bearer <token> "
                       "from /v1/session", headers={"WWW-Authenticate": "Bearer"})
    return token


def authenticate(ctx: ServerContext, request: Request, *, allow_refused_keys: bool = False
                 ) -> DeviceAuth:
    """Resolve the bearer token. 401 ``session_expired`` for an unknown or expired token;
    403 for a revoked or suspended key unless `allow_refused_keys` (the upload endpoint
    answers those per change set, so that duplicates still get their stored ack)."""
    token = _bearer(request)
    with ctx.db.read() as conn:
        row = conn.execute(
            select(session.c.device_id, session.c.key_id, session.c.expires_at,
                   device.c.ministry_code, device.c.revoked_at, device_key.c.status)
            .join(device, device.c.device_id == session.c.device_id)
            .join(device_key, device_key.c.key_id == session.c.key_id)
            .where(session.c.token_hash == sha256_text(token))).first()
    if row is None or row.expires_at <= clock.now_iso():
        raise ApiError(401, "session_expired", "the session has expired; sign in again",
                       headers={"WWW-Authenticate": "Bearer"})
    if not allow_refused_keys and row.status != "rotated":
        refusal = key_status_error(row.status, row.revoked_at is not None)
        if refusal is not None:
            raise refusal
    who = DeviceAuth(device_id=row.device_id, key_id=row.key_id,
                     ministry_code=row.ministry_code)
    if allow_refused_keys:
        cache = ctx.upload_sessions
        if len(cache) >= _UPLOAD_SESSIONS_CACHED:
            cache.clear()
        cache[sha256_text(token)] = (who, row.expires_at)
    return who


def _context(request: Request) -> ServerContext:
    """The server context of the app serving `request` (opened on first use)."""
    return request.app.state.nsss.context()


def current_device(request: Request) -> DeviceAuth:
    """FastAPI dependency for bearer endpoints (pull, digest, blobs): 401/403 of §3.3."""
    return authenticate(_context(request), request)


async def current_device_for_upload(request: Request) -> DeviceAuth:
    """The upload endpoint's dependency: a revoked or suspended key still gets through, so
    that each change set gets its own answer (stored duplicate ack, or 403 + quarantine).

    What it answers for a token never changes until the token expires (sessions are deleted
    only once expired; a device's key, ministry and the session's key are fixed; revocation
    does not stop uploads), so a token seen by this process is answered from memory, without
    a database read or a thread hop, until its ``expires_at``."""
    ctx = request.app.state.nsss.opened()
    if ctx is not None:
        hit = ctx.upload_sessions.get(sha256_text(_bearer(request)))
        if hit is not None and hit[1] > clock.now_iso():
            return hit[0]
    return await run_in_threadpool(
        lambda: authenticate(_context(request), request, allow_refused_keys=True))


__all__ = ["DeviceAuth", "current_device", "current_device_for_upload"]
