"""Evidence files: stored encrypted inside the database, content-addressed, verified on read.

Why inside the database: SQLCipher already encrypts and authenticates every page, so the
bytes are never in plaintext on disk, a backup carries them, and one unit of work commits
the file and its metadata together or not at all (architecture.md, evidence storage).

`attach` reads the source twice, both times in 1 MiB pieces so that memory stays bounded:
the first pass (no lock held) measures, hashes and types the file; the second, inside the
unit of work, writes the chunks under that hash while hashing again, and refuses the file
(`hash_mismatch`) if it changed in between. Two passes are needed because a chunk row names
its blob by SHA-256, which is only known once every byte has been read, and chunks may never
be rewritten. Nothing is ever written to a temporary file.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, cast

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import EvidenceKind
from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import DiskFull, EvidenceCorrupt, EvidenceRefused, UsageError
from nsss_desktop.services import evidence_types as types
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    Activity,
    Evidence,
    EvidenceBlob,
    EvidenceChunk,
    StatusEvent,
)
from nsss_desktop.tasks import TaskState

CHUNK_BYTES = 1024 * 1024
MAX_BYTES = 50 * 1024 * 1024
MAX_TITLE_CHARS = 500
_CAP_HINT = "Evidence files can be at most 50 MiB: attach a smaller scan or split the document."


@dataclass(frozen=True)
class _Measured:
    sha256: str
    size: int
    kind: types.FileType


def attach(db: Database, activity_id: str, source: Path | BinaryIO, *, title: str, kind: str,
           document_date: date | None = None, status_event_id: str | None = None,
           original_name: str | None = None, user_id: str | None = None,
           task: TaskState | None = None, expected_sha256: str | None = None) -> str:
    """Store a file as evidence for an activity; return the new Evidence id.

    The same bytes attached twice are stored once (two evidence rows, one blob). A refused
    file raises `EvidenceRefused` (with `code`) before anything is written; a cancel through
    `task` raises `Cancelled` and leaves nothing written. `expected_sha256` is for callers that
    were told the hash (sync, an import manifest): different bytes are refused.
    """
    task = task or TaskState()
    title = _clean_title(title)
    if kind not in {k.value for k in EvidenceKind}:
        raise UsageError(f"Unknown evidence kind '{kind}'.",
                         hint="Use one of: " + ", ".join(k.value for k in EvidenceKind))
    with db.reader() as session:
        _check_targets(session, activity_id, status_event_id)
    with _Opened(source) as stream:
        measured = _first_pass(stream, task)
        if expected_sha256 is not None and expected_sha256.lower() != measured.sha256:
            raise EvidenceRefused("hash_mismatch", "The file's content does not match the "
                                  "SHA-256 it was sent with.", hint="Send the file again.")
        name = _display_name(original_name, source, title, measured.kind)
        task.set_status("Storing the file (encrypted)…")
        with db.unit_of_work(user_id=user_id, description=f"Attach evidence: {title}") as uow:
            s = uow.session
            _check_targets(s, activity_id, status_event_id)
            exists = s.scalar(select(EvidenceBlob.id)
                              .where(EvidenceBlob.sha256 == measured.sha256))
            if exists is None:
                _write_blob(s, stream, measured, uow.at, task)
            evidence = Evidence(
                activity_id=activity_id, status_event_id=status_event_id, title=title,
                kind=kind, document_date=document_date, sha256=measured.sha256,
                size_bytes=measured.size, media_type=measured.kind.media_type,
                original_name=name)
            s.add(evidence)
            s.flush()
            task.set_progress(1.0)
            return evidence.id


def store_blob(db: Database, source: BinaryIO, *, sha256: str,
               task: TaskState | None = None) -> bool:
    """Store a file received by sync under its content hash; False if it was already stored.

    No evidence row is written: that row arrives by sync on its own. The same checks as
    `attach` (size, type by magic bytes), plus the hash it was sent under (`hash_mismatch`).
    `source` must be seekable (the sync client hands over the downloaded bytes in memory), so
    the write lock is held only while the chunks are written, never during a download.
    """
    task = task or TaskState()
    exists = select(EvidenceBlob.id).where(EvidenceBlob.sha256 == sha256.lower())
    with db.reader() as s:
        if s.scalar(exists) is not None:
            return False
    with _Opened(source) as stream:
        measured = _first_pass(stream, task)
        if measured.sha256 != sha256.lower():
            raise EvidenceRefused("hash_mismatch", "The file's content does not match the "
                                  "SHA-256 it was sent with.", hint="Send the file again.")
        with db.unit_of_work(description="Receive evidence file", origin="sync") as uow:
            if uow.session.scalar(exists) is not None:
                return False
            _write_blob(uow.session, stream, measured, uow.at, task)
    return True


def read(db: Database, sha256: str) -> bytes:
    """All bytes of a stored file, after checking them against their SHA-256."""
    with open_stream(db, sha256) as stream:
        return stream.read()


def open_stream(db: Database, sha256: str) -> VerifiedStream:
    """A read-only stream over a stored file, one chunk in memory at a time.

    The hash can only be checked once every byte has been read, so the read that reaches the
    end raises `EvidenceCorrupt` if anything differed: act on the bytes only after that.
    """
    with db.reader() as s:
        blob = s.scalar(select(EvidenceBlob).where(EvidenceBlob.sha256 == sha256))
    if blob is None:
        raise UsageError("No stored evidence file has that content hash.",
                         hint="The file may not have been synchronised to this computer yet.")
    return VerifiedStream(db, blob)


def save_copy(db: Database, evidence_id: str, dest_dir: Path) -> Path:
    """Write a verified copy of an evidence file into `dest_dir` under its safe display name.

    Never overwrites: "name (2).pdf" and so on. The bytes go to a hidden partial file first,
    are fsynced, and are linked into place only after the hash check passed, so a corrupt or
    interrupted copy never appears under the real name.
    """
    dest_dir = Path(dest_dir)
    if not dest_dir.is_dir():
        raise UsageError(f"{dest_dir} is not a folder.", hint="Choose an existing folder.")
    with db.reader() as s:
        evidence = s.get(Evidence, evidence_id)
    if evidence is None:
        raise UsageError("No such evidence.", hint="Choose a file from the activity's list.")
    name = types.safe_display_name(evidence.original_name) or "evidence"
    kind = types.BY_MEDIA_TYPE.get(evidence.media_type)
    if kind is not None:
        name = types.with_type_extension(name, kind)
    partial = dest_dir / f".nsss-{new_id()}.partial"
    try:
        with open(partial, "xb") as out, open_stream(db, evidence.sha256) as stream:
            while piece := stream.read(CHUNK_BYTES):
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        return _place(partial, dest_dir, name)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(f"{dest_dir} is full; the copy was not saved.",
                           hint="Free some space or choose another folder.") from exc
        raise UsageError(f"Cannot write to {dest_dir}: {exc.strerror}.",
                         hint="Choose a folder you can write to.") from exc
    finally:
        partial.unlink(missing_ok=True)


def list_for_activity(session: Session, activity_id: str) -> list[Evidence]:
    """An activity's evidence, in the order it was attached (ids are time-ordered UUIDv7)."""
    return list(session.scalars(select(Evidence).where(Evidence.activity_id == activity_id)
                                .order_by(Evidence.id)))


