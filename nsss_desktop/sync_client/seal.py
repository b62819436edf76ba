"""Sealing: a unit of work's changes to synced tables become signed change sets in the outbox,
in the same SQLCipher transaction as the edit (R7, docs/sync.md §5).

`seal_unit_of_work` is called by `UnitOfWork` at commit, after the rollups, for every unit of
work whose origin is not "sync". It reads this transaction's journal rows (the triggers wrote
them), collapses several changes of one row into one op, finds each row's owner, refuses the
whole unit of work when a ministry device would change another ministry's row (the server
would refuse the set, and a refused set must never be created silently), splits the ops into
sets of at most 500 ops and 1 MiB, allocates `device_seq` under the write lock the unit of
work already holds, links `prev_hash`, signs, and inserts `outbox` and `outbox_row`.

When the installation is not enrolled this costs one primary-key lookup in `sync_identity`.
The answer "not enrolled" is deliberately not cached across units of work: an enrolment made
by another process (the CLI while the GUI is open) must start sealing at once, or edits would
silently never reach the server. What is cached per engine is the parsed identity (the key),
refreshed when the device or key changes and dropped by `invalidate` on enrolment.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from nsss_desktop.sync_client.errors import SyncError, SyncForbidden
from nsss_desktop.sync_client.identity import Identity, load_identity, utc_now
from nsss_desktop.wire import tables

if TYPE_CHECKING:
    from nsss_desktop.store.database import Database
    from nsss_desktop.store.unit_of_work import UnitOfWork

MAX_OPS_PER_SET = 500
SCHEMA_VERSION = "0007"  # the Alembic head this build seals under (R3, R24)
_ENVELOPE_MARGIN = 4096  # room for the envelope around the ops (its real size is ~600 bytes)

_identities: weakref.WeakKeyDictionary[Engine, Identity] = weakref.WeakKeyDictionary()
# engine -> whether sync_identity has the 0007 rotation columns (a schema kept at 0006 when a
# database is opened without upgrading, as tests do, has the table but not the columns)
_has_tables: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()

_ORDER = {name: i for i, name in enumerate(tables.SYNC_TABLES)}
_TABLE_WORDS = {
    "figure": "programme figure", "figure_disaggregation": "figure breakdown",
    "programme_target": "programme target", "status_event": "reform status",
    "comment": "reform comment", "evidence": "reform evidence file",
}


def invalidate(engine: Engine | None = None) -> None:
    """Forget the cached identity (after enrolment), for one engine or all."""
    if engine is None:
        _identities.clear()
    else:
        _identities.pop(engine, None)


def current_identity(conn: Connection) -> Identity | None:
    """The enrolled identity, or None: one indexed lookup when not enrolled."""
    engine = conn.engine
    rotation = _has_tables.get(engine)
    if rotation is None:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                "name = 'sync_identity'").first() is None:
            return None  # a schema older than 0006 (kept only when opened without upgrading)
        rotation = any(r[1] == "next_key_id" for r in conn.exec_driver_sql(
            "PRAGMA table_info(sync_identity)"))
        _has_tables[engine] = rotation
    if rotation:
        row = conn.exec_driver_sql("SELECT device_id, key_id, next_key_id FROM sync_identity "
                                   "WHERE slot = 1").first()
    else:
        row = conn.exec_driver_sql("SELECT device_id, key_id, NULL FROM sync_identity "
                                   "WHERE slot = 1").first()
    if row is None:
        return None
    cached = _identities.get(engine)
    if cached is not None and (cached.device_id, cached.key_id, cached.next_key_id) \
            == tuple(row):
        return cached
    ident = load_identity(conn, rotation=rotation)
    if ident is not None:
        _identities[engine] = ident
    return ident


# --- collapsing the journal into ops ------------------------------------------------------------


@dataclass
class RowChange:
    """Everything one unit of work did to one row: its image before and after."""

    table: str
    pk: str
    first_seq: int
    existed: bool
    exists: bool
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def collapse(entries: Iterable[tuple[int, str, str, str, str | None, str | None]]
             ) -> list[RowChange]:
    """(seq, table, row_id, op, before_json, after_json) in journal order → one change a row.

    insert + updates → the final row (new); insert + delete → nothing; updates → first
    `before`, last `after`; … + delete → a delete with the first `before`."""
    rows: dict[tuple[str, str], RowChange] = {}
    for seq, table, row_id, op, before_json, after_json in entries:
        before = json.loads(before_json) if before_json else None
        after = json.loads(after_json) if after_json else None
        change = rows.get((table, row_id))
        if change is None:
            rows[(table, row_id)] = RowChange(table, row_id, seq, existed=op != "insert",
                                              exists=op != "delete", before=before, after=after)
        else:
            change.exists = op != "delete"
            change.after = after
    return [c for c in rows.values() if c.existed or c.exists]


@dataclass
class SealOp:
    """A wire op plus what the outbox needs to know about it."""

    op: dict[str, Any]
    attachment: dict[str, Any] | None = None
    order: tuple[int, int, int] = (0, 0, 0)
    canonical: bytes | None = None  # the op's JCS bytes, computed once by _split

    def canonical_op(self) -> bytes:
        if self.canonical is None:
            from nsss_desktop.wire.canonical import canonical

            self.canonical = canonical(self.op)
        return self.canonical


class Owners:
    """Finds the owner ministry code of a row (wire.tables.OWNER_RULES) from the local data,
    looking in this transaction's `before` images for parents deleted in it.

    A row of a "creator" table (a source) belongs to whoever created it: the owner the server
    gave it (kept in `sync_row.owner` by pull and push), else, for a row the server has not
    acknowledged yet, the creating installation's ministry (`ministry`). A row this
    installation saw synced before owners were kept (migration 0007) was GED's."""

    def __init__(self, conn: Connection, gone: dict[tuple[str, str], dict[str, Any]] | None = None,
                 *, ministry: str | None = None) -> None:
        self._conn = conn
        self._gone = gone or {}
        self._ministry = ministry
        self._codes: dict[str, str | None] = {}
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}

    def ministry_code(self, ministry_id: str | None) -> str | None:
        if not ministry_id:
            return None
        if ministry_id not in self._codes:
            key = ("ministry", ministry_id)
            if key in self._rows:
                row = self._rows[key]
                self._codes[ministry_id] = row.get("code") if row else None
            else:
                found = self._conn.exec_driver_sql(
                    'SELECT code FROM "ministry" WHERE id = ?', (ministry_id,)).first()
                if found is not None:
                    self._codes[ministry_id] = found[0]
                else:
                    gone = self._gone.get(key)
                    self._codes[ministry_id] = gone.get("code") if gone else None
        return self._codes[ministry_id]

    def row(self, table: str, pk: str | None) -> dict[str, Any] | None:
        if not pk:
            return None
        key = (table, pk)
        if key not in self._rows:
            result = self._conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (pk,))
            found = result.mappings().first()
            self._rows[key] = dict(found) if found is not None else self._gone.get(key)
        return self._rows[key]

    def synced_owner(self, table: str, pk: str | None) -> tuple[bool, str | None]:
        """(whether the server acknowledged the row to this installation, its owner)."""
        if not pk:
            return False, None
        row = self._conn.exec_driver_sql(
            "SELECT owner FROM sync_row WHERE table_name = ? AND row_id = ?", (table, pk)).first()
        return (False, None) if row is None else (True, row[0])

    def owner(self, table: str, values: dict[str, Any], pk: str | None = None) -> str:
        rule = tables.OWNER_RULES[table]
        code: str | None = None
        if rule == "creator":
            known, owner = self.synced_owner(table, pk or values.get("id"))
            if known:
                return owner or tables.GED
            return self._ministry or tables.GED
        if rule == "figure":
            code = self.ministry_code(values.get("ministry_id"))
            if code is None:
                programme = self.row("programme", values.get("programme_id"))
                code = self.ministry_code(programme.get("lead_ministry_id")) if programme \
                    else None
        elif rule == "parent_figure":
            parent = self.row("figure", values.get("figure_id"))
            return self.owner("figure", parent) if parent else tables.GED
        elif rule == "activity":
            activity = self.row("activity", values.get("activity_id"))
            code = self.ministry_code(activity.get("responsible_ministry_id")) if activity \
                else None
        return code or tables.GED


