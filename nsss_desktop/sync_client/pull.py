"""Pull: row versions after the cursor, checked against a signed checkpoint and the server's
hash-chained log, applied one page per local transaction (R13, R14, R16; docs/sync.md §3.5).

Before a page is applied:
- the checkpoint is signed by a key of an accepted server-keys document (newer documents are
  fetched one version at a time and checked against the pinned root key);
- a checkpoint whose `server_seq` is lower than one already seen, or whose `head_hash`
  differs for the same `server_seq`, is a rollback: refused;
- the page's log entries continue the chain from the stored head (each `prev_entry_hash` is the
  previous `entry_hash`, each `entry_hash` recomputed), and every row belongs to one of them.

A page is applied in ONE unit of work with origin "sync" (never sealed again): upserts by id,
deletes, the revs of its rows, the cursor and the checkpoint, all or nothing. A row with an
unacked local op (pending or held) is never overwritten: the server version is kept aside in
`sync_row` and applied if that op is refused (an applied op is followed by its own version).
An expired checkpoint leaves the data marked *stale*, never *synced*.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, SyncIdentity, SyncRow, SyncState
from nsss_desktop.sync_client import seal
from nsss_desktop.sync_client.errors import SyncError, SyncRefused, SyncTampered
from nsss_desktop.sync_client.identity import (
    Identity,
    decode_key,
    parse_time,
    utc_now,
    verify_server_keys,
)
from nsss_desktop.wire import signing, tables
from nsss_desktop.wire.canonical import WireError
from nsss_desktop.wire.envelope import GENESIS_HASH, log_entry_hash

Progress = Callable[[float, str], None] | None
PAGE_LIMIT = 1000
PROTECTING_STATES = ("pending", "held")


@dataclass
class PullResult:
    pages: int = 0
    applied: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # rows with a local op
    cursor: int = 0
    stale: bool = False
    revoked: bool = False
    blobs_downloaded: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: PullResult) -> None:
        self.pages += other.pages
        self.applied += other.applied
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        self.cursor = max(self.cursor, other.cursor)
        self.stale = self.stale or other.stale
        self.revoked = self.revoked or other.revoked
        self.blobs_downloaded += other.blobs_downloaded
        self.notes += other.notes


@dataclass
class LocalState:
    cursor: int
    log_head_hash: str
    checkpoint_seq: int
    checkpoint_head_hash: str | None


def local_state(db: Database) -> LocalState:
    with db.reader() as s:
        st = s.get(SyncState, 1)
    if st is None:
        return LocalState(0, GENESIS_HASH, 0, None)
    return LocalState(st.cursor, st.log_head_hash, st.checkpoint_seq, st.checkpoint_head_hash)


# --- checks -------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def verify_checkpoint(ident: Identity, state: LocalState, wrapped: Any, *,
                      now: datetime | None = None) -> tuple[dict[str, Any], bool]:
    """The checkpoint document and whether it has expired; SyncTampered on a bad signature,
    another environment or a rollback."""
    if not isinstance(wrapped, dict) or not isinstance(wrapped.get("checkpoint"), dict) \
            or not isinstance(wrapped.get("signature"), str):
        raise SyncTampered("The server sent no signed checkpoint; nothing was applied.",
                           hint="Check the server address; report this to GED IT.")
    cp = wrapped["checkpoint"]
    key_id = cp.get("server_key_id") if isinstance(cp.get("server_key_id"), str) else None
    ident.verify_server(signing.CHECKPOINT, cp, wrapped["signature"], key_id=key_id,
                        what="checkpoint")
    if cp.get("environment") != ident.environment:
        raise SyncTampered(f"The server's checkpoint is for environment {cp.get('environment')!r}"
                           f", not {ident.environment!r}; nothing was applied.",
                           hint="Check the server address.")
    seq, head = cp.get("server_seq"), cp.get("head_hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(head, str):
        raise SyncTampered("The server's checkpoint is malformed; nothing was applied.",
                           hint="Report this to GED IT.")
    if seq < state.checkpoint_seq:
        raise SyncTampered(
            f"The server's log went backwards: it now ends at {seq}, but this installation "
            f"has already seen it at {state.checkpoint_seq}. This is what a restored old server "
            "or an impostor looks like, so nothing was applied.",
            hint="Do not edit until GED IT confirms the server; report this message to them.")
    if seq == state.checkpoint_seq and state.checkpoint_head_hash \
            and head != state.checkpoint_head_hash:
        raise SyncTampered(
            f"The server's log at {seq} is not the log this installation saw at {seq}: its "
            "history was rewritten, so nothing was applied.",
            hint="Do not edit until GED IT confirms the server; report this message to them.")
    try:
        expired = parse_time(str(cp.get("expires_at"))) <= (now or _now())
    except ValueError:
        expired = True
    return cp, expired


def verify_log(state: LocalState, page: dict[str, Any], cp: dict[str, Any]) -> tuple[int, str]:
    """Check the page's log entries continue the chain from the stored head; return the new
    (cursor, head)."""
    cursor, head = state.cursor, state.log_head_hash
    entries = sorted(page.get("log") or [], key=lambda e: e.get("server_seq", 0))
    for e in entries:
        if e.get("server_seq") != cursor + 1 or e.get("prev_entry_hash") != head:
            raise SyncTampered(
                f"The server's log does not continue from {cursor} (entry "
                f"{e.get('server_seq')} does not link to the last one seen); nothing was "
                "applied.", hint="Report this to GED IT.")
        computed = log_entry_hash(server_seq=e["server_seq"], prev_entry_hash=head,
                                  changeset_id=str(e.get("changeset_id")),
                                  payload_sha256=str(e.get("payload_sha256")))
        if e.get("entry_hash") != computed:
            raise SyncTampered(f"Log entry {e['server_seq']} does not hash to what the server "
                               "says; nothing was applied.", hint="Report this to GED IT.")
        cursor, head = e["server_seq"], computed
    next_since = page.get("next_since", cursor)
    if next_since != cursor:
        raise SyncTampered(f"The server's page ends at {next_since} but its log entries end at "
                           f"{cursor}; nothing was applied.", hint="Report this to GED IT.")
    if cursor > cp["server_seq"]:
        raise SyncTampered("The server sent rows beyond its own checkpoint; nothing was "
                           "applied.", hint="Report this to GED IT.")
    if cursor == cp["server_seq"] and head != cp["head_hash"]:
        raise SyncTampered("The server's log does not end at the head its checkpoint signs; "
                           "nothing was applied.", hint="Report this to GED IT.")
    seqs = {e["server_seq"] for e in entries}
    for i, row in enumerate(page.get("rows") or []):
        if row.get("server_seq") not in seqs:
            raise SyncTampered(f"Row {i} of the page belongs to no log entry of the page; "
                               "nothing was applied.", hint="Report this to GED IT.")
    return cursor, head


def check_own_sets(db: Database, ident: Identity, page: dict[str, Any]) -> None:
    """A log entry naming one of this installation's sets must carry its exact hash."""
    ids = {str(e.get("changeset_id")): e for e in page.get("log") or []}
    if not ids:
        return
    with db.reader() as s:
        mine = s.execute(select(Outbox.changeset_id, Outbox.payload_sha256)
                         .where(Outbox.changeset_id.in_(list(ids)))).all()
    for cs_id, digest in mine:
        if ids[cs_id].get("payload_sha256") != digest:
            raise SyncTampered(f"The server's log holds this installation's change set {cs_id} "
                               "with different content; nothing was applied.",
                               hint="Report this to GED IT at once.")