def evidence_counts(session: Session) -> dict[str, int]:
    """Number of evidence files per activity (activities without any are absent)."""
    rows = session.execute(select(Evidence.activity_id, func.count())
                           .group_by(Evidence.activity_id))
    return {str(activity_id): int(count) for activity_id, count in rows}


# --- reading --------------------------------------------------------------------------------------


class VerifiedStream(io.RawIOBase):
    """Chunks of one blob, fetched one query at a time; the final read checks size and hash."""

    def __init__(self, db: Database, blob: EvidenceBlob) -> None:
        super().__init__()
        self._db, self._blob = db, blob
        self._hash = hashlib.sha256()
        self._seq, self._size, self._done = 0, 0, False
        self._buffer, self._offset = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, target: memoryview) -> int:  # type: ignore[override]
        while self._offset >= len(self._buffer) and not self._done:
            self._buffer, self._offset = self._next_chunk(), 0
        n = min(len(target), len(self._buffer) - self._offset)
        target[:n] = self._buffer[self._offset:self._offset + n]
        self._offset += n
        return n

    def readall(self) -> bytes:
        """Whole chunks at a time (the default would copy in 8 KiB steps)."""
        parts = [self._buffer[self._offset:]]
        self._buffer, self._offset = b"", 0
        while not self._done:
            parts.append(self._next_chunk())
        return b"".join(parts)

    def _next_chunk(self) -> bytes:
        if self._seq >= self._blob.chunk_count:
            self._done = True
            self._verify()
            return b""
        with self._db.reader() as s:
            data = s.scalar(select(EvidenceChunk.data).where(
                EvidenceChunk.sha256 == self._blob.sha256, EvidenceChunk.seq == self._seq))
        if data is None:
            raise self._corrupt(f"piece {self._seq + 1} of {self._blob.chunk_count} is missing")
        self._seq += 1
        self._size += len(data)
        self._hash.update(data)
        return bytes(data)

    def _verify(self) -> None:
        if self._size != self._blob.size_bytes:
            raise self._corrupt(f"{self._size:,} bytes stored, {self._blob.size_bytes:,} expected")
        if self._hash.hexdigest() != self._blob.sha256:
            raise self._corrupt("its content no longer matches its SHA-256")

    def _corrupt(self, what: str) -> EvidenceCorrupt:
        return EvidenceCorrupt(
            f"The stored evidence file {self._blob.sha256[:12]}… is damaged: {what}.",
            hint="Do not use this copy. Restore the latest backup with 'nsss-desktop restore', "
                 "or attach the original file again.")