def attachment_for(values: dict[str, Any]) -> dict[str, Any]:
    """The manifest entry of a new evidence row; the display name obeys the server's rules
    (NFC, ≤120 characters, no separators, control or bidi characters, no reserved names)."""
    from nsss_desktop.services import evidence_types as types

    name = types.safe_display_name(values.get("original_name") or "") \
        or types.safe_display_name(values.get("title") or "") or "evidence"
    kind = types.BY_MEDIA_TYPE.get(values.get("media_type") or "")
    if kind is not None:
        name = types.with_type_extension(name, kind)
    return {"sha256": values["sha256"], "size": int(values["size_bytes"]),
            "media_type": values["media_type"], "display_name": name}


def ops_for_changes(conn: Connection, changes: Sequence[RowChange], *,
                    ministry: str | None = None) -> list[SealOp]:
    """Wire ops for collapsed row changes, in an order the receiver can apply: upserts
    parents first (SYNC_TABLES order, then creation order), then deletes children first.
    `ministry` (the sealing device's) owns the new rows of "creator" tables."""
    revs = _revs(conn, [(c.table, c.pk) for c in changes])
    gone = {(c.table, c.pk): c.before for c in changes if c.before is not None and not c.exists}
    owners = Owners(conn, gone, ministry=ministry)
    out: list[SealOp] = []
    for c in changes:
        base_rev = revs.get((c.table, c.pk), 0)
        cols = tables.COLUMNS[c.table]
        attachment = None
        if not c.exists:
            assert c.before is not None
            op = {"table": c.table, "pk": c.pk, "op": "delete", "base_rev": base_rev,
                  "owner": owners.owner(c.table, c.before, c.pk), "set": {},
                  "was": tables.encode_row(c.table, c.before)}
            order = (1, -_ORDER[c.table], -c.first_seq)
        elif not c.existed:
            assert c.after is not None
            op = {"table": c.table, "pk": c.pk, "op": "upsert", "base_rev": base_rev,
                  "owner": owners.owner(c.table, c.after, c.pk),
                  "set": tables.encode_row(c.table, c.after), "was": {}}
            if c.table == "evidence":
                attachment = attachment_for(c.after)
            order = (0, _ORDER[c.table], c.first_seq)
        else:
            assert c.before is not None and c.after is not None
            changed = [col for col in cols if c.before.get(col) != c.after.get(col)]
            if not changed:
                continue
            op = {"table": c.table, "pk": c.pk, "op": "upsert", "base_rev": base_rev,
                  "owner": owners.owner(c.table, c.before, c.pk),
                  "set": tables.encode_row(c.table, {k: c.after.get(k) for k in changed}),
                  "was": tables.encode_row(c.table, {k: c.before.get(k) for k in changed})}
            order = (0, _ORDER[c.table], c.first_seq)
        out.append(SealOp(op, attachment, order))
    out.sort(key=lambda s: s.order)
    return out


