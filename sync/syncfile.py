"""Sync by file, for PCs that are never online (docs/sync.md §6).

The desktop exports a zip; an administrator imports it on the server with
``nsss-server admin import-file IN --reply OUT`` and carries the reply zip back. Every change set
in the file goes through exactly the checks of an HTTP upload (`sync.ingest`), with the file's
device standing for the session.

**Export file** (desktop → server), ``*.nsss-sync``, a zip holding:

``manifest.json``
    ``{"manifest": {...}, "signature": "<b64url>"}``; the signature is the device key's over
    ``SYNC_FILE + JCS(manifest)``. The manifest is ``{"format": "nsss-sync-file/1",
    "file_id": "<uuid7>", "device_id", "key_id", "ministry_code", "environment",
    "cursor": <server_seq the device has pulled to>, "created_at",
    "changesets": <number of lines>, "changesets_sha256": "<SHA-256 of changesets.jsonl>",
    "blobs": [{"sha256", "size", "media_type", "display_name"}]}``.
``changesets.jsonl``
    one sealed set per line, ``{"changeset": {...}, "signature": "...", "cosignature"?}``,
    oldest ``device_seq`` first, UTF-8, lines ended by ``\\n``.
``blobs/<sha256>``
    the bytes of each blob listed in the manifest.

**Reply file** (server → desktop), ``*.nsss-reply``, a zip holding:

``manifest.json``
    ``{"manifest": {...}, "signature": "<b64url>"}`` signed by the server's signing key
    (``SYNC_FILE`` prefix); the manifest is ``{"format": "nsss-sync-reply/1",
    "reply_id": "<uuid7>", "in_reply_to": "<file_id>", "device_id", "environment",
    "created_at", "cursor": <the export's cursor>, "next_since": <cursor after the pages>,
    "results": <number of lines>, "pull_pages": <number>, "server_key_id",
    "blobs": [{"sha256", "status": "stored" | "present" | "refused", "error"?}],
    "files": {"<name>": "<SHA-256 of its bytes>", ...}}`` — every other file of the zip is
    listed with its hash, so the signature covers the whole reply.
``results.jsonl``
    one answer per line of ``changesets.jsonl``, in the same order, each exactly an entry of
    the upload answer's ``results`` (signed ack, duplicate flag, error, awaiting_seq...).
``pull/000001.json`` ...
    the pull pages from the export's cursor to the head, each exactly a ``GET /v1/pull``
    answer (rows, log, next_since, more, signed checkpoint).
``server_keys.json``
    every ``server_keys`` document, oldest first (``[{"doc", "signature", "root_key_id"}]``),
    so an offline desktop can follow key rotations from its pinned root.

Importing the same file twice changes nothing on the server (every set is a duplicate) and
answers the same acks.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nsss_desktop.domain.ids import is_uuid7, new_id
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import WireError, canonical, strict_loads
from sync import clock, wirefast
from sync.audit import audit
from sync.context import ServerContext
from sync.errors import ApiError
from sync.ingest import Ingestor, Result, Uploader
from sync.keys import all_server_keys, signing_key
from sync.pull import MAX_LIMIT, pull_page_bytes
from sync.schema import device, device_key

FILE_FORMAT = "nsss-sync-file/1"
REPLY_FORMAT = "nsss-sync-reply/1"
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBER_BYTES = 512 * 1024 * 1024
CHUNK = 4 * 1024 * 1024
MANIFEST_FIELDS = {"format", "file_id", "device_id", "key_id", "ministry_code", "environment",
                   "cursor", "created_at", "changesets", "changesets_sha256", "blobs"}


class SyncFileError(Exception):
    """The file cannot be imported at all (exit code 2); `code` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ImportSummary:
    reply: Path
    device_id: str
    results: list[dict[str, Any]]
    next_since: int
    blobs: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for r in self.results:
            counts[str(r["status_code"])] = counts.get(str(r["status_code"]), 0) + 1
        return {"reply": str(self.reply), "device_id": self.device_id,
                "changesets": len(self.results), "status_codes": counts,
                "duplicates": sum(bool(r["duplicate"]) for r in self.results),
                "next_since": self.next_since, "blobs": self.blobs}


def _read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise SyncFileError("missing_member", f"the file holds no {name}") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise SyncFileError("too_large", f"{name} is too large")
    return zf.read(info)


def _manifest(zf: zipfile.ZipFile, ctx: ServerContext) -> tuple[dict[str, Any], Any]:
    try:
        outer = strict_loads(_read_member(zf, "manifest.json"))
    except WireError as exc:
        raise SyncFileError("bad_manifest", f"manifest.json: {exc}") from None
    if not isinstance(outer, dict) or set(outer) != {"manifest", "signature"}:
        raise SyncFileError("bad_manifest", 'manifest.json must be {"manifest", "signature"}')
    man, sig = outer["manifest"], outer["signature"]
    if not isinstance(man, dict) or set(man) != MANIFEST_FIELDS or not isinstance(sig, str):
        raise SyncFileError("bad_manifest", "the manifest must hold exactly: "
                            + ", ".join(sorted(MANIFEST_FIELDS)))
    if man["format"] != FILE_FORMAT:
        raise SyncFileError("bad_manifest", f"not a {FILE_FORMAT} file")
    if man["environment"] != ctx.environment:
        raise SyncFileError("wrong_environment", f"the file is for environment "
                            f"{man['environment']!r}; this server is {ctx.environment!r}")
    for name in ("file_id", "device_id"):
        if not isinstance(man[name], str) or not is_uuid7(man[name]):
            raise SyncFileError("bad_manifest", f"manifest.{name} is not a UUIDv7")
    if isinstance(man["cursor"], bool) or not isinstance(man["cursor"], int) or man["cursor"] < 0:
        raise SyncFileError("bad_manifest", "manifest.cursor must be a server_seq")
    if not isinstance(man["blobs"], list):
        raise SyncFileError("bad_manifest", "manifest.blobs must be a list")
    with ctx.db.read() as conn:
        key = conn.execute(select(device_key, device.c.ministry_code).join(device).where(
            device_key.c.key_id == man["key_id"],
            device_key.c.device_id == man["device_id"])).first()
    if key is None:
        raise SyncFileError("unknown_key", "the file's key is not an enrolled key of its device")
    if not signing.verify(signing.b64d(key.public_key), signing.SYNC_FILE, man, sig):
        raise SyncFileError("bad_signature", "the manifest's signature does not verify")
    return man, key