# --- attaching ------------------------------------------------------------------------------------


class _Opened:
    """The source as a seekable binary stream positioned at its start, closed if we opened it.

    A non-seekable stream (a pipe) is read into memory, at most cap + 1 bytes: never to disk.
    """

    def __init__(self, source: Path | BinaryIO) -> None:
        self._source, self._owned = source, None
        self._start = 0

    def __enter__(self) -> BinaryIO:
        if isinstance(self._source, str | os.PathLike):
            path = Path(self._source)
            try:
                info = path.stat()
            except OSError as exc:
                raise UsageError(f"Cannot read {path.name}: {exc.strerror}.",
                                 hint="Check that the file exists and is not open elsewhere.") \
                    from exc
            if not stat.S_ISREG(info.st_mode):
                raise UsageError(f"{path.name} is not a regular file.", hint="Choose a file.")
            _check_size(info.st_size)
            self._owned = open(path, "rb")  # noqa: SIM115 - closed in __exit__
            return self._owned
        stream = self._source
        if getattr(stream, "seekable", lambda: False)():
            self._start = stream.tell()
            return cast(BinaryIO, _Window(stream, self._start))
        buffer = io.BytesIO()
        while buffer.tell() <= MAX_BYTES:
            data = stream.read(MAX_BYTES + 1 - buffer.tell())
            if not data:
                break
            if not isinstance(data, bytes | bytearray):
                raise UsageError("The evidence source must be opened in binary mode ('rb').")
            buffer.write(data)
        _check_size(buffer.tell())
        return buffer

    def __exit__(self, *exc: object) -> None:
        if self._owned is not None:
            self._owned.close()