def ensure_server_keys(db: Database, client: Any, ident: Identity, version: Any) -> Identity:
    """Accept server-keys documents up to `version`, one at a time (N+1 only after N)."""
    if not isinstance(version, int) or version <= ident.server_keys_version:
        return ident
    if client is None:
        raise SyncTampered(f"The reply is signed under server keys version {version}, newer "
                           f"than this installation knows ({ident.server_keys_version}).",
                           hint="Sync once over the network, or import a newer reply.")
    root = decode_key(ident.root_public_key, "pinned root key")
    docs = list(ident.server_keys)
    current = ident.server_keys_version
    while current < version:
        wrapped = client.get_json(f"/v1/server-keys?version={current + 1}")
        verify_server_keys(wrapped, root_public_key=root, environment=ident.environment,
                           expected_version=current + 1)
        docs.append(wrapped)
        current += 1
    with db.unit_of_work(origin="sync", description=f"Sync: accept server keys v{current}") \
            as uow:
        uow.session.execute(update(SyncIdentity).values(server_keys=json.dumps(docs),
                                                        server_keys_version=current))
    seal.invalidate(db.engine)
    ident.server_keys, ident.server_keys_version = docs, current
    return ident


# --- applying -----------------------------------------------------------------------------------


def _bindable(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


_LOCAL_REFS: dict[str, dict[str, str]] = {}


def _local_refs(table: str) -> dict[str, str]:
    """Columns of `table` that refer to a table that is not synced (column → table)."""
    if table not in _LOCAL_REFS:
        from nsss_desktop.store.models import Base

        refs = {}
        for col in Base.metadata.tables[table].columns:
            for fk in col.foreign_keys:
                if fk.column.table.name not in tables.SYNC_TABLES:
                    refs[col.name] = fk.column.table.name
        _LOCAL_REFS[table] = refs
    return _LOCAL_REFS[table]


def apply_row(conn: Any, table: str, pk: str, deleted: bool, data: dict[str, Any] | None,
              path: str = "$") -> bool:
    """Upsert or delete one row as the server has it; False when nothing had to change."""
    if table not in tables.SYNC_TABLES:
        raise SyncError(f"The server sent rows of '{table}', which this version does not know.",
                        hint="Install the newer version of NSSS M&E Desktop, then sync again.")
    current = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (pk,)) \
        .mappings().first()
    if deleted:
        if current is None or table in tables.APPEND_ONLY:
            return False
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE id = ?', (pk,))
        return True
    try:
        values = tables.decode_row(table, data or {}, path)
    except WireError as exc:
        raise SyncError(f"The server sent a value this version cannot read: {exc}.",
                        hint="Install the newer version of NSSS M&E Desktop, then sync "
                             "again.") from exc
    for col, target in _local_refs(table).items():
        # References to tables that never sync (app_user): meaningless on another
        # installation, so kept only when the row exists here.
        if values.get(col) is not None and conn.exec_driver_sql(
                f'SELECT 1 FROM "{target}" WHERE id = ?', (values[col],)).first() is None:
            values[col] = None
    if current is not None:
        if tables.encode_row(table, {c: current[c] for c in values}) \
                == tables.encode_row(table, values):
            return False
        if table in tables.APPEND_ONLY:
            return False  # never rewritten; the server never changes them either
    cols = list(values)
    if current is not None and cols:  # partial values too (a conflict's "theirs")
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET ' + ", ".join(f'"{c}" = ?' for c in cols) + " WHERE id = ?",
            (*(_bindable(values[c]) for c in cols), pk))
        return True
    quoted = ", ".join(f'"{c}"' for c in ["id", *cols])
    marks = ", ".join("?" for _ in range(len(cols) + 1))
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols) or '"id" = excluded."id"'
    conn.exec_driver_sql(
        f'INSERT INTO "{table}" ({quoted}) VALUES ({marks}) '
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        (pk, *(_bindable(values[c]) for c in cols)))
    return True


