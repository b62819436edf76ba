"""Pull (R13, R14, R16) and the sanity digest (R24).

A pull page is whole change sets in ``server_seq`` order, with their log entries (each hashing
its predecessor) and a checkpoint signed by the server **at the end of the page**: its
``server_seq`` is the page's ``next_since`` and its ``head_hash`` the entry hash there, so a
client can check the chain of every page from its last known head to the checkpoint without
waiting for the last page. On an empty page the checkpoint is the server's head; a cursor
beyond the head (a server restored from a backup) gets the lower head, which the client
refuses as a rollback (T16, T29).
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from json.encoder import encode_basestring as _STR
from typing import Any

from sqlalchemy import Connection, select

from nsss_desktop.wire import signing
from nsss_desktop.wire.envelope import GENESIS_HASH
from nsss_desktop.wire.tables import SYNC_TABLES
from sync import clock, wirefast
from sync.ingest import log_head
from sync.keys import signing_key
from sync.merge import GED
from sync.schema import device, device_key, row_state, row_version, server_log

DEFAULT_LIMIT = 1000
MAX_LIMIT = 5000
CHECKPOINT_TTL = timedelta(hours=24)


def revoked_key_ids(conn: Connection) -> list[str]:
    """Keys revoked by an administrator, and every key of a revoked device (R22)."""
    rows = conn.execute(select(device_key.c.key_id).select_from(device_key.join(device)).where(
        (device_key.c.status == "revoked") | device.c.revoked_at.is_not(None))).scalars()
    return sorted(set(rows))


def checkpoint(conn: Connection, environment: str, server_seq: int, head_hash: str
               ) -> dict[str, Any]:
    """``{"checkpoint": {...}, "signature"}`` for the log position `server_seq`."""
    key = signing_key(conn)
    start = clock.now()
    doc = {"server_seq": server_seq, "head_hash": head_hash, "issued_at": clock.iso(start),
           "expires_at": clock.iso_in(CHECKPOINT_TTL, start), "environment": environment,
           "revoked_key_ids": revoked_key_ids(conn), "server_keys_version": key.version,
           "server_key_id": key.key_id}
    return {"checkpoint": doc, "signature": key.sign(signing.CHECKPOINT, doc)}


def _page(conn: Connection, environment: str, since: int, limit: int
          ) -> tuple[list[Any], list[Any], int, bool, dict[str, Any]]:
    """The stored rows and log entries of the page after `since`, its ``next_since``, whether
    more follow, and its signed checkpoint (see `pull_page`)."""
    entries = conn.execute(select(server_log).where(server_log.c.server_seq > since)
                           .order_by(server_log.c.server_seq).limit(limit + 1)).all()
    taken = []
    total = 0
    for entry in entries:
        if taken and total + entry.row_count > limit:
            break
        taken.append(entry)
        total += entry.row_count
        if total >= limit:
            break
    if taken:
        last = int(taken[-1].server_seq)
        rows = conn.execute(select(row_version).where(
            row_version.c.server_seq > since, row_version.c.server_seq <= last
        ).order_by(row_version.c.server_seq, row_version.c.op_index)).all()
        more = conn.execute(select(server_log.c.server_seq).where(
            server_log.c.server_seq > last).limit(1)).first() is not None
        point = checkpoint(conn, environment, last, taken[-1].entry_hash)
        next_since = last
    else:
        rows = []
        more = False
        head_seq, head_hash = log_head(conn)
        point = checkpoint(conn, environment, head_seq, head_hash)
        next_since = since
    return rows, taken, next_since, more, point


def _log_entry(e: Any) -> dict[str, Any]:
    return {"server_seq": int(e.server_seq), "prev_entry_hash": e.prev_entry_hash,
            "entry_hash": e.entry_hash, "changeset_id": e.changeset_id,
            "payload_sha256": e.payload_sha256}


def pull_page(conn: Connection, environment: str, since: int, limit: int) -> dict[str, Any]:
    """Row versions after `since`, whole change sets, at most `limit` rows (but always at
    least one set, however large: a set is never split)."""
    rows, taken, next_since, more, point = _page(conn, environment, since, limit)
    return {
        "rows": [{"server_seq": int(r.server_seq), "op_index": int(r.op_index),
                  "table": r.table_name, "pk": r.pk, "owner": r.owner,
                  "deleted": bool(r.deleted), "data": json.loads(r.data)} for r in rows],
        "log": [_log_entry(e) for e in taken],
        "next_since": next_since,
        "more": more,
        "checkpoint": point,
    }


def pull_page_bytes(conn: Connection, environment: str, since: int, limit: int
                    ) -> tuple[bytes, dict[str, Any]]:
    """``wirefast.canonical(pull_page(...))`` without decoding and re-encoding every row:
    each row's ``data`` is spliced in as stored. The stored text is the RFC 8785 form of the
    row's data (`ingest` writes it sorted, compact, not ASCII-escaped; its keys are column
    names), and ``data`` is the first key of a row, ``rows`` the last of a page, so the bytes
    are exactly those of the page. Also returns what the request log needs."""
    rows, taken, next_since, more, point = _page(conn, environment, since, limit)
    head = wirefast.canonical({"checkpoint": point, "log": [_log_entry(e) for e in taken],
                               "more": more, "next_since": next_since, "rows": []})
    assert head.endswith(b',"rows":[]}')
    text = _STR  # a str as RFC 8785 (and json.dumps without ASCII escapes) writes it
    body = ",".join(
        f'{{"data":{r.data},"deleted":{"true" if r.deleted else "false"},'
        f'"op_index":{int(r.op_index)},"owner":{text(r.owner)},"pk":{text(r.pk)},'
        f'"server_seq":{int(r.server_seq)},"table":{text(r.table_name)}}}' for r in rows)
    parts = [head[:-2], body.encode("utf-8"), b"]}"]  # head: up to and including "rows":[
    return b"".join(parts), {"next_since": next_since, "rows": len(rows), "more": more}


def digest(conn: Connection, ministry_code: str, scope: str) -> dict[str, Any]:
    """R24: per-table counts and a SHA-256 over the sorted ``(table, pk, rev)`` of the scope.

    Scope ``ministry``: rows owned by the device's ministry (every row for a GED device);
    ``all``: every row. Tombstones are in scope (a deletion moves a row's rev). The hash is
    over the UTF-8 lines ``"{table}\\t{pk}\\t{rev}\\n"`` sorted by (table, pk), so a client
    computes the same from the revs it last saw."""
    query = select(row_state.c.table_name, row_state.c.pk, row_state.c.rev,
                   row_state.c.deleted)
    if scope == "ministry" and ministry_code != GED:
        query = query.where(row_state.c.owner == ministry_code)
    # Sorted here, not by SQL: a PostgreSQL collation may order "_" differently.
    rows = sorted(conn.execute(query).all(), key=lambda r: (r.table_name, r.pk))
    head_seq, _ = log_head(conn)
    sha = hashlib.sha256()
    tables: dict[str, dict[str, int]] = {t: {"rows": 0, "deleted": 0} for t in SYNC_TABLES}
    for r in rows:
        sha.update(f"{r.table_name}\t{r.pk}\t{int(r.rev)}\n".encode())
        counts = tables.setdefault(r.table_name, {"rows": 0, "deleted": 0})
        counts["deleted" if r.deleted else "rows"] += 1
    return {"scope": scope, "ministry_code": ministry_code, "server_seq": head_seq,
            "tables": tables, "row_count": len(rows), "sha256": sha.hexdigest()}


def head_hash_at(conn: Connection, server_seq: int) -> str:
    if server_seq == 0:
        return GENESIS_HASH
    return conn.execute(select(server_log.c.entry_hash).where(
        server_log.c.server_seq == server_seq)).scalar_one()


__all__ = ["checkpoint", "digest", "pull_page", "pull_page_bytes"]
