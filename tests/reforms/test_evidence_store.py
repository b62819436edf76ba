"""The evidence store (T20 hostile attachments, T23 at rest): real files, the real encrypted
database, and the refusal code for each kind of bad input."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from nsss_desktop.errors import Cancelled, EvidenceCorrupt, EvidenceRefused, UsageError
from nsss_desktop.services import evidence
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.store import journal
from nsss_desktop.store.models import Evidence, EvidenceBlob, EvidenceChunk, JournalTxn
from nsss_desktop.tasks import TaskState
from tests.reforms import files

MiB = 1024 * 1024


def stored_rows(db) -> dict[str, int]:
    with db.reader() as s:
        return {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                for model in (Evidence, EvidenceBlob, EvidenceChunk, JournalTxn)}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def big_pdf(size: int) -> bytes:
    """A PDF header followed by `size` bytes in all: enough to span several chunks."""
    body = files.pdf()
    return body + bytes(range(256)) * ((size - len(body)) // 256) + b"\n" * ((size - len(body))
                                                                             % 256)


@pytest.mark.parametrize("maker, media_type", [
    (lambda tmp: files.pdf(), "application/pdf"),
    (lambda tmp: files.png(), "image/png"),
    (lambda tmp: files.docx(), "application/vnd.openxmlformats-officedocument."
                               "wordprocessingml.document"),
    (files.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (lambda tmp: files.ole2("WordDocument"), "application/msword"),
    (lambda tmp: files.ole2("Workbook"), "application/vnd.ms-excel"),
])
def test_allowed_files_round_trip_with_their_hash(plan, tmp_path, maker, media_type):
    data = maker(tmp_path)
    source = write(tmp_path, "upload.bin", data)
    eid = evidence.attach(plan.db, plan.activity["1"], source, title="Proof", kind="circular",
                          document_date=date(2017, 5, 2), user_id=plan.user_id)
    with plan.db.reader() as s:
        row = s.get(Evidence, eid)
    assert row.media_type == media_type and row.size_bytes == len(data)
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert row.document_date == date(2017, 5, 2)
    assert evidence.read(plan.db, row.sha256) == data
    # The type comes from the bytes, so the saved copy gets the right extension.
    assert row.original_name.startswith("upload.bin.")


def test_multi_chunk_file_streams_back_verified(plan, tmp_path):
    data = big_pdf(3 * MiB + 12345)
    eid = evidence.attach(plan.db, plan.activity["1"], write(tmp_path, "big.pdf", data),
                          title="Big scan", kind="report")
    with plan.db.reader() as s:
        row = s.get(Evidence, eid)
        blob = s.scalar(select(EvidenceBlob).where(EvidenceBlob.sha256 == row.sha256))
        sizes = s.scalars(select(func.length(EvidenceChunk.data))
                          .where(EvidenceChunk.sha256 == row.sha256)
                          .order_by(EvidenceChunk.seq)).all()
    assert blob.chunk_count == 4 and sizes == [MiB, MiB, MiB, 12345]
    with evidence.open_stream(plan.db, row.sha256) as stream:
        pieces = []
        while piece := stream.read(300_000):
            pieces.append(piece)
    assert b"".join(pieces) == data


def test_same_bytes_twice_are_one_blob_and_two_evidence_rows(plan, tmp_path):
    data = files.pdf(b"Gazette notification")
    first = evidence.attach(plan.db, plan.activity["1"], write(tmp_path, "a.pdf", data),
                            title="Gazette", kind="gazette")
    second = evidence.attach(plan.db, plan.activity["6"], io.BytesIO(data),
                             title="Same gazette", kind="gazette", original_name="copy.pdf")
    assert first != second
    rows = stored_rows(plan.db)
    assert rows["evidence_blob"] == 1 and rows["evidence_chunk"] == 1
    assert rows["evidence"] == 2
    with plan.db.reader() as s:
        assert evidence.evidence_counts(s) == {plan.activity["1"]: 1, plan.activity["6"]: 1}
        assert [e.id for e in evidence.list_for_activity(s, plan.activity["6"])] == [second]


def test_one_flipped_stored_byte_is_caught_on_read_and_save(plan, tmp_path):
    """Simulates on-disk corruption of an evidence chunk (a bit flip that the page HMAC did not
    catch, or a bug that rewrote the row): the append-only trigger is dropped for this test only,
    one byte is changed with raw SQL, and the trigger is put back, all in one unit of work."""
    data = big_pdf(2 * MiB + 10)
    eid = evidence.attach(plan.db, plan.activity["1"], write(tmp_path, "x.pdf", data),
                          title="Minutes", kind="minutes")
    sha = hashlib.sha256(data).hexdigest()
    with plan.db.unit_of_work(description="TEST ONLY: simulate corruption") as uow:
        uow.session.execute(text("DROP TRIGGER append_only_evidence_chunk_update"))
        chunk = uow.session.scalar(select(EvidenceChunk.data).where(
            EvidenceChunk.sha256 == sha, EvidenceChunk.seq == 1))
        flipped = bytearray(chunk)
        flipped[4242] ^= 0x01
        uow.session.execute(text("UPDATE evidence_chunk SET data = :d WHERE sha256 = :s AND "
                                 "seq = 1"), {"d": bytes(flipped), "s": sha})
        uow.session.execute(text(journal.append_only_sql("evidence_chunk")[0]))
    with pytest.raises(EvidenceCorrupt, match="no longer matches its SHA-256") as caught:
        evidence.read(plan.db, sha)
    assert caught.value.exit_code == 6 and caught.value.hint
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(EvidenceCorrupt):
        evidence.save_copy(plan.db, eid, out)
    assert list(out.iterdir()) == []  # neither the partial file nor a damaged copy is left


def test_save_copy_never_overwrites_and_uses_the_safe_name(plan, tmp_path):
    data = files.pdf()
    eid = evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="T",
                          kind="circular", original_name="..\\..\\Windows\\CON.pdf")
    out = tmp_path / "out"
    out.mkdir()
    (out / "_CON.pdf").write_bytes(b"someone else's file")
    first = evidence.save_copy(plan.db, eid, out)
    second = evidence.save_copy(plan.db, eid, out)
    assert (first.name, second.name) == ("_CON (2).pdf", "_CON (3).pdf")
    assert first.read_bytes() == data and second.read_bytes() == data
    assert (out / "_CON.pdf").read_bytes() == b"someone else's file"
    assert sorted(p.name for p in out.iterdir()) == ["_CON (2).pdf", "_CON (3).pdf", "_CON.pdf"]


def test_exe_renamed_pdf_is_refused(plan, tmp_path):
    before = stored_rows(plan.db)
    with pytest.raises(EvidenceRefused, match="Windows program") as caught:
        evidence.attach(plan.db, plan.activity["1"], write(tmp_path, "circular.pdf",
                        files.exe()), title="Circular", kind="circular")
    assert caught.value.code == "type_not_allowed" and caught.value.exit_code == 12
    assert stored_rows(plan.db) == before


@pytest.mark.parametrize("data, looks_like", [
    (b"#!/bin/sh\nrm -rf /\n", "script"),
    (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "web page"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "web page"),
    (files.plain_zip(), "not an Office document"),
    (files.docx(macro=True), "macros"),
    (files.ole2("SummaryInformation"), "installer"),
    (b"plain text notes\n", "not on the allowed list"),
])
def test_other_types_are_refused_whatever_the_name(plan, tmp_path, data, looks_like):
    with pytest.raises(EvidenceRefused, match=looks_like) as caught:
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="x",
                        kind="report", original_name="harmless.docx")
    assert caught.value.code == "type_not_allowed"


def test_cap_plus_one_is_refused_before_anything_is_written(plan, tmp_path):
    before = stored_rows(plan.db)
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(evidence.MAX_BYTES + 1)  # sparse: cheap to make
    with pytest.raises(EvidenceRefused, match="larger than 50 MiB") as caught:
        evidence.attach(plan.db, plan.activity["1"], path, title="Huge", kind="report")
    assert caught.value.code == "too_large"
    with open(path, "rb") as stream, pytest.raises(EvidenceRefused) as caught:
        evidence.attach(plan.db, plan.activity["1"], stream, title="Huge", kind="report")
    assert caught.value.code == "too_large"
    assert stored_rows(plan.db) == before


def test_exactly_the_cap_is_accepted(plan, tmp_path):
    path = tmp_path / "cap.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(evidence.MAX_BYTES)
    eid = evidence.attach(plan.db, plan.activity["1"], path, title="At the cap", kind="report")
    with plan.db.reader() as s:
        assert s.get(Evidence, eid).size_bytes == evidence.MAX_BYTES


def test_zero_bytes_are_refused(plan, tmp_path):
    for source in (write(tmp_path, "empty.pdf", b""), io.BytesIO(b"")):
        with pytest.raises(EvidenceRefused, match="empty") as caught:
            evidence.attach(plan.db, plan.activity["1"], source, title="Empty", kind="report")
        assert caught.value.code == "empty"


def test_declared_hash_that_differs_is_refused(plan):
    data = files.png()
    with pytest.raises(EvidenceRefused) as caught:
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="Photo",
                        kind="photo", expected_sha256="0" * 64)
    assert caught.value.code == "hash_mismatch"
    eid = evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="Photo",
                          kind="photo", expected_sha256=hashlib.sha256(data).hexdigest())
    assert eid


def test_unknown_activity_kind_and_event_are_refused(plan):
    data = files.pdf()
    with pytest.raises(EvidenceRefused) as caught:
        evidence.attach(plan.db, "0190c2a0-0000-7000-8000-000000000000", io.BytesIO(data),
                        title="T", kind="circular")
    assert caught.value.code == "unknown_activity"
    with pytest.raises(UsageError, match="Unknown evidence kind"):
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="T", kind="memo")
    other = record_status(plan.db, plan.activity["6"], status="in_progress",
                          event_date=date(2015, 1, 1))
    with pytest.raises(UsageError, match="not one of this activity's"):
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title="T",
                        kind="circular", status_event_id=other)
    with pytest.raises(UsageError, match="needs a title"):
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(data), title=" \u202e ",
                        kind="circular")


def test_evidence_can_support_a_status_event(plan):
    event = record_status(plan.db, plan.activity["1"], status="completed",
                          event_date=date(2017, 6, 1), approval_state="approved")
    eid = evidence.attach(plan.db, plan.activity["1"], io.BytesIO(files.pdf()),
                          title="Circular", kind="circular", status_event_id=event)
    with plan.db.reader() as s:
        assert s.get(Evidence, eid).status_event_id == event


def test_cancel_mid_attach_leaves_nothing(plan, tmp_path):
    data = big_pdf(4 * MiB)
    before = stored_rows(plan.db)
    seen: list[float] = []

    def on_progress(fraction: float, _status: str) -> None:
        seen.append(fraction)
        if fraction > 0.6:  # in the second pass: chunks are being written
            state.cancel()

    state = TaskState(on_progress)
    with pytest.raises(Cancelled):
        evidence.attach(plan.db, plan.activity["1"], write(tmp_path, "scan.pdf", data),
                        title="Scan", kind="report", task=state)
    assert max(seen) > 0.6 and seen == sorted(seen)
    assert stored_rows(plan.db) == before


def test_no_plaintext_reaches_the_database_file_or_its_wal(plan, tmp_path):
    """T23: a distinctive string inside an attached PDF appears nowhere on disk, and no extra
    file (no temporary copy) appears beside the database."""
    before = {p.name for p in plan.path.parent.iterdir()}
    data = files.pdf(files.PLAINTEXT_MARKER)
    assert files.PLAINTEXT_MARKER in data
    source = io.BytesIO(data)  # the source itself is not on disk either
    eid = evidence.attach(plan.db, plan.activity["1"], source, title="Marker", kind="report",
                          original_name="marker.pdf")
    with plan.db.reader() as s:
        assert evidence.read(plan.db, s.get(Evidence, eid).sha256) == data
    after = {p.name for p in plan.path.parent.iterdir()}
    assert after - before <= {"plan.nsssdb-wal", "plan.nsssdb-shm"}
    assert "plan.nsssdb-wal" in after  # the pages just written are still in the WAL
    for name in after:
        raw = (plan.path.parent / name).read_bytes()
        assert files.PLAINTEXT_MARKER not in raw, name
        assert b"Circular" not in raw and b"%PDF-1.4" not in raw, name
    assert not plan.path.read_bytes().startswith(b"SQLite format 3")


def test_unknown_content_hash_and_evidence_id_are_usage_errors(plan, tmp_path):
    with pytest.raises(UsageError, match="No stored evidence file"):
        evidence.read(plan.db, "0" * 64)
    with pytest.raises(UsageError, match="No such evidence"):
        evidence.save_copy(plan.db, "0190c2a0-0000-7000-8000-000000000000", tmp_path)