def protected_rows(conn: Any, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The rows among `keys` with an unacked (pending or held) local op."""
    keys = list(set(keys))
    out: set[tuple[str, str]] = set()
    for i in range(0, len(keys), 300):
        part = keys[i:i + 300]
        where = " OR ".join("(r.table_name = ? AND r.row_id = ?)" for _ in part)
        out |= {(t, r) for t, r in conn.exec_driver_sql(
            "SELECT r.table_name, r.row_id FROM outbox_row AS r JOIN outbox AS o "
            "ON o.id = r.outbox_id WHERE o.state IN ('pending', 'held') AND "
            f"({where})", tuple(v for k in part for v in k))}
    return out


def _owner(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _set_rev(s: Any, table: str, pk: str, rev: int, owner: str | None = None) -> None:
    row = s.get(SyncRow, (table, pk))
    if row is None:
        s.add(SyncRow(table_name=table, row_id=pk, rev=rev, skipped_deleted=False, owner=owner))
    else:
        row.rev = rev
        row.owner = owner or row.owner


def _keep_aside(s: Any, table: str, pk: str, seq: int, deleted: bool,
                data: dict[str, Any] | None, owner: str | None = None) -> None:
    row = s.get(SyncRow, (table, pk))
    if row is None:
        row = SyncRow(table_name=table, row_id=pk, rev=0, skipped_deleted=False, owner=owner)
        s.add(row)
    row.owner = owner or row.owner
    row.skipped_seq, row.skipped_deleted = seq, deleted
    row.skipped_data = None if deleted else json.dumps(data)


def apply_skipped(s: Any, keys: Sequence[tuple[str, str]]) -> int:
    """Apply server versions kept aside for `keys` whose local ops are all settled now."""
    if not keys:
        return 0
    conn = s.connection()
    still = protected_rows(conn, keys)
    done = 0
    for table, pk in keys:
        if (table, pk) in still:
            continue
        row = s.get(SyncRow, (table, pk))
        if row is None or row.skipped_seq is None:
            continue
        data = json.loads(row.skipped_data) if row.skipped_data else None
        apply_row(conn, table, pk, row.skipped_deleted, data)
        row.rev = max(row.rev, row.skipped_seq)
        row.skipped_seq, row.skipped_data, row.skipped_deleted = None, None, False
        done += 1
    return done


_IN_CHUNK = 500  # ids per `WHERE id IN (...)` (SQLite's default limit is 999 variables)
_SET_REV_SQL = (
    "INSERT INTO sync_row (table_name, row_id, rev, skipped_deleted, owner) "
    "VALUES (?, ?, ?, 0, ?) ON CONFLICT(table_name, row_id) DO UPDATE SET "
    "rev = excluded.rev, owner = coalesce(excluded.owner, sync_row.owner)")
_KEEP_ASIDE_SQL = (
    "INSERT INTO sync_row (table_name, row_id, rev, skipped_seq, skipped_deleted, "
    "skipped_data, owner) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT(table_name, row_id) DO "
    "UPDATE SET owner = coalesce(excluded.owner, sync_row.owner), "
    "skipped_seq = excluded.skipped_seq, skipped_deleted = excluded.skipped_deleted, "
    "skipped_data = excluded.skipped_data")


def _decode(table: str, data: dict[str, Any] | None, path: str) -> dict[str, Any]:
    if table not in tables.SYNC_TABLES:
        raise SyncError(f"The server sent rows of '{table}', which this version does not know.",
                        hint="Install the newer version of NSSS M&E Desktop, then sync again.")
    try:
        return tables.decode_row(table, data or {}, path)
    except WireError as exc:
        raise SyncError(f"The server sent a value this version cannot read: {exc}.",
                        hint="Install the newer version of NSSS M&E Desktop, then sync "
                             "again.") from exc


def _existing_ids(conn: Any, table: str, ids: Iterable[Any]) -> set[Any]:
    ids = list(set(ids))
    found: set[Any] = set()
    for i in range(0, len(ids), _IN_CHUNK):
        part = ids[i:i + _IN_CHUNK]
        found |= {r[0] for r in conn.exec_driver_sql(
            f'SELECT id FROM "{table}" WHERE id IN ({", ".join("?" for _ in part)})',
            tuple(part))}
    return found


def _current_rows(conn: Any, table: str, pks: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i in range(0, len(pks), _IN_CHUNK):
        part = pks[i:i + _IN_CHUNK]
        for row in conn.exec_driver_sql(
                f'SELECT * FROM "{table}" WHERE id IN ({", ".join("?" for _ in part)})',
                tuple(part)).mappings():
            out[row["id"]] = row
    return out


def _null_local_refs(conn: Any, items: Sequence[tuple[str, str, bool, Any]]) -> None:
    """`apply_row`'s rule for references to tables that never sync (app_user), for a whole
    page: a reference is kept only when the row exists here."""
    wanted: dict[str, set[Any]] = {}
    for table, _pk, deleted, values in items:
        if deleted:
            continue
        for col, target in _local_refs(table).items():
            if values.get(col) is not None:
                wanted.setdefault(target, set()).add(values[col])
    if not wanted:
        return
    present = {target: _existing_ids(conn, target, ids) for target, ids in wanted.items()}
    for table, _pk, deleted, values in items:
        if deleted:
            continue
        for col, target in _local_refs(table).items():
            if values.get(col) is not None and values[col] not in present[target]:
                values[col] = None


def _apply_batch(conn: Any, table: str, batch: Sequence[tuple[str, bool, Any]]) -> int:
    """Apply rows of one table with distinct ids, in order, as `apply_row` would one by one;
    return how many changed something. Consecutive rows needing the same statement are sent
    with one executemany (foreign keys are deferred to commit, and no key cascades)."""
    current = _current_rows(conn, table, [pk for pk, _, _ in batch])
    append_only = table in tables.APPEND_ONLY
    statements: list[tuple[str, list[tuple[Any, ...]]]] = []
    changed = 0
    for pk, deleted, values in batch:
        cur = current.get(pk)
        if deleted:
            if cur is None or append_only:
                continue
            sql, params = f'DELETE FROM "{table}" WHERE id = ?', (pk,)
        else:
            if cur is not None:
                if tables.encode_row(table, {c: cur[c] for c in values}) \
                        == tables.encode_row(table, values):
                    continue
                if append_only:
                    continue
            cols = list(values)
            if cur is not None and cols:
                sql = (f'UPDATE "{table}" SET ' + ", ".join(f'"{c}" = ?' for c in cols)
                       + " WHERE id = ?")
                params = (*(_bindable(values[c]) for c in cols), pk)
            else:
                quoted = ", ".join(f'"{c}"' for c in ["id", *cols])
                marks = ", ".join("?" for _ in range(len(cols) + 1))
                updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols) \
                    or '"id" = excluded."id"'
                sql = (f'INSERT INTO "{table}" ({quoted}) VALUES ({marks}) '
                       f"ON CONFLICT(id) DO UPDATE SET {updates}")
                params = (pk, *(_bindable(values[c]) for c in cols))
        changed += 1
        if statements and statements[-1][0] == sql:
            statements[-1][1].append(params)
        else:
            statements.append((sql, [params]))
    for sql, many in statements:
        conn.exec_driver_sql(sql, many if len(many) > 1 else many[0])
    return changed


def _apply_rows(conn: Any, items: Sequence[tuple[str, str, bool, Any]]) -> int:
    """Apply decoded rows in page order: runs of one table in batches of distinct ids (a
    repeated id starts a new batch, so it sees the version before it)."""
    changed = 0
    batch: list[tuple[str, bool, Any]] = []
    seen: set[str] = set()
    table = None
    for t, pk, deleted, values in items:
        if batch and (t != table or pk in seen):
            changed += _apply_batch(conn, table, batch)  # type: ignore[arg-type]
            batch, seen = [], set()
        table = t
        batch.append((pk, deleted, values))
        seen.add(pk)
    if batch:
        changed += _apply_batch(conn, table, batch)  # type: ignore[arg-type]
    return changed


def apply_page(db: Database, ident: Identity, page: dict[str, Any], cp_wrapped: dict[str, Any],
               cp: dict[str, Any], cursor: int, head: str) -> PullResult:
    """Apply one verified page and move the cursor, in one unit of work (origin "sync")."""
    result = PullResult(pages=1, cursor=cursor)
    rows = page.get("rows") or []
    rows = sorted(rows, key=lambda r: (r.get("server_seq", 0), r.get("op_index", 0)))
    now = utc_now()
    first = rows[0]["server_seq"] if rows else cursor
    try:
        with db.unit_of_work(origin="sync",
                             description=f"Sync: pull server log {first}–{cursor}") as uow:
            s = uow.session
            conn = s.connection()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            protected = protected_rows(conn, [(r["table"], r["pk"]) for r in rows])
            items: list[tuple[str, str, bool, Any]] = []
            revs: list[tuple[str, str, int, str | None]] = []
            aside: list[tuple[str, str, int, int, str | None, str | None]] = []
            for i, r in enumerate(rows):
                table, pk, seq = r["table"], r["pk"], r["server_seq"]
                deleted = bool(r.get("deleted"))
                owner = _owner(r.get("owner"))
                if (table, pk) in protected:
                    aside.append((table, pk, seq, int(deleted), None if deleted
                                  else json.dumps(r.get("data")), owner))
                    result.skipped.append((table, pk))
                    continue
                if deleted:
                    if table not in tables.SYNC_TABLES:
                        _decode(table, None, "")  # raises: an unknown table
                    items.append((table, pk, True, None))
                else:
                    items.append((table, pk, False,
                                  _decode(table, r.get("data"), f"$.rows[{i}].data")))
                revs.append((table, pk, seq, owner))
            if aside:
                conn.exec_driver_sql(_KEEP_ASIDE_SQL, aside)
            _null_local_refs(conn, items)
            result.applied = _apply_rows(conn, items)
            result.unchanged = len(items) - result.applied
            if revs:
                conn.exec_driver_sql(_SET_REV_SQL, revs)
            st = s.get(SyncState, 1)
            if st is None:
                st = SyncState(slot=1, cursor=0, log_head_hash=GENESIS_HASH, checkpoint_seq=0,
                               last_error="", imported_replies="")
                s.add(st)
            st.cursor, st.log_head_hash = cursor, head
            if cp["server_seq"] >= st.checkpoint_seq:
                st.checkpoint = json.dumps(cp_wrapped)
                st.checkpoint_seq = cp["server_seq"]
                st.checkpoint_head_hash = cp["head_hash"]
                st.checkpoint_expires_at = str(cp.get("expires_at"))
            st.last_pull_at = now
    except IntegrityError as exc:
        reason = str(exc.orig or exc).splitlines()[0]
        raise SyncError(
            f"Rows from the server do not fit this installation's data ({reason}); nothing "
            "from this page was applied.",
            hint="This happens when local reference data was not created from GED's "
                 "baseline. Contact GED IT.") from exc
    return result


def missing_blobs(db: Database) -> list[str]:
    """Evidence files this installation has metadata for but no bytes (yet)."""
    with db.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT e.sha256 FROM evidence AS e LEFT JOIN evidence_blob AS b "
            "ON b.sha256 = e.sha256 WHERE b.id IS NULL ORDER BY e.sha256")]


def download_missing(db: Database, client: Any, shas: Sequence[str], *, progress: Progress,
                     cancel: Any) -> tuple[int, list[str]]:
    if not shas:
        return 0, []
    try:
        from nsss_desktop.sync_client import blobs
    except ImportError:
        return 0, [f"{len(shas)} evidence file(s) were not downloaded: this build has no blob "
                   "transfer (sync_client.blobs)."]
    from nsss_desktop.errors import EvidenceRefused

    done, notes = 0, []
    for n, sha in enumerate(shas, start=1):
        text = f"Receiving evidence file {n} of {len(shas)}"
        try:
            blobs.download_blob(client, db, sha, cancel=cancel, progress=None if progress is None
                                else lambda got, size, t=text: progress(got / max(size, 1), t))
            done += 1
        except (SyncRefused, EvidenceRefused) as exc:
            notes.append(f"evidence file {sha[:12]}… was not received: {exc.message}")
    return done, notes


def process_page(db: Database, ident: Identity, page: dict[str, Any], *,
                 client: Any = None, now: datetime | None = None) -> PullResult:
    """Verify one page (checkpoint, rollback, log chain) and apply it."""
    if not isinstance(page, dict):
        raise SyncTampered("The server's answer is not a page of rows.",
                           hint="Report this to GED IT.")
    wrapped = page.get("checkpoint")
    if isinstance(wrapped, dict) and isinstance(wrapped.get("checkpoint"), dict):
        ident = ensure_server_keys(db, client, ident,
                                   wrapped["checkpoint"].get("server_keys_version"))
    state = local_state(db)
    cp, expired = verify_checkpoint(ident, state, wrapped, now=now)
    cursor, head = verify_log(state, page, cp)
    check_own_sets(db, ident, page)
    result = apply_page(db, ident, page, wrapped, cp, cursor, head)
    result.stale = expired
    result.revoked = ident.key_id in (cp.get("revoked_key_ids") or [])
    if result.revoked:
        result.notes.append("The server lists this installation's key as revoked.")
    return result


def pull(db: Database, client: Any, *, progress: Progress = None, cancel: Any = None,
         limit: int = PAGE_LIMIT, now: datetime | None = None) -> PullResult:
    """Pull every page after the cursor; download missing evidence files afterwards. `now`
    (tests) is the clock checkpoints are judged expired by.

    The next page is requested while this one is applied (the server answers and the local
    transaction run side by side); only one request is ever in flight and the client is never
    used by two threads at once (server keys a page needs are fetched before the next
    request starts). The next page is used only if it starts where this page's verified log
    ended; a page that fails stops the pull as before."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from nsss_desktop.sync_client.http import check_cancel

    ident: Identity = client.identity
    total = PullResult(cursor=local_state(db).cursor)

    def fetch(since: int) -> Any:
        return client.get_json(f"/v1/pull?since={since}&limit={limit}")

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="nsss-pull") as pool:
        since = local_state(db).cursor
        check_cancel(cancel)
        page = fetch(since)
        while True:
            ahead: tuple[int, Future[Any]] | None = None
            if isinstance(page, dict):
                wrapped = page.get("checkpoint")
                if isinstance(wrapped, dict) and isinstance(wrapped.get("checkpoint"), dict):
                    ident = ensure_server_keys(db, client, ident,
                                               wrapped["checkpoint"].get("server_keys_version"))
                nxt = page.get("next_since")
                if page.get("more") and isinstance(nxt, int) and not isinstance(nxt, bool) \
                        and nxt > since:
                    ahead = (nxt, pool.submit(fetch, nxt))
            try:
                part = process_page(db, ident, page, client=client, now=now)
            except BaseException:
                if ahead is not None:
                    ahead[1].cancel()
                raise
            total.add(part)
            if progress:
                head = page.get("checkpoint", {}).get("checkpoint", {}).get("server_seq") or 1
                progress(min(1.0, part.cursor / max(head, 1)),
                         f"Received server changes up to {part.cursor}")
            if not page.get("more") or part.cursor == since:
                break
            check_cancel(cancel)
            since = local_state(db).cursor
            if ahead is not None and ahead[0] == since:
                page = ahead[1].result()
            else:
                if ahead is not None:
                    ahead[1].cancel()
                    try:
                        ahead[1].result()
                    except Exception:  # noqa: BLE001 - a page this pull does not use
                        pass
                page = fetch(since)
    got, notes = download_missing(db, client, missing_blobs(db), progress=progress,
                                  cancel=cancel)
    total.blobs_downloaded += got
    total.notes += notes
    return total


def skipped_rows(db: Database) -> list[SyncRow]:
    """Rows whose newer server version waits for a local op to be settled."""
    with db.reader() as s:
        return list(s.scalars(select(SyncRow).where(SyncRow.skipped_seq.is_not(None))))