def _revs(conn: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for i in range(0, len(keys), 400):
        part = keys[i:i + 400]
        where = " OR ".join("(table_name = ? AND row_id = ?)" for _ in part)
        params = tuple(v for key in part for v in key)
        for table, pk, rev in conn.exec_driver_sql(
                f"SELECT table_name, row_id, rev FROM sync_row WHERE {where}", params):
            out[(table, pk)] = rev
    return out


def check_ownership(ident: Identity, ops: Sequence[SealOp]) -> None:
    """A ministry device may change only its own ministry's rows (R11); GED may change any."""
    if ident.ministry_code == tables.GED:
        return
    foreign = [s.op for s in ops if s.op["owner"] != ident.ministry_code]
    if not foreign:
        return
    owners = sorted({op["owner"] for op in foreign})
    examples = "; ".join(
        f"{_TABLE_WORDS.get(op['table'], op['table'].replace('_', ' '))} {op['pk'][:13]}… "
        f"(owned by {op['owner']})" for op in foreign[:3])
    raise SyncForbidden(
        f"This change was not saved: it touches {len(foreign)} row(s) owned by "
        f"{', '.join(owners)} ({examples}), and this installation is enrolled for "
        f"{ident.ministry_code}, which may change only its own ministry's data.",
        hint="Ask GED (for reference data such as ministries and programmes) or the owning "
             "ministry to make this change. Nothing was written.")


# --- sealing ----------------------------------------------------------------------------------


@dataclass
class SealedSet:
    outbox_id: int
    device_seq: int
    changeset_id: str
    payload_sha256: str
    ops: int
    attachments: int = 0
    rows: list[tuple[str, str]] = field(default_factory=list)


def _split(ops: Sequence[SealOp]) -> list[list[SealOp]]:
    from nsss_desktop.wire.canonical import canonical
    from nsss_desktop.wire.envelope import MAX_CHANGESET_BYTES

    budget = MAX_CHANGESET_BYTES - _ENVELOPE_MARGIN
    sets: list[list[SealOp]] = []
    current: list[SealOp] = []
    size = 0
    for s in ops:
        cost = len(s.canonical_op()) + 1
        if s.attachment is not None:
            cost += len(canonical(s.attachment)) + 1
        if cost > budget:
            raise SyncError(
                f"One {s.op['table'].replace('_', ' ')} row is too large to synchronise "
                f"({cost:,} bytes; a change set holds at most {budget:,}). Nothing was saved.",
                hint="Shorten the long text (note, explanation or comment) and save again.")
        if current and (len(current) >= MAX_OPS_PER_SET or size + cost > budget):
            sets.append(current)
            current, size = [], 0
        current.append(s)
        size += cost
    if current:
        sets.append(current)
    return sets


def chain_head(conn: Connection, ident: Identity) -> tuple[int, str]:
    """(device_seq, payload_sha256) of this device's last sealed set: (0, genesis) if none."""
    from nsss_desktop.wire.envelope import GENESIS_HASH

    last = conn.exec_driver_sql(
        "SELECT device_seq, payload_sha256 FROM outbox WHERE device_id = ? "
        "ORDER BY device_seq DESC LIMIT 1", (ident.device_id,)).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS_HASH)


