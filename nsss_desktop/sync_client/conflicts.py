"""Hard conflicts reported by the server (R12): list them, and resolve each one.

- keep mine: the local values become a new sealed edit based on the server's rev (so the
  server sees that this installation has seen its version, and applies the edit);
- take theirs: the server's values are written locally with origin "sync" (nothing is sent).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from nsss_desktop.errors import UsageError
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, SyncConflict, SyncRow
from nsss_desktop.sync_client import seal
from nsss_desktop.sync_client.errors import NotEnrolled
from nsss_desktop.sync_client.identity import utc_now
from nsss_desktop.sync_client.pull import apply_row
from nsss_desktop.sync_client.row_labels import row_label
from nsss_desktop.wire import tables
from nsss_desktop.wire.canonical import strict_loads

CHOICES = ("mine", "theirs")


@dataclass
class ConflictView:
    id: str
    kind: str
    table: str
    row_id: str
    fields: list[str]
    base_rev: int
    server_rev: int | None
    server_values: dict[str, Any] | None
    your_values: dict[str, Any] | None
    detected_at: str
    resolution: str | None
    changeset_id: str
    op_index: int
    label: str = ""  # which record, as an officer knows it: "OAA 2024-25 (MoSW)"

    def describe(self) -> str:
        parts = []
        for f in self.fields or sorted(set(self.your_values or {}) | set(self.server_values or {})):
            mine = (self.your_values or {}).get(f)
            theirs = (self.server_values or {}).get(f) if self.server_values is not None \
                else "(deleted on the server)"
            parts.append(f"{f}: yours {mine!r}, server {theirs!r}")
        return f"{self.table} {self.label or self.row_id}: " + "; ".join(parts)


def _view(c: SyncConflict) -> ConflictView:
    return ConflictView(c.id, c.kind, c.table_name, c.row_id, json.loads(c.fields or "[]"),
                        c.base_rev, c.server_rev, json.loads(c.server_values or "null"),
                        json.loads(c.your_values or "null"), c.detected_at, c.resolution,
                        c.changeset_id, c.op_index)


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[ConflictView]:
    with db.reader() as s:
        q = select(SyncConflict).where(SyncConflict.kind == "hard") \
            .order_by(SyncConflict.detected_at, SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.resolution.is_(None))
        views = [_view(c) for c in s.scalars(q)]
        conn = s.connection()
        for v in views:
            v.label = row_label(conn, v.table, v.row_id)
        return views


def _find(s: Any, conflict_id: str) -> SyncConflict:
    matches = list(s.scalars(select(SyncConflict).where(SyncConflict.id.like(f"{conflict_id}%"))))
    if len(matches) != 1:
        raise UsageError(f"No single conflict has the id '{conflict_id}'.",
                         hint="List them with: nsss-desktop sync conflicts")
    if matches[0].resolution is not None:
        raise UsageError("That conflict is already resolved.",
                         hint="List the open ones with: nsss-desktop sync conflicts")
    return matches[0]


def _original_op(s: Any, c: SyncConflict) -> dict[str, Any] | None:
    payload = s.scalar(select(Outbox.payload).where(Outbox.changeset_id == c.changeset_id))
    if payload is None:
        return None
    ops = strict_loads(bytes(payload)).get("ops", [])
    return ops[c.op_index] if 0 <= c.op_index < len(ops) else None


def resolve(db: Database, conflict_id: str, choice: str, *, user_id: str | None = None
            ) -> ConflictView:
    """Resolve one open hard conflict by keeping this installation's values ("mine") or the
    server's ("theirs")."""
    if choice not in CHOICES:
        raise UsageError(f"Unknown choice '{choice}'.", hint="Use mine or theirs.")
    with db.unit_of_work(user_id=user_id, origin="sync",
                         description=f"Sync: resolve a conflict ({choice})") as uow:
        s = uow.session
        conn = s.connection()
        c = _find(s, conflict_id)
        original = _original_op(s, c) or {}
        server_rev = c.server_rev if c.server_rev is not None else c.base_rev
        server_values = json.loads(c.server_values or "null")
        your_values = json.loads(c.your_values or "null")
        sync_row = s.get(SyncRow, (c.table_name, c.row_id))
        if choice == "theirs":
            if sync_row is not None and sync_row.skipped_seq is not None \
                    and sync_row.skipped_seq >= server_rev:
                data = json.loads(sync_row.skipped_data) if sync_row.skipped_data else None
                apply_row(conn, c.table_name, c.row_id, sync_row.skipped_deleted, data)
                server_rev = sync_row.skipped_seq
            else:
                apply_row(conn, c.table_name, c.row_id, _server_lacks(c, server_values),
                          server_values)
        else:
            ident = seal.current_identity(conn)
            if ident is None:
                raise NotEnrolled("This installation is not enrolled; nothing can be sent.",
                                  hint="Enrol it first: nsss-desktop sync enrol.")
            op = _keep_mine_op(conn, c, original, your_values, server_values, server_rev)
            if op is not None:
                ops = [seal.SealOp(op)]
                seal.check_ownership(ident, ops)
                seal.seal_ops(conn, ident, ops, txn_id=uow.txn_id)
        if sync_row is None:
            s.add(SyncRow(table_name=c.table_name, row_id=c.row_id, rev=server_rev,
                          skipped_deleted=False))
        else:
            sync_row.rev = server_rev
            sync_row.skipped_seq, sync_row.skipped_data, sync_row.skipped_deleted = \
                None, None, False
        c.resolution, c.resolved_at = choice, utc_now()
        s.flush()
        return _view(c)


