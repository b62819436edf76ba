"""Sync by file, for PCs that are never online (docs/sync.md §6; the layout is the one
`sync/syncfile.py` reads and writes).

`export_file` writes one zip (``*.nsss-sync``):

- ``manifest.json``: ``{"manifest": {...}, "signature"}``, signed by the device key
  (``SYNC_FILE`` prefix): format ``nsss-sync-file/1``, ``file_id``, device, key, ministry,
  environment, the pull ``cursor``, ``created_at``, the number of change sets and the SHA-256
  of ``changesets.jsonl``, and the blobs (``sha256``, ``size``, ``media_type``,
  ``display_name``), so nothing can be added or dropped unseen;
- ``changesets.jsonl``: one sealed set a line, ``{"changeset": <the canonical bytes>,
  "signature"}``, in ``device_seq`` order: the exact bytes that were signed;
- ``blobs/<sha256>``: the attachments' bytes, read from the encrypted evidence store and
  checked against their hash while being written (the file then holds them in the clear: it
  must be carried like any confidential paper).

`import_file` reads the server's reply (``nsss-server admin import-file IN --reply OUT``):
a manifest signed by a server key that every file's hash is listed in, ``server_keys.json``
(followed from the pinned root, one version at a time), ``results.jsonl`` (an upload answer per
set: the acks are verified and stored as for a push) and ``pull/NNNNNN.json`` pages (checked
and applied exactly as pulled pages). A reply for another device is refused; importing the
same reply twice changes nothing and says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import DiskFull, UsageError
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import EvidenceBlob, SyncState
from nsss_desktop.sync_client import enrol
from nsss_desktop.sync_client.errors import NotEnrolled, SyncError, SyncTampered
from nsss_desktop.sync_client.identity import Identity, utc_now
from nsss_desktop.sync_client.pull import local_state
from nsss_desktop.sync_client.push import OutboxItem, open_sets
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import WireError, strict_loads

FILE_FORMAT = "nsss-sync-file/1"
REPLY_FORMAT = "nsss-sync-reply/1"
MAX_REPLY_BYTES = 2 * 1024 * 1024 * 1024
MANIFEST = "manifest.json"
CHANGESETS = "changesets.jsonl"
BLOB_DIR = "blobs/"
CHUNK = 1024 * 1024


@dataclass
class ExportSummary:
    path: Path
    changesets: int
    blobs: int
    cursor: int
    manifest: dict[str, Any] = field(default_factory=dict)


def _identity(db: Database) -> Identity:
    ident = enrol.load(db)
    if ident is None:
        raise NotEnrolled("This installation is not enrolled, so it has nothing to send.",
                          hint="Enrol it first (nsss-desktop sync enrol); enrolment needs the "
                               "network once, or ask GED IT.")
    return ident


def _attachments(items: list[OutboxItem]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        for att in item.envelope().get("attachments", []):
            out.setdefault(att["sha256"], att)
    return list(out.values())


def export_file(db: Database, out: Path) -> ExportSummary:
    """Write every pending or held change set (and its attachments) to `out`."""
    from nsss_desktop.services.evidence import open_stream

    ident = _identity(db)
    out = Path(out)
    if out.exists():
        raise UsageError(f"{out} exists already.", hint="Choose a new file name.")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent} is not a folder.", hint="Choose an existing folder.")
    items = open_sets(db, ident)
    state = local_state(db)
    wanted = _attachments(items)
    with db.reader() as s:
        have = set(s.scalars(select(EvidenceBlob.sha256).where(
            EvidenceBlob.sha256.in_([a["sha256"] for a in wanted]))))
    blobs = [a for a in wanted if a["sha256"] in have]
    lines = b"".join(i.wire_bytes() + b"\n" for i in items)
    manifest = {
        "format": FILE_FORMAT, "file_id": new_id(), "device_id": ident.device_id,
        "key_id": ident.key_id, "ministry_code": ident.ministry_code,
        "environment": ident.environment, "cursor": state.cursor, "created_at": utc_now(),
        "changesets": len(items), "changesets_sha256": hashlib.sha256(lines).hexdigest(),
        "blobs": [{"sha256": a["sha256"], "size": a["size"], "media_type": a["media_type"],
                   "display_name": a["display_name"]} for a in blobs],
    }
    signed = {"manifest": manifest,
              "signature": signing.sign(ident.private_key, signing.SYNC_FILE, manifest)}
    partial = out.with_name(f".{out.name}.{new_id()}.partial")
    try:
        with zipfile.ZipFile(partial, "x", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(signed, ensure_ascii=False, indent=1))
            zf.writestr(CHANGESETS, lines)
            for att in blobs:
                digest = hashlib.sha256()
                with zf.open(BLOB_DIR + att["sha256"], "w", force_zip64=True) as target, \
                        open_stream(db, att["sha256"]) as source:
                    while piece := source.read(CHUNK):
                        digest.update(piece)
                        target.write(piece)
                if digest.hexdigest() != att["sha256"]:  # open_stream raises first; belt
                    raise SyncError("An attachment changed while it was being written.",
                                    hint="Export again.")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, out)
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise DiskFull(f"{out.parent} is full; the sync file was not written.",
                           hint="Free some space or choose another drive.") from exc
        raise
    finally:
        partial.unlink(missing_ok=True)
    return ExportSummary(out, len(items), len(blobs), state.cursor, manifest)


def read_request(path: Path) -> tuple[dict[str, Any], str, list[bytes], dict[str, bytes]]:
    """Read an exported file back: (manifest, signature, set lines, blobs) — for tests and for
    checking a file before it is carried away."""
    with zipfile.ZipFile(path) as zf:
        signed = json.loads(zf.read(MANIFEST))
        lines = [line for line in zf.read(CHANGESETS).split(b"\n") if line]
        blobs = {n[len(BLOB_DIR):]: zf.read(n) for n in zf.namelist() if n.startswith(BLOB_DIR)}
    return signed["manifest"], signed["signature"], lines, blobs


@dataclass
class ImportSummary:
    already: bool = False
    reply_id: str = ""
    acked: int = 0
    duplicates: int = 0
    held: int = 0
    rejected: int = 0
    quarantined: int = 0
    unchanged_receipts: int = 0
    applied_rows: int = 0
    cursor: int = 0
    stale: bool = False
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.already:
            return [f"This reply ({self.reply_id}) was imported before; nothing changed."]
        out = [f"Receipts: {self.acked} delivered, {self.held} held, {self.rejected} refused, "
               f"{self.quarantined} quarantined"
               + (f"; {self.unchanged_receipts} were stored already" if
                  self.unchanged_receipts else "") + ".",
               f"Received {self.applied_rows} changed row(s); server log seen up to "
               f"{self.cursor}."]
        if self.stale:
            out.append("The reply's checkpoint has expired: the data is marked stale, not "
                       "synced.")
        return out + self.notes


def _untrusted(message: str) -> SyncTampered:
    return SyncTampered(message + " Nothing was imported.",
                        hint="Ask GED IT for a new reply file; do not edit it.")


def _read_reply(path: Path) -> tuple[dict[str, Any], str, dict[str, bytes]]:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise UsageError(f"{path} does not exist.", hint="Check the file name.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(f"{path} is not a sync reply file.",
                         hint="Choose the .nsss-reply file GED IT gave you.") from exc
    with zf:
        names = zf.namelist()
        if MANIFEST not in names:
            raise _untrusted("The reply holds no manifest.")
        total = sum(i.file_size for i in zf.infolist())
        if total > MAX_REPLY_BYTES:
            raise _untrusted("The reply is too large.")
        try:
            outer = strict_loads(zf.read(MANIFEST))
        except WireError as exc:
            raise _untrusted(f"The reply's manifest is not valid ({exc}).") from exc
        files = {n: zf.read(n) for n in names if n != MANIFEST and not n.endswith("/")}
    if not isinstance(outer, dict) or not isinstance(outer.get("manifest"), dict) \
            or not isinstance(outer.get("signature"), str):
        raise _untrusted("The reply's manifest is not signed.")
    return outer["manifest"], outer["signature"], files


def import_file(db: Database, reply: Path) -> ImportSummary:
    """Import the server's reply file: verify it, store the receipts, apply the pages."""
    from nsss_desktop.sync_client import pull as pulling
    from nsss_desktop.sync_client import push as pushing

    ident = _identity(db)
    man, signature, files = _read_reply(Path(reply))
    if man.get("format") != REPLY_FORMAT:
        raise UsageError(f"{reply} is not a reply file ({man.get('format')!r}).",
                         hint="Import the .nsss-reply file made by nsss-server admin "
                              "import-file, not the exported .nsss-sync file.")
    if man.get("device_id") != ident.device_id:
        raise SyncError(
            f"This reply is for device {man.get('device_id')}"
            + (f" of {man['ministry_code']}" if man.get("ministry_code") else "")
            + ", not for this installation "
            f"(device {ident.device_id} of {ident.ministry_code}). Nothing was imported.",
            hint="Import it on the PC that exported the file.")
    if man.get("environment") != ident.environment:
        raise SyncError(f"This reply is from environment {man.get('environment')!r}; this "
                        f"installation syncs with {ident.environment!r}. Nothing was imported.",
                        hint="Check which GED server made the reply.")
    listed = man.get("files")
    if not isinstance(listed, dict) or set(listed) != set(files):
        raise _untrusted("The reply's files differ from those its manifest lists.")
    for name, data in files.items():
        if hashlib.sha256(data).hexdigest() != listed[name]:
            raise _untrusted(f"{name} in the reply was changed after it was signed.")
    try:
        docs = strict_loads(files.get("server_keys.json", b"[]"))
    except WireError as exc:
        raise _untrusted(f"server_keys.json is not valid ({exc}).") from exc
    ident = _accept_keys(db, ident, docs if isinstance(docs, list) else [])
    ident.verify_server(signing.SYNC_FILE, man, signature,
                        key_id=str(man.get("server_key_id") or "") or None, what="reply file")
    reply_id = str(man.get("reply_id", ""))
    summary = ImportSummary(reply_id=reply_id)
    with db.reader() as s:
        state = s.get(SyncState, 1)
        seen = (state.imported_replies.split() if state is not None else [])
    if reply_id and reply_id in seen:
        summary.already = True
        summary.cursor = pulling.local_state(db).cursor
        return summary
    _receipts(db, ident, files.get("results.jsonl", b""), summary, pushing)
    pages = sorted(n for n in files if n.startswith("pull/") and n.endswith(".json"))
    for name in pages:
        try:
            page = strict_loads(files[name])
        except WireError as exc:
            raise _untrusted(f"{name} is not valid ({exc}).") from exc
        page = _unseen_part(page, pulling.local_state(db))
        if page is None:
            continue
        part = pulling.process_page(db, ident, page)
        summary.applied_rows += part.applied
        summary.stale = part.stale
        summary.notes += part.notes
    summary.cursor = pulling.local_state(db).cursor
    wanted = pulling.missing_blobs(db)
    if wanted:
        summary.notes.append(f"{len(wanted)} evidence file(s) are listed but not on this PC; "
                             "they arrive with a network sync.")
    with db.unit_of_work(origin="sync", description=f"Sync: import reply {reply_id}") as uow:
        st = uow.session.get(SyncState, 1)
        if st is not None and reply_id:
            st.imported_replies = "\n".join([*seen, reply_id][-200:])
            if not summary.stale:
                st.last_sync_at = utc_now()
    return summary


