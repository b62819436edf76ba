"""Authorisation (R11) and the three-way field-level merge (R12), as pure functions.

Nothing here touches the database: `ingest` loads the rows, asks these functions what to do,
and writes the answer. That keeps the rules small enough to read in one go and to test with
Hypothesis directly.

A row has a `rev` (the server_seq that last changed it) and per-field revisions. For an upsert
made at `base_rev` B, the fields changed on the server since B are ``{f | field_revs[f] > B}``,
leaving out changes made by earlier sets of the same device (it built on them: a device cannot
know the server_seq its previous set will get, so its successive edits of one field all carry
the base it last pulled):

- no overlap with the op's ``set`` (ignoring fields whose server value already equals the op's)
  → apply; a **soft** conflict is recorded when something else changed since B;
- overlap → **hard**: the op is not applied; the server keeps its values, the op is stored whole
  with both values, and the ack lists it;
- a delete of a row changed since B is hard, and so is an upsert of a row deleted on the server
  or an update (B > 0) of a row the server never had.

Device clocks never take part.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field, replace
from typing import Any

from nsss_desktop.wire.tables import GED, OWNER_RULES

# Tables whose rows are reference data: always owned by GED (tables.OWNER_RULES "ged").
GED_TABLES = frozenset(t for t, rule in OWNER_RULES.items() if rule == "ged")


@dataclass(frozen=True)
class Row:
    """A row as the server holds it (`data` in wire form: money as decimal strings)."""

    table: str
    pk: str
    owner: str
    data: dict[str, Any]
    field_revs: dict[str, int]
    rev: int
    deleted: bool


def authorize(ministry: str, op: dict[str, Any], row: Row | None) -> str | None:
    """Why the key of `ministry` may not make `op` on `row` (None: it may).

    The ministry comes from the enrolled key, never from the payload. A GED key may write any
    row; the owner of an existing row never changes (the op must name it)."""
    table, owner = op["table"], op["owner"]
    if row is None:
        if table in GED_TABLES and owner != GED:
            return f"rows of {table} are reference data owned by {GED}"
        if ministry != GED and owner != ministry:
            return f"a new row must be owned by your ministry {ministry}, not {owner}"
        return None
    if owner != row.owner:
        return f"the row is owned by {row.owner}; the operation names {owner}"
    if ministry != GED and row.owner != ministry:
        return f"the row is owned by {row.owner}; your ministry is {ministry}"
    return None


@dataclass
class Merge:
    """What to do with one op: the row to write (None: no write), whether a row version is
    written (the op changed the row), and the conflict to record, if any."""

    row: Row | None = None
    version: bool = False
    conflict: dict[str, Any] | None = None
    applied: bool = True
    notes: list[str] = field(default_factory=list)


def _conflict(kind: str, op: dict[str, Any], fields: list[str], server_rev: int,
              server_values: dict[str, Any], your_values: dict[str, Any],
              server_deleted: bool) -> dict[str, Any]:
    return {"kind": kind, "table": op["table"], "pk": op["pk"], "op": op["op"],
            "fields": fields, "base_rev": op["base_rev"], "server_rev": server_rev,
            "server_values": server_values, "your_values": your_values,
            "server_deleted": server_deleted}


def changed_since(row: Row, base: int, own: Container[int]) -> set[str]:
    """Fields of `row` changed after `base` by other devices (`own`: this device's seqs)."""
    return {f for f, rev in row.field_revs.items() if rev > base and rev not in own}


def merge(op: dict[str, Any], row: Row | None, seq: int, own: Container[int] = ()) -> Merge:
    """The three-way merge of one op into `row` by the change set getting `seq`; `own` holds
    the server_seqs of the same device's earlier sets."""
    base = op["base_rev"]
    if op["op"] == "delete":
        return _merge_delete(op, row, seq, base, own)
    values: dict[str, Any] = op["set"]
    if row is None:
        if base != 0:
            return Merge(applied=False, conflict=_conflict(
                "hard", op, sorted(values), 0, {}, dict(values), False))
        new = Row(op["table"], op["pk"], op["owner"], dict(values),
                  dict.fromkeys(values, seq), seq, False)
        return Merge(row=new, version=True)
    if row.deleted:
        return Merge(applied=False, conflict=_conflict(
            "hard", op, sorted(values), row.rev, {}, dict(values), True))
    changed = changed_since(row, base, own)
    overlap = sorted(f for f in values if f in changed and row.data.get(f) != values[f])
    if overlap:
        return Merge(applied=False, conflict=_conflict(
            "hard", op, overlap, row.rev, {f: row.data.get(f) for f in overlap},
            {f: values[f] for f in overlap}, False))
    data = dict(row.data)
    revs = dict(row.field_revs)
    for f, value in values.items():
        if f not in data or data[f] != value:
            revs[f] = seq
        data[f] = value
    out = Merge(row=replace(row, data=data, field_revs=revs, rev=seq), version=True)
    if changed:
        soft = sorted(changed)
        out.conflict = _conflict("soft", op, soft, row.rev, {f: row.data.get(f) for f in soft},
                                 {f: values[f] for f in soft if f in values}, False)
    return out


def _merge_delete(op: dict[str, Any], row: Row | None, seq: int, base: int,
                  own: Container[int]) -> Merge:
    if row is None or row.deleted:
        return Merge(notes=["nothing to delete"])  # the wish is already true
    changed = sorted(changed_since(row, base, own))
    if changed:
        return Merge(applied=False, conflict=_conflict(
            "hard", op, changed, row.rev, {f: row.data.get(f) for f in changed}, {}, False))
    return Merge(row=replace(row, rev=seq, deleted=True), version=True)
