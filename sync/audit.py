"""The audit trail: one row for every decision that changes who may do what (R22).

Admin actions, key suspensions, revocations, rotations and quarantines are all written here,
in the same transaction as the change they describe, so the trail can never miss one.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select

from sync import clock
from sync.schema import audit_event


def audit(conn: Connection, actor: str, action: str, *, device_id: str | None = None,
          key_id: str | None = None, details: dict[str, Any] | None = None) -> None:
    conn.execute(insert(audit_event).values(
        at=clock.now_iso(), actor=actor, action=action, device_id=device_id, key_id=key_id,
        details=json.dumps(details or {}, sort_keys=True, ensure_ascii=False)))


def audit_events(conn: Connection, limit: int = 1000) -> list[dict[str, Any]]:
    rows = conn.execute(select(audit_event).order_by(audit_event.c.id.desc()).limit(limit)).all()
    return [{"id": r.id, "at": r.at, "actor": r.actor, "action": r.action,
             "device_id": r.device_id, "key_id": r.key_id, "details": json.loads(r.details)}
            for r in rows]