def pulled_cursor(conn: Connection) -> int:
    """The last server log position pulled (an envelope's `base_server_seq`)."""
    row = conn.exec_driver_sql("SELECT cursor FROM sync_state WHERE slot = 1").first()
    return int(row[0]) if row else 0


_OUTBOX_INSERT = (
    "INSERT INTO outbox (device_id, device_seq, changeset_id, kind, payload, signature, "
    "payload_sha256, prev_hash, op_count, attachment_count, txn_id, created_at, state, "
    "last_error, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_OUTBOX_ROW_INSERT = ("INSERT INTO outbox_row (outbox_id, op_index, table_name, row_id, op) "
                      "VALUES (?, ?, ?, ?, ?)")


_OPS_MARKER = "nsss-sealed-ops-placeholder-7f3c"
_OPS_SLOT = b'"ops":"' + _OPS_MARKER.encode() + b'"'


def _envelope_bytes(envelope: dict[str, Any], chunk: Sequence[SealOp]) -> bytes:
    """canonical(envelope), reusing each op's canonical bytes: JCS serialises an array as its
    elements' own canonical forms joined by commas, so only the rest is canonicalised here."""
    from nsss_desktop.wire.canonical import canonical

    rest = canonical({**envelope, "ops": _OPS_MARKER})
    if rest.count(_OPS_SLOT) != 1:  # the marker text occurs elsewhere: the plain way
        return canonical(envelope)
    ops = b"[" + b",".join(s.canonical_op() for s in chunk) + b"]"
    return rest.replace(_OPS_SLOT, b'"ops":' + ops)


