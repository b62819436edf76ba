"""The desktop side of blob transfer (nsss_desktop/sync_client/blobs.py) against a real uvicorn
serving `blob_router`: T19 (a 50 MiB PDF cut at 20 random offsets), download into another
encrypted database, typed refusals, cancel and resume.

The server's device dependency is a fake (tests/sync/test_blobs_support.py) because
authentication is tested with the real server elsewhere; the bytes go over real TCP, through a
loopback proxy that cuts connections mid-body where a test needs faults.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import threading

import pytest
import requests
from sqlalchemy import select

from nsss_desktop.errors import Cancelled, EvidenceRefused
from nsss_desktop.services import evidence
from nsss_desktop.services import evidence_types as types
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Activity, EvidenceBlob, JournalTxn
from nsss_desktop.sync_client import blobs as client_blobs
from nsss_desktop.sync_client.blobs import BlobRefused, download_blob, upload_blob
from nsss_desktop.sync_client.errors import SyncUnavailable
from nsss_desktop.sync_client.http import ServerClient
from tests.conftest import copy_database
from tests.sync.test_blobs_support import (
    CuttingProxy,
    HttpClient,
    MiB,
    blob_server,
    files_under,
    pdf_bytes,
)

CHUNK = 4 * MiB


def attach(db: Database, data: bytes, name: str = "circular.pdf") -> str:
    with db.reader() as s:
        activity_id = s.scalar(select(Activity.id).order_by(Activity.id).limit(1))
    evidence.attach(db, activity_id, io.BytesIO(data), title="Circular", kind="circular",
                    original_name=name)
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def other_db(demo_template, tmp_path, passphrase):
    """A second installation (another copy of the demo database) to download into."""
    db = Database.open(copy_database(demo_template, tmp_path / "other.nsssdb"),
                       passphrase=passphrase, use_keyring=False)
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _no_backoff_sleep(monkeypatch):
    monkeypatch.setattr(client_blobs, "_sleep", lambda s: None)


def test_t19_upload_cut_at_20_random_offsets_resumes_at_the_server_offset(
        demo_copy, other_db, tmp_path) -> None:
    """T19: each resume starts at the server's Upload-Offset, the bytes sent are at most the
    file plus one chunk per interruption, and the stored blob has the right SHA-256."""
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    size = 50 * MiB
    data = pdf_bytes(size, seed=seed)
    sha = attach(demo_copy, data)
    cuts = rng.sample(range(1, size), 20)

    with blob_server(tmp_path / "blobs") as srv:
        proxy = CuttingProxy(srv.port, cuts)
        client = HttpClient(proxy.url)
        seen: list[tuple[int, int]] = []
        try:
            upload_blob(client, demo_copy, sha, progress=lambda d, t: seen.append((d, t)))
        finally:
            proxy.close()
        note = f"seed {seed}, cuts {sorted(cuts)}"
        assert proxy.cut_count == 20, note
        assert srv.store.is_complete(sha), note
        with srv.store.open(sha) as f:
            assert hashlib.file_digest(f, "sha256").hexdigest() == sha

        # every PATCH starts at the offset the server last stated (PUT, HEAD, PATCH or 409)
        server_offset = None
        failures = 0
        for method, sent, _, status, answered in client.log:
            if method == "PATCH":
                assert sent == server_offset, (client.log, note)
            if status is None:
                failures += 1
                server_offset = None  # unknown until HEAD answers
            elif answered is not None:
                server_offset = answered
        assert failures >= 20, note
        attempted = client.patch_bytes()  # whole chunks, even those cut short
        assert size <= proxy.body_bytes <= attempted <= size + 20 * CHUNK, (
            proxy.body_bytes, attempted, note)
        assert seen[-1] == (size, size)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # monotonic progress

        # ... and the other installation gets exactly those bytes, verified and encrypted
        download_blob(HttpClient(srv.base_url), other_db, sha)
    assert evidence.read(other_db, sha) == data


def test_upload_is_idempotent_and_download_is_a_no_op_when_stored(demo_copy, tmp_path) -> None:
    data = pdf_bytes(3 * MiB, seed=11)
    sha = attach(demo_copy, data, name="ভাতা ../../প্রতিবেদন.pdf")
    with blob_server(tmp_path / "blobs") as srv:
        client = HttpClient(srv.base_url)
        upload_blob(client, demo_copy, sha, chunk_size=MiB)
        assert [m for m, *_ in client.log] == ["PUT", "PATCH", "PATCH", "PATCH"]
        client.log.clear()
        upload_blob(client, demo_copy, sha)
        assert [m for m, *_ in client.log] == ["PUT"]  # already complete: nothing re-sent
        client.log.clear()
        download_blob(client, demo_copy, sha)
        assert client.log == []
        meta = (srv.store.root / sha[:2] / f"{sha}.json").read_text(encoding="utf-8")
        assert "প্রতিবেদন.pdf" in meta and "../" not in meta


def test_cancel_then_resume_from_the_server_offset(demo_copy, tmp_path) -> None:
    data = pdf_bytes(6 * MiB, seed=12)
    sha = attach(demo_copy, data)
    stop = threading.Event()
    with blob_server(tmp_path / "blobs") as srv:
        client = HttpClient(srv.base_url)
        with pytest.raises(Cancelled):
            upload_blob(client, demo_copy, sha, chunk_size=MiB,
                        progress=lambda done, total: stop.set() if done >= 2 * MiB else None,
                        cancel=stop)
        held = srv.store.offset(sha)
        assert held == 2 * MiB
        client.log.clear()
        upload_blob(client, demo_copy, sha, chunk_size=MiB)
        patches = [sent for m, sent, *_ in client.log if m == "PATCH"]
        assert patches[0] == held and client.patch_bytes() == len(data) - held
        assert srv.store.is_complete(sha)


def test_refusals_raise_typed_errors_with_the_server_code(demo_copy, tmp_path) -> None:
    gif = b"GIF89a" + bytes(range(256)) * 40
    gif_sha = attach(demo_copy, gif, name="chart.gif")
    big = pdf_bytes(2 * MiB, seed=13)
    big_sha = attach(demo_copy, big)
    with blob_server(tmp_path / "blobs", allowed=(types.PDF,), max_bytes=MiB) as srv:
        client = HttpClient(srv.base_url)
        with pytest.raises(BlobRefused) as refused:
            upload_blob(client, demo_copy, gif_sha)
        assert (refused.value.status, refused.value.error_code) == (422, "type_not_allowed")
        with pytest.raises(BlobRefused) as refused:
            upload_blob(client, demo_copy, big_sha)
        assert (refused.value.status, refused.value.error_code) == (413, "too_large")
        assert "50 MiB" in str(refused.value)  # the hint an officer can act on

        unknown = hashlib.sha256(b"not on the server").hexdigest()
        with pytest.raises(BlobRefused) as refused:
            download_blob(client, demo_copy, unknown)
        assert refused.value.error_code == "not_found"


def test_download_refuses_tampered_bytes_and_writes_nothing(demo_copy, other_db,
                                                            tmp_path) -> None:
    data = pdf_bytes(2 * MiB + 7, seed=14)
    sha = attach(demo_copy, data)
    with blob_server(tmp_path / "blobs") as srv:
        client = HttpClient(srv.base_url)
        upload_blob(client, demo_copy, sha)
        stored = srv.store.root / sha[:2] / sha
        os.chmod(stored, 0o600)
        with open(stored, "r+b") as f:  # someone edits the server's copy out of band
            f.seek(MiB)
            f.write(b"\x00tampered\x00")
        with other_db.reader() as s:
            txns = s.query(JournalTxn).count()
        with pytest.raises(EvidenceRefused) as refused:
            download_blob(client, other_db, sha)
        assert refused.value.code == "hash_mismatch"
        with other_db.reader() as s:
            assert s.scalar(select(EvidenceBlob.id).where(EvidenceBlob.sha256 == sha)) is None
            assert s.query(JournalTxn).count() == txns
    leftovers = [p for p in files_under(tmp_path) if p.suffix not in (".nsssdb", ".json")
                 and "blobs" not in p.parts and p.is_file()]
    assert not [p for p in leftovers if data[:64] in p.read_bytes()[:4096]]


def test_download_resumes_with_range_after_a_dropped_answer(demo_copy, other_db,
                                                            tmp_path) -> None:
    data = pdf_bytes(5 * MiB + 3, seed=15)
    sha = attach(demo_copy, data)
    with blob_server(tmp_path / "blobs") as srv:
        upload_blob(HttpClient(srv.base_url), demo_copy, sha)
        client = HttpClient(srv.base_url)
        real = client.request
        ranges: list[str | None] = []

        def flaky(method, path, **kw):
            response = real(method, path, **kw)
            if method == "GET":
                ranges.append((kw.get("headers") or {}).get("Range"))
                if len(ranges) == 1:  # the first answer breaks after two pieces
                    pieces = response.iter_content

                    def broken(chunk_size=1, decode_unicode=False):
                        for i, piece in enumerate(pieces(chunk_size)):
                            if i == 2:
                                raise requests.exceptions.ChunkedEncodingError("cut")
                            yield piece
                    response.iter_content = broken
            return response

        client.request = flaky  # type: ignore[method-assign]
        progress: list[int] = []
        download_blob(client, other_db, sha, progress=lambda d, t: progress.append(d))
    assert ranges == [None, f"bytes={2 * MiB}-"]
    assert progress[-1] == len(data)
    assert evidence.read(other_db, sha) == data


def test_gives_up_with_sync_unavailable_when_the_server_is_gone(demo_copy, tmp_path) -> None:
    data = pdf_bytes(100_000, seed=16)
    sha = attach(demo_copy, data)
    with blob_server(tmp_path / "blobs") as srv:
        url = srv.base_url
    with pytest.raises(SyncUnavailable):
        upload_blob(HttpClient(url), demo_copy, sha)


def test_cuts_through_the_desktop_server_client(demo_copy, tmp_path) -> None:
    """The same faults through the real `ServerClient`, which retries a cut PATCH itself and
    raises `SyncRefused` for a 409: cuts land mid-chunk and exactly at chunk ends (where the
    server may have stored the whole chunk although the client never heard)."""
    size, chunk = 12 * MiB + 1, MiB
    data = pdf_bytes(size, seed=17)
    sha = attach(demo_copy, data)
    cuts = [MiB // 2, 2 * MiB, 3 * MiB, 5 * MiB + 7, 8 * MiB, 12 * MiB]
    with blob_server(tmp_path / "blobs") as srv:
        proxy = CuttingProxy(srv.port, cuts)
        client = ServerClient(proxy.url, allow_http=True, sleep=lambda s: None)
        client.token = "not checked by the test server"
        try:
            upload_blob(client, demo_copy, sha, chunk_size=chunk)
        finally:
            client.close()
            proxy.close()
        assert proxy.cut_count == len(cuts)
        assert size <= proxy.body_bytes <= size + len(cuts) * chunk
        with srv.store.open(sha) as f:
            assert hashlib.file_digest(f, "sha256").hexdigest() == sha


def test_two_installations_uploading_the_same_file_at_once(demo_copy, tmp_path) -> None:
    """Content addressing: two uploads of one blob race chunk by chunk; whoever loses a race
    gets 409 (an exception from `ServerClient`, an answer from the plain client), resumes at
    the server's offset, and both finish with the one verified blob."""
    data = pdf_bytes(16 * MiB, seed=18)
    sha = attach(demo_copy, data)
    with blob_server(tmp_path / "blobs") as srv:
        desktop = ServerClient(srv.base_url, allow_http=True, sleep=lambda s: None)
        desktop.token = "not checked by the test server"
        plain = HttpClient(srv.base_url)
        errors: list[BaseException] = []

        def run(client) -> None:
            try:
                upload_blob(client, demo_copy, sha, chunk_size=MiB)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(c,)) for c in (desktop, plain)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        desktop.close()
        assert errors == []
        assert srv.store.is_complete(sha)
        with srv.store.open(sha) as f:
            assert f.read() == data