def _server_lacks(c: SyncConflict, server_values: dict[str, Any] | None) -> bool:
    """The server has no such row: deleted there, or never received."""
    return server_values is None or (not server_values and not c.server_rev)


def _keep_mine_op(conn: Any, c: SyncConflict, original: dict[str, Any],
                  your_values: dict[str, Any] | None, server_values: dict[str, Any] | None,
                  server_rev: int) -> dict[str, Any] | None:
    """Write this installation's version locally again (a pull may have brought the server's
    since) and return the op that re-sends it over the server's rev."""
    local = conn.exec_driver_sql(f'SELECT * FROM "{c.table_name}" WHERE id = ?',
                                 (c.row_id,)).mappings().first()
    if original.get("op") == "delete":
        if server_values is None:
            return None  # deleted on both sides: nothing left to disagree about
        if local is not None:
            apply_row(conn, c.table_name, c.row_id, True, None)
        was = tables.encode_row(c.table_name, dict(local)) if local is not None \
            else dict(server_values)
        return {"table": c.table_name, "pk": c.row_id, "op": "delete", "base_rev": server_rev,
                "owner": original.get("owner") or tables.GED, "set": {}, "was": was}
    if server_values is None:
        raise UsageError(
            "The server deleted this row after your edit; a deleted row cannot be brought "
            "back under the same identity.",
            hint="Choose 'theirs', then enter the data again as a new record if it is "
                 "still needed.")
    mine = {**(original.get("set") or {}), **(your_values or {})}
    current = tables.encode_row(c.table_name, dict(local)) if local is not None else {}
    if _server_lacks(c, server_values):  # the server never had it: send the whole row
        values, was, server_rev = {**current, **mine}, {}, 0
    else:
        values = mine
        was = {k: server_values.get(k, current.get(k)) for k in values}
    if not values:
        return None
    apply_row(conn, c.table_name, c.row_id, False, values if local is not None or
              _server_lacks(c, server_values) else {**current, **values})
    row = conn.exec_driver_sql(f'SELECT * FROM "{c.table_name}" WHERE id = ?',
                               (c.row_id,)).mappings().first()
    owner = original.get("owner") or seal.Owners(conn).owner(c.table_name, dict(row or {}))
    return {"table": c.table_name, "pk": c.row_id, "op": "upsert", "base_rev": server_rev,
            "owner": owner, "set": values, "was": was}