def _import_blobs(zf: zipfile.ZipFile, ctx: ServerContext, man: dict[str, Any]
                  ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    store = ctx.blob_store
    for entry in man["blobs"]:
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(sha, str):
            out.append({"sha256": None, "status": "refused", "error": "bad blob entry"})
            continue
        if store is None:
            out.append({"sha256": sha, "status": "refused", "error": "no blob store"})
            continue
        if store.is_complete(sha):
            out.append({"sha256": sha, "status": "present"})
            continue
        try:
            data = _read_member(zf, f"blobs/{sha}")
            if hashlib.sha256(data).hexdigest() != sha:
                raise SyncFileError("hash_mismatch", "the bytes do not hash to their name")
            store.announce(sha, len(data), entry.get("media_type"), entry.get("display_name"))
            offset = store.offset(sha)
            while offset < len(data):
                store.append(sha, offset, data[offset:offset + CHUNK])
                offset = store.offset(sha)
            out.append({"sha256": sha, "status": "stored"})
        except SyncFileError as exc:
            out.append({"sha256": sha, "status": "refused", "error": str(exc)})
        except Exception as exc:  # a BlobError: the blob module's own refusal
            code = getattr(exc, "code", type(exc).__name__)
            out.append({"sha256": sha, "status": "refused",
                        "error": f"{code}: {getattr(exc, 'message', exc)}"})
    return out


def _results(ingestor: Ingestor, lines: list[bytes], who: Uploader) -> list[Result]:
    results: list[Result] = []
    for line in lines:
        try:
            item = wirefast.strict_loads(line)
        except WireError as exc:
            results.append(Result.refused(None, ApiError.from_wire(exc)))
            continue
        results.append(ingestor.process_item(item, who, checked=True))
    ingestor.drain(who.device_id)
    return [ingestor.settle(r) for r in results]


def import_file(ctx: ServerContext, path: Path, reply: Path) -> ImportSummary:
    """Import an export file and write the signed reply zip (see the module docstring)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SyncFileError("too_large", "the file is larger than 2 GiB")
        zf = zipfile.ZipFile(path)
    except OSError as exc:
        raise SyncFileError("unreadable", f"cannot read {path}: {exc.strerror or exc}") from None
    except zipfile.BadZipFile:
        raise SyncFileError("not_a_sync_file", f"{path} is not a sync file (not a zip)") from None
    with zf:
        man, key = _manifest(zf, ctx)
        raw = _read_member(zf, "changesets.jsonl")
        if hashlib.sha256(raw).hexdigest() != man["changesets_sha256"]:
            raise SyncFileError("hash_mismatch", "changesets.jsonl does not match the manifest")
        lines = [ln for ln in raw.split(b"\n") if ln.strip()]
        if len(lines) != man["changesets"]:
            raise SyncFileError("bad_manifest", "the number of change sets differs from the "
                                "manifest")
        blobs = _import_blobs(zf, ctx, man)
    who = Uploader(man["device_id"], man["key_id"], key.ministry_code)
    results = [r.as_dict() for r in _results(Ingestor(ctx), lines, who)]
    pages: list[bytes] = []
    since = man["cursor"]
    with ctx.db.read() as conn:
        while True:
            body, page = pull_page_bytes(conn, ctx.environment, since, MAX_LIMIT)
            pages.append(body)
            if not page["more"]:
                break
            since = page["next_since"]
        next_since = page["next_since"]
        keys_doc = canonical(all_server_keys(conn))
        signer = signing_key(conn)
    files: dict[str, bytes] = {
        "results.jsonl": b"".join(wirefast.canonical(r) + b"\n" for r in results),
        "server_keys.json": keys_doc,
        **{f"pull/{i:06d}.json": p for i, p in enumerate(pages, start=1)},
    }
    manifest = {
        "format": REPLY_FORMAT, "reply_id": new_id(), "in_reply_to": man["file_id"],
        "device_id": man["device_id"], "environment": ctx.environment,
        "created_at": clock.now_iso(), "cursor": man["cursor"], "next_since": next_since,
        "results": len(results), "pull_pages": len(pages), "server_key_id": signer.key_id,
        "blobs": blobs, "files": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()},
    }
    signed = {"manifest": manifest, "signature": signer.sign(signing.SYNC_FILE, manifest)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", canonical(signed))
        for name, data in files.items():
            out.writestr(name, data)
    reply.parent.mkdir(parents=True, exist_ok=True)
    tmp = reply.with_name(reply.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(reply)
    with ctx.db.write() as conn:
        audit(conn, "admin", "sync_file_imported", device_id=man["device_id"],
              key_id=man["key_id"], details={"file_id": man["file_id"],
                                             "changesets": len(results),
                                             "reply_id": manifest["reply_id"]})
    return ImportSummary(reply, man["device_id"], results, next_since, blobs)