def seal_ops(conn: Connection, ident: Identity, ops: Sequence[SealOp], *,
             txn_id: str | None) -> list[SealedSet]:
    """Seal `ops` (already ordered and checked) into one or more sets; insert them into the
    outbox on `conn`, inside the caller's write transaction."""
    from nsss_desktop.domain.ids import new_id
    from nsss_desktop.wire import signing
    from nsss_desktop.wire.envelope import FORMAT, MAX_CHANGESET_BYTES, validate_envelope

    if not ops:
        return []
    seq, prev = chain_head(conn, ident)
    base_server_seq = pulled_cursor(conn)
    created_at = utc_now()
    sealed: list[SealedSet] = []
    for chunk in _split(ops):
        seq += 1
        attachments: list[dict[str, Any]] = []
        for s in chunk:
            if s.attachment is not None and all(a["sha256"] != s.attachment["sha256"]
                                                for a in attachments):
                attachments.append(s.attachment)
        envelope = {
            "format": FORMAT, "changeset_id": new_id(), "device_id": ident.device_id,
            "key_id": ident.sealing_key_id, "ministry_code": ident.ministry_code,
            "device_seq": seq,
            "prev_hash": prev, "schema_version": SCHEMA_VERSION,
            "base_server_seq": base_server_seq, "created_at": created_at,
            "environment": ident.environment, "kind": "data",
            "ops": [s.op for s in chunk], "attachments": attachments,
        }
        try:
            validate_envelope(envelope)
            for i, s in enumerate(chunk):
                tables.validate_op_values(s.op, f"$.ops[{i}]")
        except ValueError as exc:
            raise SyncError(f"This change cannot be synchronised: {exc}. Nothing was saved.",
                            hint="Report this to GED IT with the words above.") from exc
        payload = _envelope_bytes(envelope, chunk)
        assert len(payload) <= MAX_CHANGESET_BYTES
        digest = signing.sha256_hex(payload)
        signature = signing.sign_bytes(ident.sealing_private_key, signing.CHANGESET, payload)
        result = conn.exec_driver_sql(_OUTBOX_INSERT, (
            ident.device_id, seq, envelope["changeset_id"], "data", payload, signature, digest,
            prev, len(chunk), len(attachments), txn_id, created_at, "pending", "", 0))
        outbox_id = int(result.lastrowid)
        row_params = [(outbox_id, i, s.op["table"], s.op["pk"], s.op["op"])
                      for i, s in enumerate(chunk)]
        conn.exec_driver_sql(_OUTBOX_ROW_INSERT,
                             row_params if len(row_params) > 1 else row_params[0])
        sealed.append(SealedSet(outbox_id, seq, envelope["changeset_id"], digest, len(chunk),
                                len(attachments), [(s.op["table"], s.op["pk"]) for s in chunk]))
        prev = digest
    return sealed


def seal_unit_of_work(uow: UnitOfWork) -> list[SealedSet]:
    """The commit hook: seal this unit of work's synced changes (no-op when not enrolled)."""
    conn = uow.session.connection()
    ident = current_identity(conn)
    if ident is None:
        return []
    uow.session.flush()
    marks = ", ".join("?" for _ in tables.SYNC_TABLES)
    entries = conn.exec_driver_sql(
        "SELECT seq, table_name, row_id, op, before_json, after_json FROM change_journal "
        f"WHERE txn_id = ? AND table_name IN ({marks}) ORDER BY seq",
        (uow.txn_id, *tables.SYNC_TABLES)).all()
    if not entries:
        return []
    ops = ops_for_changes(conn, collapse(entries), ministry=ident.ministry_code)
    check_ownership(ident, ops)
    return seal_ops(conn, ident, ops, txn_id=uow.txn_id)


# --- baseline publish -----------------------------------------------------------------------------


def seal_existing(db: Database, *, user_id: str | None = None) -> list[SealedSet]:
    """GED's first installation: seal every synced row the server does not know yet as a
    new-row upsert (a "baseline publish"), parents before children."""
    from sqlalchemy import text

    with db.unit_of_work(user_id=user_id, description="Sync: publish the baseline",
                         origin="sync") as uow:
        conn = uow.session.connection()
        ident = current_identity(conn)
        if ident is None:
            from nsss_desktop.sync_client.errors import NotEnrolled

            raise NotEnrolled("This installation is not enrolled, so there is nothing to "
                              "publish to.", hint="Enrol it first: nsss-desktop sync enrol.")
        if ident.ministry_code != tables.GED:
            raise SyncForbidden(
                f"Only a GED installation publishes the baseline; this one is enrolled for "
                f"{ident.ministry_code}.", hint="Run publish-baseline on GED's installation.")
        known = {(t, r) for t, r in conn.execute(text(
            "SELECT table_name, row_id FROM sync_row UNION "
            "SELECT table_name, row_id FROM outbox_row"))}
        changes: list[RowChange] = []
        seq = 0
        for table in tables.SYNC_TABLES:
            rows = conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY id').mappings()
            for row in rows:
                if (table, row["id"]) in known:
                    continue
                seq += 1
                changes.append(RowChange(table, row["id"], seq, existed=False, exists=True,
                                         before=None, after=dict(row)))
        ops = ops_for_changes(conn, changes, ministry=ident.ministry_code)
        return seal_ops(conn, ident, ops, txn_id=uow.txn_id)