def _accept_keys(db: Database, ident: Identity, docs: list[Any]) -> Identity:
    """Follow the server-keys documents of the reply from the pinned root (N+1 after N)."""
    from nsss_desktop.sync_client.pull import ensure_server_keys

    by_version = {d["doc"].get("version"): d for d in docs
                  if isinstance(d, dict) and isinstance(d.get("doc"), dict)}
    newest = max((v for v in by_version if isinstance(v, int)), default=0)
    if newest <= ident.server_keys_version:
        return ident

    class _Docs:
        def get_json(self, path: str) -> Any:
            version = int(path.rsplit("=", 1)[1])
            if version not in by_version:
                raise _untrusted(f"The reply skips server-keys version {version}.")
            return by_version[version]

    return ensure_server_keys(db, _Docs(), ident, newest)


def _receipts(db: Database, ident: Identity, raw: bytes, summary: ImportSummary,
              pushing: Any) -> None:
    results = []
    for line in raw.split(b"\n"):
        if line.strip():
            try:
                results.append(strict_loads(line))
            except WireError as exc:
                raise _untrusted(f"results.jsonl is not valid ({exc}).") from exc
    by_id = {r.get("changeset_id"): r for r in results if isinstance(r, dict)}
    items = pushing.open_sets(db, ident, states=("pending", "held", "acked", "rejected",
                                                 "quarantined"))
    outcomes = []
    for item in items:
        result = by_id.get(item.changeset_id)
        if result is None:
            continue
        if item.state in ("acked", "rejected"):
            summary.unchanged_receipts += 1
            continue
        outcomes.append(pushing.classify(ident, item, result))
    if outcomes:
        done = pushing.record_outcomes(db, outcomes, description="Sync: receipts from a reply "
                                                                 "file")
        summary.acked += done.acked
        summary.duplicates += done.duplicates
        summary.held += done.held
        summary.rejected += done.rejected
        summary.quarantined += done.quarantined
        summary.notes += done.notes


def _unseen_part(page: Any, state: Any) -> dict[str, Any] | None:
    """The part of a reply page after this installation's cursor (None: all seen already).

    A reply carries pages from the export's cursor; a network sync may have gone further in
    between. The entries already seen are dropped; the rest must continue the stored chain."""
    if not isinstance(page, dict):
        raise _untrusted("A pull page of the reply is not an object.")
    if page.get("next_since", 0) <= state.cursor and (page.get("log") or []):
        return None
    log = [e for e in page.get("log") or [] if e.get("server_seq", 0) > state.cursor]
    rows = [r for r in page.get("rows") or [] if r.get("server_seq", 0) > state.cursor]
    cp = (page.get("checkpoint") or {}).get("checkpoint") or {}
    if not log and isinstance(cp.get("server_seq"), int) and cp["server_seq"] < \
            state.checkpoint_seq:
        return None  # an empty page from before a later network sync
    return {**page, "log": log, "rows": rows,
            "next_since": max(page.get("next_since", 0), state.cursor)}