class _Window(io.RawIOBase):
    """A seekable stream seen from a start offset, so that a caller's position is respected."""

    def __init__(self, inner: BinaryIO, start: int) -> None:
        super().__init__()
        self._inner, self._start = inner, start

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, target: memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(target))
        if not isinstance(data, bytes | bytearray):
            raise UsageError("The evidence source must be opened in binary mode ('rb').")
        target[:len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence == 0:
            return self._inner.seek(self._start + offset) - self._start
        return self._inner.seek(offset, whence) - self._start

    def tell(self) -> int:
        return self._inner.tell() - self._start


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise EvidenceRefused("too_large", f"The file is larger than {MAX_BYTES // 2**20} MiB.",
                              hint=_CAP_HINT)
    if size == 0:
        raise EvidenceRefused("empty", "The file is empty (0 bytes).",
                              hint="Choose the file again; it may not have finished copying.")


def _pieces(stream: BinaryIO) -> Iterator[bytes]:
    stream.seek(0)
    while piece := stream.read(CHUNK_BYTES):
        yield piece


def _first_pass(stream: BinaryIO, task: TaskState) -> _Measured:
    """Size, hash and type, reading at most cap + 1 bytes; nothing is written."""
    task.set_status("Checking the file…")
    digest, size, head = hashlib.sha256(), 0, b""
    total = _length(stream)
    for piece in _pieces(stream):
        task.check()
        if not head:
            head = piece[:types.HEADER_BYTES]
        size += len(piece)
        if size > MAX_BYTES:
            _check_size(size)
        digest.update(piece)
        task.set_progress(0.5 * size / max(total, size))
    _check_size(size)
    try:
        kind = types.detect(head, stream)
    except types.NotAllowed as exc:
        raise EvidenceRefused(
            "type_not_allowed", f"This file looks like {exc}, which cannot be attached.",
            hint="Attach a PDF, an image (PNG, JPEG, GIF, WebP, TIFF) or a Word, Excel or "
                 "PowerPoint file; the file's name or extension does not change this.") from exc
    return _Measured(digest.hexdigest(), size, kind)


def _length(stream: BinaryIO) -> int:
    position = stream.tell()
    end = stream.seek(0, 2)
    stream.seek(position)
    return end


def _write_blob(s: Session, stream: BinaryIO, measured: _Measured, at: str,
                task: TaskState) -> None:
    """Second pass: write the chunks under the hash of the first pass, and check it again."""
    count = (measured.size + CHUNK_BYTES - 1) // CHUNK_BYTES
    s.add(EvidenceBlob(sha256=measured.sha256, size_bytes=measured.size,
                       media_type=measured.kind.media_type, chunk_count=count, created_at=at))
    s.flush()
    digest, written, seq = hashlib.sha256(), 0, 0
    for seq, piece in enumerate(_pieces(stream)):
        task.check()
        written += len(piece)
        if written > measured.size:
            break
        digest.update(piece)
        s.execute(insert(EvidenceChunk).values(sha256=measured.sha256, seq=seq, data=piece))
        task.set_progress(0.5 + 0.5 * written / measured.size)
    task.check()
    if written != measured.size or seq + 1 != count or digest.hexdigest() != measured.sha256:
        raise EvidenceRefused("hash_mismatch", "The file changed while it was being attached.",
                              hint="Close any program that is editing it and attach it again.")


def _check_targets(s: Session, activity_id: str, status_event_id: str | None) -> None:
    if s.get(Activity, activity_id) is None:
        raise EvidenceRefused("unknown_activity", "The activity this evidence is for does not "
                              "exist in this database.",
                              hint="Choose the activity from the Action Plan register.")
    if status_event_id is not None:
        event = s.get(StatusEvent, status_event_id)
        if event is None or event.activity_id != activity_id:
            raise UsageError("That status report is not one of this activity's.",
                             hint="Choose a status report from the activity's history.")


def _clean_title(title: str) -> str:
    """Printable text in NFC (ZWJ/ZWNJ kept for Bangla), whitespace collapsed: a title is
    shown in lists and reports, where a bidi override or a newline would garble the row."""
    text = unicodedata.normalize("NFC", title or "")
    kept = "".join(c for c in text if c.isprintable() or c.isspace() or c in "\u200c\u200d")
    cleaned = " ".join(kept.split())
    if not cleaned:
        raise UsageError("Evidence needs a title.",
                         hint="Give a short title, e.g. 'Circular on age threshold, 2017'.")
    if len(cleaned) > MAX_TITLE_CHARS:
        raise UsageError(f"The title is longer than {MAX_TITLE_CHARS} characters.",
                         hint="Shorten it; details belong in a comment.")
    return cleaned


def _display_name(original: str | None, source: Path | BinaryIO, title: str,
                  kind: types.FileType) -> str:
    """The safe name from what was given (argument, path, stream name), else from the title."""
    given = original
    if given is None and isinstance(source, str | os.PathLike):
        given = Path(source).name
    if given is None and isinstance(getattr(source, "name", None), str):
        given = source.name  # type: ignore[union-attr]
    if given:
        name = types.safe_display_name(given)
        if not name:
            raise EvidenceRefused(
                "bad_name", "The file's name has no usable characters left once unsafe parts "
                "(paths, control characters, reserved names) are removed.",
                hint="Rename the file to something readable and attach it again.")
    else:
        # A title is not a path: its slashes and colons are text, kept as "_".
        name = types.safe_display_name(re.sub(r"[\\/:]", "_", title)) or "evidence"
    return types.with_type_extension(name, kind)


def _place(partial: Path, dest_dir: Path, name: str) -> Path:
    """Give the finished partial file its name without replacing anything already there."""
    for n in range(1, 1000):
        target = dest_dir / (name if n == 1 else types.numbered(name, n))
        if target.resolve().parent != dest_dir.resolve():
            raise UsageError("The evidence name is not a plain file name.")  # cannot happen
        try:
            os.link(partial, target)
            return target
        except FileExistsError:
            continue
        except OSError:  # no hard links (FAT, some network drives): reserve, then replace
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            os.close(fd)
            os.replace(partial, target)
            return target
    raise UsageError(f"Too many copies of {name} in {dest_dir}.", hint="Choose another folder.")
