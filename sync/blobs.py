"""Evidence blobs on the GED server: content-addressed, resumable uploads (R17, docs/sync.md §3.6).

A desktop uploads the files its change sets reference *before* the sets, tus-style:
``PUT /v1/blobs/{sha256}`` announces ``{size, media_type, display_name}``, ``HEAD`` tells how
many bytes the server holds (``Upload-Offset``), and ``PATCH`` appends a chunk of at most 4 MiB
at exactly that offset, so an upload cut anywhere resumes where the server stopped. When the
last byte arrives the server decides the type by magic bytes and re-hashes the file; only then
is the blob *complete* (a change set whose blob is not complete is held, not failed).

Storage is the filesystem, by hash only::

    root/partial/<sha256>        bytes received so far (appended, fsync'ed)
    root/partial/<sha256>.json   what was announced
    root/<aa>/<sha256>           a complete, verified blob (atomic rename from partial/)
    root/<aa>/<sha256>.json      its metadata

The display name is a label kept inside the JSON, never part of a path, and it is refused
(``bad_name``) unless it is already a safe file name, so a hostile name cannot reach a disk
through the server or through another desktop that later saves the file.

A chunk is stored whole or not at all: a PATCH whose connection drops mid-body appends nothing,
so the client re-sends at most that one chunk. Appends to one blob are serialised by a per-hash
lock (the server runs as one process); a second PATCH at a stale offset gets 409
``offset_mismatch`` with the server's offset.

Hashing is incremental: the SHA-256 state of the bytes stored so far is kept in memory, and a
PATCH hashes its chunk as the pieces arrive (while the rest is still on the wire), into a copy
of that state which becomes the blob's state once the chunk is stored whole. At completion the
digest comes from that state, so the file is not read back. The state is exactly the bytes
written (the same buffer is hashed and written; a failed write drops it), and a state taken for
one partial upload is never used for another (each stored state is its own token). Without a
state (the server restarted mid-upload, or the chunk arrived in an unexpected way) the file is
re-hashed at completion, streamed, as before. A state can only ever cause a refusal
(``hash_mismatch``), never accept bytes that do not have the blob's hash.

Annotations are evaluated eagerly here (no ``from __future__ import annotations``), so that
FastAPI can resolve the dependency alias built inside `blob_router`.
"""

import contextlib
import hashlib
import json
import logging
import os
import re
import threading
import time
import unicodedata
from base64 import b64encode
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from nsss_desktop.services import evidence_types as types
from nsss_desktop.wire.canonical import WireError, strict_loads

log = logging.getLogger("nsss.server.blobs")

MAX_BLOB_BYTES = 50 * 1024 * 1024
MAX_CHUNK_BYTES = 4 * 1024 * 1024
MAX_ANNOUNCE_BYTES = 16 * 1024
MAX_HASH_STATES = 10_000  # partial uploads whose hash state is kept in memory
MAX_NAME_CHARS = types.MAX_NAME_CHARS
MAX_NAME_BYTES = types.MAX_NAME_BYTES
OFFSET_STREAM = "application/offset+octet-stream"
SHA256_PATTERN = "^[0-9a-f]{64}$"
_SHA256 = re.compile(SHA256_PATTERN)
_HASH_PIECE = 1024 * 1024
_ZIP_TYPES = (types.DOCX, types.XLSX, types.PPTX)
_OLE2_TYPES = (types.DOC, types.XLS, types.PPT)
_FORBIDDEN_CHARS = set('<>:"|?*')
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ/ZWJ shape Bangla conjuncts


