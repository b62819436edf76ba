"""Evidence blobs over sync, desktop side (R17, docs/sync.md §3.6); Qt-free.

`upload_blob` sends one stored evidence file to the GED server, tus-style: ``PUT`` announces
``{size, media_type, display_name}`` (the answer carries the server's ``Upload-Offset``), then
``PATCH`` sends chunks of at most 4 MiB from that offset. After a dropped connection, a 5xx or
409 ``offset_mismatch`` it asks ``HEAD`` for the server's offset and resumes exactly there, so
an interruption costs at most the one chunk that was in flight. The bytes are read chunk by
chunk out of the encrypted database (`evidence_chunk`), never through a plaintext file, and the
SHA-256 of what was read is checked before the last chunk leaves: a damaged local copy raises
`EvidenceCorrupt` and never completes on the server.

`download_blob` fetches a complete blob (resuming with ``Range`` after a dropped connection),
holds it in memory (at most 50 MiB, never on disk) and stores it with
`evidence.store_blob`, which checks size, type by magic bytes and SHA-256 before anything is
written and holds the database's write lock only while the chunks are written.

`client` is anything with ``request(method, path, *, headers=None, data=None, json=None,
stream=False, timeout=None) -> requests.Response`` (the desktop's `ServerClient`). Transient
failures (connection errors, 5xx, 429) are retried with full-jitter backoff (R19); after
`MAX_STALLS` failures in a row without progress `SyncUnavailable` is raised and the next sync
resumes where this one stopped. Refusals raise `BlobRefused` with the server's code.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests
from sqlalchemy import func, select

from nsss_desktop.errors import Cancelled, EvidenceCorrupt, UsageError
from nsss_desktop.services import evidence
from nsss_desktop.services import evidence_types as types
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Evidence, EvidenceBlob, EvidenceChunk
from nsss_desktop.sync_client.errors import SyncRefused, SyncUnavailable

CHUNK_SIZE = 4 * 1024 * 1024  # the server's limit per PATCH
MAX_BLOB_BYTES = evidence.MAX_BYTES
OFFSET_STREAM = "application/offset+octet-stream"
MAX_STALLS = 8  # failures in a row without progress before giving up until the next sync
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 300.0
_DOWNLOAD_PIECE = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_sleep = time.sleep  # tests replace it

Progress = Callable[[int, int], None]
"""`progress(done_bytes, total_bytes)`: for uploads, the bytes the server has confirmed."""


class Client(Protocol):
    def request(self, method: str, path: str, *, headers: dict[str, str] | None = None,
                data: bytes | None = None, json: Any = None, stream: bool = False,
                timeout: Any = None) -> requests.Response: ...


class BlobRefused(SyncRefused):
    """The server refused a blob for good (4xx); `error_code` is its code: ``too_large``,
    ``empty``, ``bad_name``, ``type_not_allowed``, ``hash_mismatch``, ``not_found``,
    ``incomplete`` (not uploaded by its owner yet), ..."""

    code = "blob_refused"


_HINTS = {
    "too_large": "Evidence files can be at most 50 MiB: attach a smaller scan or split it.",
    "empty": "Attach the file again; it may not have finished copying.",
    "bad_name": "Rename the evidence file to a plain, readable name and attach it again.",
    "type_not_allowed": "Attach a PDF, an image or a Word, Excel or PowerPoint file.",
    "hash_mismatch": "The file was damaged on the way; sync again.",
    "not_found": "The file is not on the server yet; it arrives with a later sync.",
    "incomplete": "Its owner's upload is not finished; it arrives with a later sync.",
}


def upload_blob(client: Client, db: Database, sha256: str, *, progress: Progress | None = None,
                cancel: Any = None, chunk_size: int = CHUNK_SIZE) -> None:
    """Upload one stored evidence file (by its SHA-256) to the server, resuming if needed.

    `cancel` is a callable returning True, or an object with ``is_set()`` (threading.Event)
    or ``is_interruption_requested()`` (TaskState); cancelling raises `Cancelled` between
    chunks, and the next call resumes at the server's offset.
    """
    if not 0 < chunk_size <= CHUNK_SIZE:
        raise ValueError(f"chunk_size must be between 1 and {CHUNK_SIZE} bytes")
    local = _LocalBlob.load(db, _check_hash(sha256))
    _Upload(client, local, progress, cancel, chunk_size).run()


def download_blob(client: Client, db: Database, sha256: str, *,
                  progress: Progress | None = None, cancel: Any = None) -> None:
    """Fetch a complete blob from the server and store it, verified, in the database.

    Does nothing when the blob is already stored. A file whose bytes do not match its hash or
    whose type is not allowed raises `EvidenceRefused` and nothing is written.
    """
    sha256 = _check_hash(sha256)
    with db.reader() as s:
        if s.scalar(select(EvidenceBlob.id).where(EvidenceBlob.sha256 == sha256)) is not None:
            return
    buffer = _Download(client, sha256, progress, cancel).run()
    buffer.seek(0)
    evidence.store_blob(db, buffer, sha256=sha256)


# --- reading the local copy -------------------------------------------------------------------


@dataclass
class _LocalBlob:
    """A stored blob read by byte range, one query per range, straight from the database."""

    db: Database
    sha256: str
    size: int
    media_type: str
    name: str
    starts: list[int]  # byte offset of each chunk, by seq

    @classmethod
    def load(cls, db: Database, sha256: str) -> _LocalBlob:
        with db.reader() as s:
            blob = s.scalar(select(EvidenceBlob).where(EvidenceBlob.sha256 == sha256))
            if blob is None:
                raise UsageError("No stored evidence file has that content hash.",
                                 hint="Attach the file first; only stored files are sent.")
            rows = s.execute(select(EvidenceChunk.seq, func.length(EvidenceChunk.data))
                             .where(EvidenceChunk.sha256 == sha256)
                             .order_by(EvidenceChunk.seq)).all()
            name = s.scalar(select(Evidence.original_name).where(Evidence.sha256 == sha256)
                            .order_by(Evidence.id).limit(1))
        starts, total = [], 0
        for expected, (seq, length) in enumerate(rows):
            if seq != expected:
                raise _corrupt(sha256, f"piece {expected + 1} is missing")
            starts.append(total)
            total += int(length or 0)
        if len(rows) != blob.chunk_count or total != blob.size_bytes:
            raise _corrupt(sha256, f"{total:,} bytes in {len(rows)} pieces are stored, "
                                   f"{blob.size_bytes:,} in {blob.chunk_count} expected")
        return cls(db, sha256, blob.size_bytes, blob.media_type, name or "", starts)

    def read(self, offset: int, n: int) -> bytes:
        first = bisect.bisect_right(self.starts, offset) - 1
        last = bisect.bisect_right(self.starts, offset + n - 1) - 1
        with self.db.reader() as s:
            rows = s.execute(select(EvidenceChunk.seq, EvidenceChunk.data)
                             .where(EvidenceChunk.sha256 == self.sha256,
                                    EvidenceChunk.seq.between(first, last))
                             .order_by(EvidenceChunk.seq)).all()
        if [seq for seq, _ in rows] != list(range(first, last + 1)):
            raise _corrupt(self.sha256, "a piece disappeared while it was being sent")
        joined = b"".join(bytes(data) for _, data in rows)
        start = offset - self.starts[first]
        return joined[start:start + n]

    def announced_name(self, *, fallback: bool = False) -> str:
        """The display name to announce: the evidence's name made safe (the server accepts
        exactly such names), or a neutral one."""
        kind = types.BY_MEDIA_TYPE.get(self.media_type)
        name = "" if fallback else types.safe_display_name(self.name)
        name = name or "evidence"
        if kind is not None:
            name = types.with_type_extension(name, kind)
        for _ in range(3):  # safe_display_name is idempotent in practice; make sure of it
            again = types.safe_display_name(name)
            if again == name:
                break
            name = again or "evidence"
        return name


def _corrupt(sha256: str, what: str) -> EvidenceCorrupt:
    return EvidenceCorrupt(f"The stored evidence file {sha256[:12]}… is damaged: {what}.",
                           hint="Do not use this copy. Restore the latest backup with "
                                "'nsss-desktop restore', or attach the original file again.")


# --- talking to the server --------------------------------------------------------------------


class _Transient(Exception):
    """A failure worth retrying: connection, timeout, 5xx, 429."""

    def __init__(self, what: str, retry_after: float | None = None) -> None:
        super().__init__(what)
        self.retry_after = retry_after


@dataclass
class _Answer:
    status: int
    code: str = ""
    message: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)

    def header_int(self, name: str) -> int | None:
        raw = self.headers.get(name.lower(), "").strip()
        return int(raw) if raw.isdigit() else None

    def refusal(self, sha256: str) -> BlobRefused:
        message = self.message or f"The server refused the evidence file (HTTP {self.status})."
        return BlobRefused(f"Evidence file {sha256[:12]}…: {message}", status=self.status,
                           error_code=self.code or f"http_{self.status}",
                           hint=_HINTS.get(self.code, ""))


def _call(client: Client, method: str, path: str, **kwargs: Any) -> _Answer:
    """One request, its answer reduced to status, error code, headers and JSON body."""
    try:
        response = client.request(method, path, **kwargs)
    except SyncRefused as exc:  # a client that raises on refusals instead of answering them
        return _Answer(exc.status, exc.error_code, exc.message)
    except (requests.RequestException, OSError) as exc:
        raise _Transient(f"{type(exc).__name__}: {exc}") from exc
    with contextlib.closing(response):
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        body: dict[str, Any] = {}
        if method != "HEAD" and "json" in headers.get("content-type", ""):
            try:
                value = response.json()
            except ValueError:
                value = None
            body = value if isinstance(value, dict) else {}
    if status >= 500 or status == 429:
        retry_after = headers.get("retry-after", "").strip()
        raise _Transient(f"HTTP {status}", float(retry_after) if retry_after.isdigit() else None)
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    return _Answer(status, str(error.get("code", "")), str(error.get("message", "")), headers,
                   body)


class _Retrying:
    """Stall counting, full-jitter backoff and cancel checks shared by upload and download."""

    def __init__(self, sha256: str, progress: Progress | None, cancel: Any) -> None:
        self.sha256, self.progress, self.cancel = sha256, progress, cancel
        self.path = f"/v1/blobs/{sha256}"
        self.stalls = 0

    def check_cancel(self) -> None:
        cancel = self.cancel
        if cancel is None:
            return
        if callable(cancel):
            requested = cancel()
        elif hasattr(cancel, "is_set"):
            requested = cancel.is_set()
        else:
            requested = cancel.is_interruption_requested()
        if requested:
            raise Cancelled("Cancelled by the user; the transfer continues where it stopped "
                            "at the next sync.")

    def report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def stalled(self, failure: _Transient) -> None:
        """Count a failure without progress; wait (full jitter) or give up."""
        self.stalls += 1
        if self.stalls > MAX_STALLS:
            raise SyncUnavailable(
                f"Evidence file {self.sha256[:12]}… could not be transferred: {failure}.",
                hint="Check the connection; the next sync continues where this one stopped.")
        if failure.retry_after is not None:
            delay = min(failure.retry_after, BACKOFF_CAP_S)
        elif self.stalls == 1:
            delay = 0.0  # a dropped connection: reconnect at once
        else:
            delay = random.uniform(0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (self.stalls - 2)))
        while delay > 0:  # in slices, so that a cancel is honoured within a quarter second
            self.check_cancel()
            _sleep(min(delay, 0.25))
            delay -= 0.25
        self.check_cancel()


class _Upload(_Retrying):
    def __init__(self, client: Client, local: _LocalBlob, progress: Progress | None,
                 cancel: Any, chunk_size: int) -> None:
        super().__init__(local.sha256, progress, cancel)
        self.client, self.local, self.chunk_size = client, local, chunk_size
        self.offset: int | None = None  # the server's offset; None: ask (HEAD)
        self.announced = False
        self.fallback_name = False
        self.restarted = False
        self.best = 0  # the highest offset the server ever stated: progress, whoever made it
        self.hasher, self.hashed = hashlib.sha256(), 0  # hash of local bytes [0, hashed)

    def run(self) -> None:
        size = self.local.size
        while True:
            self.check_cancel()
            try:
                if not self.announced:
                    self.offset = self._announce()
                elif self.offset is None:
                    self.offset = self._head()
                if self.offset is None:  # not on the server (any more): announce again
                    self._no_progress("the server does not hold the upload")
                    continue
                self._learned(self.offset)
                if self.offset >= size:
                    self.report(size, size)
                    return
                self._patch(self.offset)
            except _Transient as failure:
                self.offset = None
                self.stalled(failure)

    def _announce(self) -> int | None:
        body = {"size": self.local.size, "media_type": self.local.media_type,
                "display_name": self.local.announced_name(fallback=self.fallback_name)}
        answer = _call(self.client, "PUT", self.path, json=body)
        if answer.code == "bad_name" and not self.fallback_name:
            self.fallback_name = True  # the name is only a label: never let it block sync
            return None
        if answer.status not in (200, 201):
            raise answer.refusal(self.sha256)
        self.announced = True
        offset = answer.header_int("Upload-Offset")
        if offset is None and isinstance(answer.body.get("offset"), int):
            offset = answer.body["offset"]
        return offset if offset is not None else self._head()

    def _head(self) -> int | None:
        answer = _call(self.client, "HEAD", self.path)
        if answer.status == 404:
            self.announced = False
            return None
        offset = answer.header_int("Upload-Offset")
        if answer.status != 200 or offset is None:
            raise answer.refusal(self.sha256)
        return offset

    def _patch(self, offset: int) -> None:
        n = min(self.chunk_size, self.local.size - offset)
        data = self.local.read(offset, n)
        self._hash_through(offset, data)
        answer = _call(self.client, "PATCH", self.path, data=data, headers={
            "Upload-Offset": str(offset), "Content-Type": OFFSET_STREAM})
        if answer.status in (200, 204):
            new = answer.header_int("Upload-Offset")
            if new is not None and new > offset:
                self.offset = new
                self._learned(new)
                self.report(new, self.local.size)
            else:  # an answer without a usable offset: ask for it
                self.offset = None
                self._no_progress(f"no new offset after the chunk at {offset:,}")
        elif answer.code == "offset_mismatch":
            # Someone (an earlier attempt the connection lost) moved the offset: resume there.
            server = answer.body.get("error", {}).get("offset")
            self.offset = server if isinstance(server, int) else answer.header_int(
                "Upload-Offset")
            if self.offset is None or self.offset <= self.best:
                self._no_progress(f"offset mismatch at {offset:,}")
        elif answer.status == 404:
            self.announced = False
            self._no_progress("the server lost the partial upload")
        elif answer.code == "hash_mismatch" and not self.restarted:
            # The local bytes were verified before the last chunk left, so the server's copy
            # was damaged: start over once, then give up.
            self.restarted, self.announced = True, False
        else:
            raise answer.refusal(self.sha256)

    def _learned(self, offset: int) -> None:
        """The server holds more than ever before (another installation may be uploading the
        same file at the same time): that is progress, so the failure count starts again."""
        if offset > self.best:
            self.best, self.stalls = offset, 0

    def _no_progress(self, what: str) -> None:
        self.stalls += 1
        if self.stalls > MAX_STALLS:
            raise SyncUnavailable(f"Evidence file {self.sha256[:12]}… could not be "
                                  f"transferred: {what}.",
                                  hint="Sync again later; the upload resumes where it stopped.")

    def _hash_through(self, offset: int, data: bytes) -> None:
        """Extend the hash of the local bytes in order (reading any gap from the database), and
        check it before the last chunk leaves."""
        while self.hashed < offset:
            step = min(self.chunk_size, offset - self.hashed)
            self.hasher.update(self.local.read(self.hashed, step))
            self.hashed += step
        end = offset + len(data)
        if end > self.hashed:
            self.hasher.update(memoryview(data)[self.hashed - offset:])
            self.hashed = end
        if end == self.local.size and self.hasher.hexdigest() != self.sha256:
            raise _corrupt(self.sha256, "its content no longer matches its SHA-256")


class _Download(_Retrying):
    def __init__(self, client: Client, sha256: str, progress: Progress | None,
                 cancel: Any) -> None:
        super().__init__(sha256, progress, cancel)
        self.client = client
        self.buffer = io.BytesIO()
        self.total: int | None = None

    def run(self) -> io.BytesIO:
        while True:
            self.check_cancel()
            try:
                if self._fetch():
                    return self.buffer
            except _Transient as failure:
                self.stalled(failure)

    def _fetch(self) -> bool:
        have = self.buffer.tell()
        headers = {"Range": f"bytes={have}-"} if have else None
        try:
            response = self.client.request("GET", self.path, headers=headers, stream=True)
        except SyncRefused as exc:
            raise _Answer(exc.status, exc.error_code, exc.message).refusal(self.sha256) from exc
        except (requests.RequestException, OSError) as exc:
            raise _Transient(f"{type(exc).__name__}: {exc}") from exc
        with contextlib.closing(response):
            status = response.status_code
            if status >= 500 or status == 429:
                raise _Transient(f"HTTP {status}")
            length = response.headers.get("Content-Length", "")
            if status == 206 and not self._resumes_at(response, have):
                self._restart()
                raise _Transient("the server answered another range than asked")
            if status == 206:
                total = have + int(length) if length.isdigit() else -1
            elif status == 200:
                self._restart()
                total = int(length) if length.isdigit() else -1
            else:
                raise _answer_of(response).refusal(self.sha256)
            if total <= 0 or total > MAX_BLOB_BYTES:
                raise BlobRefused(f"Evidence file {self.sha256[:12]}… has an unacceptable "
                                  f"size ({total:,} bytes).", status=status,
                                  error_code="too_large", hint=_HINTS["too_large"])
            try:
                for piece in response.iter_content(_DOWNLOAD_PIECE):
                    self.check_cancel()
                    self.buffer.write(piece)
                    if self.buffer.tell() > total:
                        raise BlobRefused(f"Evidence file {self.sha256[:12]}…: the server sent "
                                          "more bytes than announced.", status=status,
                                          error_code="too_large")
                    self.stalls = 0
                    self.report(self.buffer.tell(), total)
            except (requests.RequestException, OSError) as exc:
                raise _Transient(f"{type(exc).__name__}: {exc}") from exc
            if self.buffer.tell() != total:
                raise _Transient(f"the answer stopped after {self.buffer.tell():,} of "
                                 f"{total:,} bytes")
            return True

    def _restart(self) -> None:
        self.buffer.seek(0)
        self.buffer.truncate()

    @staticmethod
    def _resumes_at(response: requests.Response, have: int) -> bool:
        match = re.fullmatch(r"bytes (\d+)-\d+/\d+", response.headers.get("Content-Range", ""))
        return bool(match) and int(match.group(1)) == have


def _answer_of(response: requests.Response) -> _Answer:
    try:
        value = response.json()
    except ValueError:
        value = None
    error = value.get("error") if isinstance(value, dict) else None
    error = error if isinstance(error, dict) else {}
    return _Answer(response.status_code, str(error.get("code", "")),
                   str(error.get("message", "")))


def _check_hash(sha256: str) -> str:
    value = (sha256 or "").lower()
    if not _SHA256.fullmatch(value):
        raise UsageError(f"{sha256!r} is not a SHA-256 content hash.",
                         hint="Use the 64 hexadecimal digits shown for the evidence file.")
    return value
