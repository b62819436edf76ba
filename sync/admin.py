"""What ``nsss-server admin`` does, as functions returning plain data (the CLI prints it).

Every action that changes state writes an audit event in the same transaction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from sync import clock
from sync.audit import audit, audit_events
from sync.codes import issue_enrol_code
from sync.context import ServerContext
from sync.keys import read_root_key, root_info, rotate_server_key
from sync.schema import changeset, device, device_key, sync_conflict

ACTOR = "admin"


class AdminError(Exception):
    """A refusal of an admin command (unknown device, wrong key file...): exit code 2."""


def root_key(ctx: ServerContext) -> dict[str, str]:
    with ctx.db.read() as conn:
        info = root_info(conn)
    if info is None:
        raise AdminError("this server has no keys yet: run `admin init-keys`")
    return {"root_public_key": info.public_key, "root_key_id": info.key_id,
            "environment": ctx.environment}


def enrol_code(ctx: ServerContext, ministry: str, user: str, hours: float) -> dict[str, str]:
    if not 0 <= hours <= 24 * 30:
        raise AdminError("--hours must be between 0 and 720")
    try:
        with ctx.db.write() as conn:
            return issue_enrol_code(conn, ministry, user, hours, ACTOR)
    except ValueError as exc:
        raise AdminError(str(exc)) from None


def devices(ctx: ServerContext) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        devs = conn.execute(select(device).order_by(device.c.enrolled_at)).all()
        keys = conn.execute(select(device_key).order_by(device_key.c.first_seq)).all()
        held = dict(conn.execute(select(changeset.c.device_id, func.count()).where(
            changeset.c.status == "held").group_by(changeset.c.device_id)).all())
    by_device: dict[str, list[Any]] = {}
    for k in keys:
        by_device.setdefault(k.device_id, []).append(k)
    out = []
    for d in devs:
        dkeys = by_device.get(d.device_id, [])
        if d.revoked_at is not None:
            status = "revoked"
        elif any(k.status == "suspended" for k in dkeys):
            status = "suspended"
        else:
            status = "active"
        out.append({
            "device_id": d.device_id, "ministry_code": d.ministry_code,
            "user_name": d.user_name, "device_name": d.device_name,
            "enrolled_at": d.enrolled_at, "status": status, "revoked_at": d.revoked_at,
            "last_seq": int(d.last_seq), "held": int(held.get(d.device_id, 0)),
            "keys": [{"key_id": k.key_id, "status": k.status, "first_seq": int(k.first_seq),
                      "last_seq": None if k.last_seq is None else int(k.last_seq),
                      "reason": k.reason} for k in dkeys]})
    return out


def revoke(ctx: ServerContext, device_id: str, reason: str) -> dict[str, Any]:
    """Revoke every key of a device (server time, R22), end its sessions' use for pull and
    blobs, and quarantine its held sets for review."""
    now = clock.now_iso()
    with ctx.db.write(device_id=device_id) as conn:
        dev = conn.execute(select(device).where(device.c.device_id == device_id)).first()
        if dev is None:
            raise AdminError(f"no device {device_id!r} (see `admin devices`)")
        keys = conn.execute(select(device_key.c.key_id).where(
            device_key.c.device_id == device_id, device_key.c.status != "revoked")).scalars()
        key_ids = sorted(keys)
        conn.execute(update(device_key).where(device_key.c.device_id == device_id,
                                              device_key.c.status != "revoked").values(
            status="revoked", status_at=now, revoked_at=now, reason=reason))
        if dev.revoked_at is None:
            conn.execute(update(device).where(device.c.device_id == device_id)
                         .values(revoked_at=now))
        held = sorted(conn.execute(select(changeset.c.changeset_id).where(
            changeset.c.device_id == device_id, changeset.c.status == "held")).scalars())
        conn.execute(update(changeset).where(changeset.c.device_id == device_id,
                                             changeset.c.status == "held").values(
            status="quarantined", reason="revoked", decided_at=now))
        audit(conn, ACTOR, "device_revoked", device_id=device_id,
              details={"reason": reason, "key_ids": key_ids, "quarantined": held,
                       "already_revoked": dev.revoked_at is not None})
    return {"device_id": device_id, "revoked_at": dev.revoked_at or now,
            "revoked_key_ids": key_ids, "quarantined": held,
            "already_revoked": dev.revoked_at is not None}


def _sets(ctx: ServerContext, status: str) -> list[dict[str, Any]]:
    now = clock.now()
    with ctx.db.read() as conn:
        rows = conn.execute(select(changeset.c.changeset_id, changeset.c.device_id,
                                   changeset.c.device_seq, changeset.c.key_id,
                                   changeset.c.reason, changeset.c.received_at,
                                   changeset.c.decided_at, changeset.c.payload_sha256)
                            .where(changeset.c.status == status)
                            .order_by(changeset.c.device_id, changeset.c.device_seq)).all()
        next_seq = {d.device_id: int(d.last_seq) + 1 for d in conn.execute(select(device)).all()}
    out = []
    for r in rows:
        received = _parse_time(r.received_at)
        item = {"changeset_id": r.changeset_id, "device_id": r.device_id,
                "device_seq": int(r.device_seq), "key_id": r.key_id, "reason": r.reason,
                "received_at": r.received_at, "payload_sha256": r.payload_sha256,
                "age_minutes": round((now - received).total_seconds() / 60, 1)}
        if status == "held":
            item["awaiting_seq"] = next_seq.get(r.device_id)
        else:
            item["decided_at"] = r.decided_at
        out.append(item)
    return out


def held(ctx: ServerContext, min_age_minutes: float = 0) -> list[dict[str, Any]]:
    """Held sets (never applied across a gap, R9), oldest waits first per device."""
    return [s for s in _sets(ctx, "held") if s["age_minutes"] >= min_age_minutes]


def quarantine(ctx: ServerContext) -> list[dict[str, Any]]:
    return _sets(ctx, "quarantined")


def conflicts(ctx: ServerContext, kind: str | None = None) -> list[dict[str, Any]]:
    query = select(sync_conflict).order_by(sync_conflict.c.id)
    if kind:
        query = query.where(sync_conflict.c.kind == kind)
    with ctx.db.read() as conn:
        rows = conn.execute(query).all()
    return [{"id": r.id, "kind": r.kind, "changeset_id": r.changeset_id,
             "server_seq": r.server_seq, "device_id": r.device_id, "op_index": r.op_index,
             "table": r.table_name, "pk": r.pk, "fields": json.loads(r.fields),
             "base_rev": int(r.base_rev), "server_rev": int(r.server_rev),
             "server_values": json.loads(r.server_values),
             "your_values": json.loads(r.your_values), "op": json.loads(r.op),
             "created_at": r.created_at, "resolved_at": r.resolved_at} for r in rows]


def audit_log(ctx: ServerContext, limit: int) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return audit_events(conn, limit)


def rotate_key(ctx: ServerContext, root_key_file: Path) -> dict[str, Any]:
    root = read_root_key(root_key_file)
    with ctx.db.write() as conn:
        version, key_id = rotate_server_key(conn, root, ctx.environment, ACTOR)
    return {"server_keys_version": version, "signing_key_id": key_id}


def _parse_time(text: str) -> Any:
    from datetime import UTC, datetime

    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