class BlobError(Exception):
    """A refusal with its HTTP status and stable code; `offset` for 409 offset_mismatch."""

    def __init__(self, status: int, code: str, message: str, *, offset: int | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.offset = status, code, message, offset

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.offset is not None:
            error["offset"] = self.offset
        return {"error": error}


class _HashState:
    """The SHA-256 state of the first `offset` bytes of one partial upload. Each stored state
    is a distinct object: a PATCH carries the one it started from as its token."""

    __slots__ = ("hasher", "offset")

    def __init__(self, offset: int, hasher: Any) -> None:
        self.offset = offset
        self.hasher = hasher


class ChunkHash:
    """What a PATCH hashes its chunk into, as the pieces arrive (`BlobStore.chunk_hash`):
    a copy of the stored state it starts from, and that state as its token."""

    __slots__ = ("hasher", "token")

    def __init__(self, token: _HashState | None, hasher: Any) -> None:
        self.token = token  # None: the chunk starts at offset 0 (an empty prefix)
        self.hasher = hasher

    def update(self, piece: bytes | bytearray | memoryview) -> None:
        self.hasher.update(piece)


@dataclass(frozen=True)
class BlobInfo:
    """What the server knows of one blob: announced metadata and how many bytes it holds."""

    sha256: str
    size: int
    media_type: str
    display_name: str
    offset: int

    @property
    def complete(self) -> bool:
        return self.offset == self.size


# --- checks ---------------------------------------------------------------------------------------


def check_sha256(sha256: str) -> str:
    """The hash itself when it is 64 lowercase hex digits, else 422 ``bad_hash``; only such a
    string ever becomes part of a path."""
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise BlobError(422, "bad_hash", "The blob address must be its SHA-256: 64 lowercase "
                        "hexadecimal digits.")
    return sha256


def display_name_problem(name: object) -> str | None:
    """Why `name` is not acceptable as a display name, or None when it is.

    Accepted names are exactly the fixed points of `evidence_types.safe_display_name` (what a
    desktop produces): NFC, at most 120 characters and 240 UTF-8 bytes, no path separators or
    characters Windows forbids, no control, bidi or other invisible characters (ZWJ/ZWNJ are
    letters' shaping marks in Bangla and stay), no leading dot or space, no reserved Windows
    device name (``CON.pdf``). The explicit checks give the message; the final one catches
    anything they miss.
    """
    if not isinstance(name, str) or not name.strip():
        return "the display name is empty"
    if not unicodedata.is_normalized("NFC", name):
        return "the display name is not in Unicode NFC"
    if len(name) > MAX_NAME_CHARS:
        return f"the display name is longer than {MAX_NAME_CHARS} characters"
    if len(name.encode("utf-8", errors="surrogatepass")) > MAX_NAME_BYTES:
        return f"the display name is longer than {MAX_NAME_BYTES} bytes in UTF-8"
    if "/" in name or "\\" in name:
        return "the display name contains a path separator"
    for ch in name:
        category = unicodedata.category(ch)
        if ch in _KEEP_FORMAT:
            continue
        if category[0] == "C" or (ch.isspace() and ch != " ") or category in ("Zl", "Zp"):
            return (f"the display name contains a control or invisible formatting character "
                    f"(U+{ord(ch):04X})")
        if ch in _FORBIDDEN_CHARS:
            return f"the display name contains {ch!r}, which Windows does not allow in names"
    if name[0] in ". " or name[-1] in ". ":
        return "the display name starts or ends with a dot or a space"
    if types.safe_display_name(name) != name:
        return "the display name is a reserved device name or otherwise not a safe file name"
    return None


def _head_problem(head: bytes, kind: types.FileType) -> str | None:
    """Refuse early, from the first bytes, what can never complete as the announced type."""
    if head.startswith(types.ZIP_MAGIC):
        return None if kind in _ZIP_TYPES else f"a ZIP archive, not a {kind.label}"
    if head.startswith(types.OLE2_MAGIC):
        return None if kind in _OLE2_TYPES else f"an OLE2 compound file, not a {kind.label}"
    try:
        found = types.detect(head, None)
    except types.NotAllowed as exc:
        return str(exc)
    return None if found is kind else f"a {found.label}, not a {kind.label}"


# --- the store ------------------------------------------------------------------------------------


class BlobStore:
    """Blobs on the filesystem under `root`, by SHA-256 only (see the module docstring).

    `on_complete(sha256)` is called (outside the lock) each time a blob becomes complete, for
    example to release change sets held for it. Thread-safe within one process.
    """

    def __init__(self, root: Path, *, max_bytes: int = MAX_BLOB_BYTES,
                 allowed: tuple[types.FileType, ...] = types.ALLOWED,
                 on_complete: Callable[[str], None] | None = None) -> None:
        self.root = Path(root).resolve()
        self.max_bytes = max_bytes
        self.allowed = {t.media_type: t for t in allowed}
        self.on_complete = on_complete
        self._partial_dir = self.root / "partial"
        self._partial_dir.mkdir(parents=True, exist_ok=True)
        self._guard = threading.Lock()
        self._locks: dict[str, list[Any]] = {}  # sha256 -> [lock, users]
        self._hashes: dict[str, _HashState] = {}  # partial uploads: sha256 -> state (guarded)

    # -- public API

    def announce(self, sha256: str, size: int, media_type: str, display_name: str, *,
                 device_id: str | None = None) -> tuple[BlobInfo, bool]:
        """Record an upload to come; return its state and whether this call created it.

        Idempotent: announcing a complete blob, or a partial one with the same size and type,
        changes nothing. A partial upload announced with another size or type is restarted
        (only the final hash check can tell which announcement was honest).
        """
        check_sha256(sha256)
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise BlobError(422, "invalid_request", "size must be a non-negative integer.")
        if size == 0:
            raise BlobError(422, "empty", "The file is empty (0 bytes).")
        if size > self.max_bytes:
            raise BlobError(413, "too_large", f"The file is larger than "
                            f"{self.max_bytes // 2**20} MiB ({size:,} bytes announced).")
        if media_type not in self.allowed:
            raise BlobError(422, "type_not_allowed", f"Files of type {media_type!r} are not "
                            "accepted; allowed: " + ", ".join(sorted(self.allowed)) + ".")
        problem = display_name_problem(display_name)
        if problem:
            raise BlobError(422, "bad_name", problem[0].upper() + problem[1:] + ".")
        with self._locked(sha256):
            current = self._state(sha256)
            if current is not None and (current.complete or (
                    current.size, current.media_type) == (size, media_type)):
                return current, False
            if current is not None:
                self._discard(sha256)
            meta = {"sha256": sha256, "size": size, "media_type": media_type,
                    "display_name": display_name, "announced_at": _now(),
                    "announced_by": device_id}
            self._forget_hash(sha256)
            self._write_json(self._partial_meta(sha256), meta)
            fd = os.open(self._partial(sha256), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            _fsync_dir(self._partial_dir)
            return BlobInfo(sha256, size, media_type, display_name, 0), True

    def info(self, sha256: str) -> BlobInfo:
        """The blob's state; 404 ``not_found`` if it was never announced (or was discarded)."""
        check_sha256(sha256)
        state = self._state(sha256)
        if state is None:
            raise BlobError(404, "not_found", "No upload of this blob was announced.")
        return state

    def offset(self, sha256: str) -> int:
        """How many bytes the server holds (the size when complete); 404 if never announced."""
        return self.info(sha256).offset

    def is_complete(self, sha256: str) -> bool:
        return bool(_SHA256.fullmatch(sha256 or "")) and self._final(sha256).is_file()

    def chunk_hash(self, sha256: str, offset: int) -> ChunkHash | None:
        """What to hash a chunk for `offset` into as it arrives (pass it to `append`), or
        None when the state of the bytes before `offset` is not known here."""
        if offset == 0:
            return ChunkHash(None, hashlib.sha256())
        with self._guard:
            state = self._hashes.get(sha256)
            if state is None or state.offset != offset:
                return None
            return ChunkHash(state, state.hasher.copy())

    def _forget_hash(self, sha256: str) -> None:
        with self._guard:
            self._hashes.pop(sha256, None)

    def _keep_hash(self, sha256: str, chunk: ChunkHash | None, offset: int, end: int) -> None:
        """After `end - offset` bytes were stored at `offset`: the blob's new state, when the
        chunk was hashed from the state of exactly the bytes before it."""
        with self._guard:
            current = self._hashes.pop(sha256, None)
            valid = chunk is not None and (
                chunk.token is None if offset == 0 else chunk.token is current)
            if valid and len(self._hashes) < MAX_HASH_STATES:
                self._hashes[sha256] = _HashState(end, chunk.hasher)  # type: ignore[union-attr]

    def append(self, sha256: str, offset: int, data: bytes | bytearray,
               chunk: ChunkHash | None = None) -> BlobInfo:
        """Append `data` at `offset` (409 ``offset_mismatch`` unless it is the server's offset).

        The chunk is written and fsync'ed under the blob's lock. As soon as the first bytes are
        in, a type that cannot be the announced one is refused; with the last byte the blob is
        type-checked and its hash checked (422 ``type_not_allowed`` / ``hash_mismatch``, the
        partial upload is discarded) and moved into place. `chunk`: `data` already hashed
        into a `chunk_hash` (else it is hashed here, when the state before it is known).
        """
        check_sha256(sha256)
        if len(data) > MAX_CHUNK_BYTES:
            raise BlobError(413, "too_large", f"A chunk may hold at most "
                            f"{MAX_CHUNK_BYTES // 2**20} MiB.")
        with self._locked(sha256):
            state = self.info(sha256)
            if offset != state.offset or (state.complete and data):
                raise BlobError(409, "offset_mismatch", f"The server holds {state.offset:,} "
                                f"bytes of this blob, not {offset:,}.", offset=state.offset)
            if not data:
                return state
            end = offset + len(data)
            if end > state.size:
                raise BlobError(413, "too_large", f"The chunk goes past the announced size "
                                f"({state.size:,} bytes).")
            if chunk is None:
                chunk = self.chunk_hash(sha256, offset)
                if chunk is not None:
                    chunk.update(data)
            path = self._partial(sha256)
            try:
                with open(path, "ab") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            except BaseException:
                self._forget_hash(sha256)  # what the file holds is no longer known
                raise
            self._keep_hash(sha256, chunk, offset, end)
            kind = self.allowed[state.media_type]
            head_end = min(state.size, types.HEADER_BYTES)
            if offset < head_end <= end:
                if offset == 0:
                    head = bytes(data[:head_end])
                else:
                    with open(path, "rb") as f:
                        head = f.read(head_end)
                problem = _head_problem(head, kind)
                if problem:
                    self._discard(sha256)
                    raise _type_refusal(problem)
            state = BlobInfo(state.sha256, state.size, state.media_type, state.display_name,
                             end)
            if state.complete:
                self._finish(state, kind)
        if state.complete and self.on_complete is not None:
            try:
                self.on_complete(sha256)
            except Exception:  # the blob is stored; a failing hook must not undo the upload
                log.exception("on_complete hook failed", extra={"sha256": sha256})
        return state

    def open(self, sha256: str) -> BinaryIO:
        """The bytes of a complete blob (404 ``not_found``, 409 ``incomplete`` otherwise)."""
        return open(self.path(sha256), "rb")  # noqa: SIM115 - the caller closes it

    def path(self, sha256: str) -> Path:
        """Where a complete blob's bytes are (for streaming responses)."""
        state = self.info(sha256)
        if not state.complete:
            raise BlobError(409, "incomplete", f"The upload of this blob is not finished "
                            f"({state.offset:,} of {state.size:,} bytes).")
        return self._final(sha256)

    def purge_partials(self, older_than_s: float) -> int:
        """Delete partial uploads not touched for `older_than_s` seconds; return how many."""
        cutoff, removed = time.time() - older_than_s, 0
        for meta in self._partial_dir.glob("*.json"):
            sha256 = meta.stem
            if not _SHA256.fullmatch(sha256):
                continue
            with self._locked(sha256):
                data = self._partial(sha256)
                touched = max((p.stat().st_mtime for p in (meta, data) if p.exists()),
                              default=0.0)
                if touched < cutoff:
                    self._discard(sha256)
                    removed += 1
        return removed

    # -- internals

    def _final(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def _final_meta(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def _partial(self, sha256: str) -> Path:
        return self._partial_dir / sha256

    def _partial_meta(self, sha256: str) -> Path:
        return self._partial_dir / f"{sha256}.json"

    @contextlib.contextmanager
    def _locked(self, sha256: str) -> Iterator[None]:
        with self._guard:
            entry = self._locks.setdefault(sha256, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with entry[0]:
                yield
        finally:
            with self._guard:
                entry[1] -= 1
                if entry[1] == 0:
                    del self._locks[sha256]

    def _state(self, sha256: str) -> BlobInfo | None:
        final = self._final(sha256)
        if final.is_file():
            meta = _read_json(self._final_meta(sha256)) or {}
            size = final.stat().st_size
            return BlobInfo(sha256, size, str(meta.get("media_type", "application/octet-stream")),
                            str(meta.get("display_name", "")), size)
        meta = _read_json(self._partial_meta(sha256))
        if meta is None:
            return None
        try:
            held = self._partial(sha256).stat().st_size
        except FileNotFoundError:
            held = 0
        return BlobInfo(sha256, int(meta["size"]), str(meta["media_type"]),
                        str(meta["display_name"]), held)

    def _finish(self, state: BlobInfo, kind: types.FileType) -> None:
        part = self._partial(state.sha256)
        with self._guard:
            known = self._hashes.pop(state.sha256, None)
        with open(part, "rb") as f:
            try:
                found = types.detect(f.read(types.HEADER_BYTES), f)
            except types.NotAllowed as exc:
                found, problem = None, str(exc)
            else:
                problem = f"a {found.label}, not a {kind.label}"
            if found is not kind:
                self._discard(state.sha256)
                raise _type_refusal(problem)
            if known is not None and known.offset == state.size:
                digest = known.hasher.hexdigest()  # the bytes written, hashed as they came
            else:  # not known here (a restart mid-upload): read the file again, streamed
                f.seek(0)
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        if digest != state.sha256:
            self._discard(state.sha256)
            raise BlobError(422, "hash_mismatch", "The bytes received do not have the SHA-256 "
                            "they were announced under; the upload was discarded.")
        folder = self._final(state.sha256).parent
        folder.mkdir(exist_ok=True)
        meta = _read_json(self._partial_meta(state.sha256)) or {}
        meta.update(size=state.size, completed_at=_now())
        self._write_json(self._final_meta(state.sha256), meta)
        os.replace(part, self._final(state.sha256))
        _fsync_dir(folder)
        self._partial_meta(state.sha256).unlink(missing_ok=True)
        _fsync_dir(self._partial_dir)
        _fsync_dir(self.root)
        log.info("blob complete", extra={"event": "blob_complete", "sha256": state.sha256,
                                         "size": state.size, "media_type": state.media_type})

    def _discard(self, sha256: str) -> None:
        self._forget_hash(sha256)
        self._partial(sha256).unlink(missing_ok=True)
        self._partial_meta(sha256).unlink(missing_ok=True)
        _fsync_dir(self._partial_dir)

    def _write_json(self, path: Path, value: dict[str, Any]) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as out:
            out.write(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)


def _type_refusal(problem: str) -> BlobError:
    return BlobError(422, "type_not_allowed", f"The file looks like {problem}; only the "
                     "announced, allowed type is accepted. The upload was discarded.")


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_bytes())
    except (FileNotFoundError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _fsync_dir(path: Path) -> None:
    """Make a rename or creation in `path` durable (not possible on Windows: skipped)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


# --- HTTP -----------------------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    code: str
    message: str
    offset: int | None = Field(None, description="The server's offset (409 offset_mismatch).")


class ErrorBody(BaseModel):
    error: ErrorDetail


class Announcement(BaseModel):
    size: int = Field(ge=1, le=MAX_BLOB_BYTES, description="Bytes in the file.")
    media_type: str = Field(description="Its type, which the magic bytes must confirm.")
    display_name: str = Field(min_length=1, max_length=MAX_NAME_CHARS,
                              description="A label (NFC, no separators, controls or bidi "
                                          "characters); never used as a path.")


class BlobState(BaseModel):
    sha256: str
    size: int
    media_type: str
    offset: int
    complete: bool


def _state_body(info: BlobInfo) -> dict[str, Any]:
    return {"sha256": info.sha256, "size": info.size, "media_type": info.media_type,
            "offset": info.offset, "complete": info.complete}


def _tus_headers(info: BlobInfo) -> dict[str, str]:
    return {"Upload-Offset": str(info.offset), "Upload-Length": str(info.size),
            "Cache-Control": "no-store"}


def _error(exc: BlobError) -> JSONResponse:
    headers = {"Upload-Offset": str(exc.offset)} if exc.offset is not None else None
    return JSONResponse(status_code=exc.status, content=exc.body(), headers=headers)


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed request.", 401: "Not signed in, or the session expired.",
            403: "The device may not use this endpoint (revoked, suspended, unknown key).",
            404: "No upload of this blob was announced.",
            409: "offset_mismatch (the body and Upload-Offset carry the server's offset) or "
                 "incomplete.",
            413: "too_large: over 50 MiB, a chunk over 4 MiB, or past the announced size.",
            415: "The body of a PATCH must be application/offset+octet-stream.",
            422: "bad_hash, empty, bad_name, type_not_allowed, hash_mismatch, invalid_request.",
            507: "The server's blob storage is full."}
    return {s: {"model": ErrorBody, "description": text[s]} for s in statuses}


_OFFSET_HEADER = {"description": "Bytes of the blob the server holds.",
                  "schema": {"type": "integer", "minimum": 0}}
_LENGTH_HEADER = {"description": "The announced size.", "schema": {"type": "integer"}}
_TUS = {"Upload-Offset": _OFFSET_HEADER, "Upload-Length": _LENGTH_HEADER}
_AUTH = (401, 403)

Sha256 = Annotated[str, PathParam(description="The blob's SHA-256 (64 lowercase hex digits).",
                                  json_schema_extra={"pattern": SHA256_PATTERN})]


def blob_router(store: BlobStore, current_device: Callable[..., Any]) -> APIRouter:
    """PUT/HEAD/PATCH/GET ``/v1/blobs/{sha256}``; every route needs `current_device` (the
    server's bearer-token dependency, passed in so that this module does not import auth)."""
    router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
    Device = Annotated[Any, Depends(current_device)]  # the caller's DeviceAuth

    async def call(fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return await run_in_threadpool(fn, *args)
        except OSError as exc:
            log.error("blob storage failed", extra={"event": "blob_storage_error",
                                                    "error": f"{type(exc).__name__}: {exc}"})
            raise BlobError(507, "storage_full" if exc.errno == 28 else "storage_error",
                            "The server could not store the blob; try again later.") from exc

    @router.put(
        "/{sha256}", status_code=201, response_model=BlobState,
        summary="Announce a blob (idempotent)",
        responses={201: {"description": "Announced; upload from offset 0.", "headers": _TUS},
                   200: {"model": BlobState, "headers": _TUS,
                         "description": "Already announced or complete: resume at `offset`."},
                   **_errors(400, *_AUTH, 413, 422, 507)},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": Announcement.model_json_schema()}}}},
    )
    async def announce(sha256: Sha256, request: Request, device: Device) -> Response:
        try:
            check_sha256(sha256)
            fields = await _announcement(request)
            info, created = await call(
                lambda: store.announce(sha256, *fields, device_id=_device_id(device)))
        except BlobError as exc:
            return _error(exc)
        return JSONResponse(status_code=201 if created else 200, content=_state_body(info),
                            headers=_tus_headers(info))

    @router.head(
        "/{sha256}", status_code=200, response_class=Response,
        summary="How many bytes of a blob the server holds",
        responses={200: {"description": "Upload-Offset and Upload-Length.", "headers": _TUS},
                   **_errors(*_AUTH, 404, 422)},
    )
    async def head(sha256: Sha256, device: Device) -> Response:
        try:
            info = await call(store.info, sha256)
        except BlobError as exc:
            return _error(exc)
        return Response(status_code=200, headers=_tus_headers(info))

    @router.patch(
        "/{sha256}", status_code=204, response_class=Response,
        summary="Append a chunk (at most 4 MiB) at Upload-Offset",
        responses={204: {"description": "Stored; Upload-Offset is the new offset (equal to "
                                        "Upload-Length when the blob is complete).",
                         "headers": _TUS},
                   **_errors(400, *_AUTH, 404, 409, 413, 415, 422, 507)},
        openapi_extra={
            "parameters": [{"name": "Upload-Offset", "in": "header", "required": True,
                            "schema": {"type": "integer", "minimum": 0},
                            "description": "Where this chunk starts: the server's offset."}],
            "requestBody": {"required": True, "content": {OFFSET_STREAM: {"schema": {
                "type": "string", "format": "binary", "maxLength": MAX_CHUNK_BYTES}}}}},
    )
    async def patch(sha256: Sha256, request: Request, device: Device) -> Response:
        try:
            check_sha256(sha256)
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != OFFSET_STREAM:
                raise BlobError(415, "bad_content_type", f"A chunk must be sent as "
                                f"{OFFSET_STREAM}.")
            offset = _header_int(request, "upload-offset", required=True)
            length = _header_int(request, "content-length", required=False)
            if length is not None and length > MAX_CHUNK_BYTES:
                raise BlobError(413, "too_large", f"A chunk may hold at most "
                                f"{MAX_CHUNK_BYTES // 2**20} MiB.")
            chunk = store.chunk_hash(sha256, offset)
            body = await _read_body(request, MAX_CHUNK_BYTES, chunk)
            if body is None:  # the connection dropped mid-chunk: store none of it
                return Response(status_code=400)
            info = await call(store.append, sha256, offset, body, chunk)
        except BlobError as exc:
            return _error(exc)
        return Response(status_code=204, headers=_tus_headers(info))

    @router.get(
        "/{sha256}", response_class=FileResponse,
        summary="The bytes of a complete blob",
        responses={200: {"description": "The verified bytes; Content-Type is the blob's type.",
                         "content": {"application/octet-stream": {
                             "schema": {"type": "string", "format": "binary"}}}},
                   **_errors(*_AUTH, 404, 409, 422)},
    )
    async def get(sha256: Sha256, device: Device) -> Response:
        try:
            path = await call(store.path, sha256)
            info = await call(store.info, sha256)
        except BlobError as exc:
            return _error(exc)
        digest = b64encode(bytes.fromhex(sha256)).decode("ascii")
        return FileResponse(path, media_type=info.media_type, headers={
            "Repr-Digest": f"sha-256=:{digest}:", "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-transform"})

    return router


async def _announcement(request: Request) -> tuple[int, str, str]:
    """The PUT body, parsed strictly (I-JSON) and bounded; our error format, not FastAPI's."""
    raw = await _read_body(request, MAX_ANNOUNCE_BYTES)
    if raw is None:
        raise BlobError(400, "malformed", "The request body was cut off.")
    try:
        doc = strict_loads(raw)
    except WireError as exc:
        raise BlobError(exc.status, exc.code, exc.message) from exc
    if not isinstance(doc, dict):
        raise BlobError(422, "invalid_request", "The body must be a JSON object.")
    for name, kind in (("size", int), ("media_type", str), ("display_name", str)):
        value = doc.get(name)
        if name not in doc or not isinstance(value, kind) or isinstance(value, bool):
            raise BlobError(422, "invalid_request", f"{name} is missing or not "
                            f"{'an integer' if kind is int else 'a string'}.")
    return doc["size"], doc["media_type"], doc["display_name"]


async def _read_body(request: Request, limit: int, chunk: ChunkHash | None = None
                     ) -> bytearray | None:
    """At most `limit` bytes of body (413 beyond), or None if the client went away mid-body;
    each piece is also hashed into `chunk` as it arrives."""
    body = bytearray()
    try:
        async for piece in request.stream():
            body += piece
            if len(body) > limit:
                raise BlobError(413, "too_large", f"The request body is over {limit:,} bytes.")
            if chunk is not None and piece:
                chunk.update(piece)
    except ClientDisconnect:
        return None
    return body


def _header_int(request: Request, name: str, *, required: bool) -> int | None:
    raw = request.headers.get(name)
    if raw is None:
        if required:
            raise BlobError(400, "bad_offset", f"The {name} header is required.")
        return None
    text = raw.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 15:
        raise BlobError(400, "bad_offset", f"The {name} header must be a non-negative integer.")
    return int(text)


def _device_id(device: Any) -> str | None:
    value = getattr(device, "device_id", None)
    return str(value) if value is not None else None
