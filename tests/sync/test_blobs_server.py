"""The blob endpoints (docs/sync.md §3.6, R17): T20 hostile attachments, concurrent PATCHes,
idempotent announcements, HEAD/GET, and the OpenAPI declaration.

Every request goes over TCP to a real uvicorn serving `blob_router` (tests/sync/
test_blobs_support.py); only the device dependency is a fake, because authentication is tested
with the real server elsewhere.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import unicodedata
import zipfile
from pathlib import Path

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from nsss_desktop.services import evidence_types as types
from nsss_desktop.sync_client.blobs import _LocalBlob
from sync.blobs import MAX_BLOB_BYTES, BlobStore, display_name_problem
from tests.sync.test_blobs_support import MiB, blob_server, files_under, pdf_bytes

OCTETS = {"Content-Type": "application/offset+octet-stream"}


def announce(url: str, size: int, media_type: str = "application/pdf",
             display_name: str = "circular.pdf") -> requests.Response:
    return requests.put(url, json={"size": size, "media_type": media_type,
                                   "display_name": display_name}, timeout=30)


def patch(url: str, offset: int, data: bytes, **headers: str) -> requests.Response:
    return requests.patch(url, data=data, headers={**OCTETS, "Upload-Offset": str(offset),
                                                   **headers}, timeout=60)


def upload(url: str, data: bytes, chunk: int = 4 * MiB) -> requests.Response:
    answer = announce(url, len(data))
    assert answer.status_code in (200, 201), answer.text
    offset = int(answer.headers["Upload-Offset"])
    while offset < len(data):
        answer = patch(url, offset, data[offset:offset + chunk])
        if answer.status_code != 204:
            return answer
        offset = int(answer.headers["Upload-Offset"])
    return answer


def error_code(answer: requests.Response) -> str:
    return answer.json()["error"]["code"]


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" '
                   f'ContentType="{main}"/></Types>')
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def srv(tmp_path):
    with blob_server(tmp_path / "blobs") as server:
        yield server


def test_upload_head_get_and_idempotent_put(srv) -> None:
    data = pdf_bytes(9 * MiB + 12345, seed=1)
    sha = hashlib.sha256(data).hexdigest()
    url = srv.url(sha)

    first = announce(url, len(data))
    assert first.status_code == 201
    assert first.headers["Upload-Offset"] == "0"
    assert first.json() == {"sha256": sha, "size": len(data), "media_type": "application/pdf",
                            "offset": 0, "complete": False}
    assert patch(url, 0, data[:4 * MiB]).status_code == 204
    again = announce(url, len(data))  # idempotent: the partial upload is kept
    assert again.status_code == 200
    assert again.headers["Upload-Offset"] == str(4 * MiB)
    head = requests.head(url, timeout=10)
    assert head.status_code == 200
    assert (head.headers["Upload-Offset"], head.headers["Upload-Length"]) == (
        str(4 * MiB), str(len(data)))

    last = upload(url, data)
    assert last.status_code == 204, last.text
    assert last.headers["Upload-Offset"] == str(len(data))
    assert srv.store.is_complete(sha)

    got = requests.get(url, timeout=30)
    assert got.status_code == 200
    assert got.content == data
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    head = requests.head(url, timeout=10)
    assert head.headers["Upload-Offset"] == head.headers["Upload-Length"] == str(len(data))
    done = announce(url, len(data))
    assert (done.status_code, done.headers["Upload-Offset"]) == (200, str(len(data)))
    late = patch(url, 0, data[:10])  # a stale PATCH to a complete blob changes nothing
    assert late.status_code == 409 and late.json()["error"]["offset"] == len(data)

    root = srv.store.root
    assert (root / sha[:2] / sha).read_bytes() == data
    assert sorted(p.name for p in (root / "partial").iterdir()) == []


def test_head_and_get_unknown_or_incomplete(srv) -> None:
    sha = hashlib.sha256(b"never").hexdigest()
    head = requests.head(srv.url(sha), timeout=10)
    assert head.status_code == 404
    get = requests.get(srv.url(sha), timeout=10)
    assert (get.status_code, error_code(get)) == (404, "not_found")
    assert error_code(patch(srv.url(sha), 0, b"%PDF-")) == "not_found"

    assert announce(srv.url(sha), 100).status_code == 201
    get = requests.get(srv.url(sha), timeout=10)
    assert (get.status_code, error_code(get)) == (409, "incomplete")


def test_patch_protocol_errors(srv) -> None:
    data = pdf_bytes(5 * MiB, seed=2)
    url = srv.url(hashlib.sha256(data).hexdigest())
    assert announce(url, len(data)).status_code == 201

    wrong_type = requests.patch(url, data=data[:10], timeout=10, headers={
        "Upload-Offset": "0", "Content-Type": "application/octet-stream"})
    assert (wrong_type.status_code, error_code(wrong_type)) == (415, "bad_content_type")
    no_offset = requests.patch(url, data=data[:10], headers=OCTETS, timeout=10)
    assert (no_offset.status_code, error_code(no_offset)) == (400, "bad_offset")
    for bad in ("-1", "1.5", "0x10", "\xb2", ""):
        answer = patch(url, 0, data[:10], **{"Upload-Offset": bad})
        assert (answer.status_code, error_code(answer)) == (400, "bad_offset"), bad
    too_big = patch(url, 0, data[:4 * MiB + 1])
    assert (too_big.status_code, error_code(too_big)) == (413, "too_large")

    assert patch(url, 0, data[:1000]).status_code == 204
    stale = patch(url, 0, data[:1000])
    assert (stale.status_code, error_code(stale)) == (409, "offset_mismatch")
    assert stale.json()["error"]["offset"] == 1000
    assert stale.headers["Upload-Offset"] == "1000"
    ahead = patch(url, 5000, data[5000:6000])
    assert (ahead.status_code, ahead.json()["error"]["offset"]) == (409, 1000)
    empty = patch(url, 1000, b"")
    assert (empty.status_code, empty.headers["Upload-Offset"]) == (204, "1000")

    other = pdf_bytes(100, seed=3)  # past the announced size
    other_url = srv.url(hashlib.sha256(other).hexdigest())
    assert announce(other_url, 100).status_code == 201
    past = patch(other_url, 0, other + b"x")
    assert (past.status_code, error_code(past)) == (413, "too_large")


def test_two_patches_at_once_never_interleave(srv) -> None:
    """Two PATCHes of different bytes at the same offset, released together: one is stored
    whole, the other gets 409 with the server's offset; repeated to give the race a chance."""
    for round_ in range(6):
        data = pdf_bytes(8 * MiB, seed=100 + round_)
        forged = data[:64] + bytes(4 * MiB - 64)  # same offset, different bytes
        url = srv.url(hashlib.sha256(data).hexdigest())
        assert announce(url, len(data)).status_code == 201
        barrier = threading.Barrier(2)
        answers: dict[str, requests.Response] = {}

        def send(name: str, body: bytes, url: str = url, barrier=barrier, answers=answers):
            barrier.wait()
            answers[name] = patch(url, 0, body)

        threads = [threading.Thread(target=send, args=("a", data[:4 * MiB])),
                   threading.Thread(target=send, args=("b", forged))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        statuses = sorted(a.status_code for a in answers.values())
        assert statuses == [204, 409], statuses
        loser = next(a for a in answers.values() if a.status_code == 409)
        assert loser.json()["error"] == {"code": "offset_mismatch", "offset": 4 * MiB,
                                         "message": loser.json()["error"]["message"]}
        winner = next(k for k, a in answers.items() if a.status_code == 204)
        partial = srv.store.root / "partial" / hashlib.sha256(data).hexdigest()
        assert partial.read_bytes() == (data[:4 * MiB] if winner == "a" else forged)


def test_two_threads_appending_directly_to_the_store(tmp_path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = pdf_bytes(2 * MiB, seed=7)
    sha = hashlib.sha256(data).hexdigest()
    store.announce(sha, len(data), "application/pdf", "x.pdf")
    results: list[str] = []
    barrier = threading.Barrier(8)

    def go() -> None:
        barrier.wait()
        try:
            store.append(sha, 0, data[:MiB])
            results.append("ok")
        except Exception as exc:  # noqa: BLE001 - recorded and checked below
            results.append(getattr(exc, "code", repr(exc)))

    threads = [threading.Thread(target=go) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["offset_mismatch"] * 7 + ["ok"]
    assert store.offset(sha) == MiB


def test_office_documents_complete_and_a_disguised_type_does_not(srv) -> None:
    docx = docx_bytes()
    url = srv.url(hashlib.sha256(docx).hexdigest())
    assert announce(url, len(docx), types.DOCX.media_type, "plan.docx").status_code == 201
    assert patch(url, 0, docx).status_code == 204
    assert requests.get(url, timeout=10).headers["Content-Type"] == types.DOCX.media_type

    pdf = pdf_bytes(3000, seed=4)  # a PDF announced as a Word document
    url = srv.url(hashlib.sha256(pdf).hexdigest())
    assert announce(url, len(pdf), types.DOCX.media_type, "plan.docx").status_code == 201
    answer = patch(url, 0, pdf)
    assert (answer.status_code, error_code(answer)) == (422, "type_not_allowed")
    assert requests.head(url, timeout=10).status_code == 404  # discarded


HOSTILE_NAMES = {
    "../../x.pdf": "path separator",
    "..\\..\\x.pdf": "path separator",
    "C:\\Windows\\x.pdf": "path separator",
    "/etc/passwd": "path separator",
    "CON.pdf": "reserved",
    "con": "reserved",
    "Com1.tar.gz": "reserved",
    "LPT9.pdf": "reserved",
    "NUL.docx": "reserved",
    "আ" * 300: "longer than 120",
    "a\x00b.pdf": "control",
    "invoice\u202efdp.exe": "control",  # RTL override: shows as "invoiceexe.pdf"
    "x\u2066y.pdf": "control",
    "line\nbreak.pdf": "control",
    "tab\t.pdf": "control",
    ".hidden.pdf": "dot",
    "..": "dot",
    "trailing.pdf.": "dot",
    " space.pdf": "dot or a space",
    unicodedata.normalize("NFD", "কোটা.pdf"): "NFC",
    "what?.pdf": "Windows does not allow",
    "": "empty",
    "   ": "empty",
}


def test_t20_hostile_attachments(srv, tmp_path) -> None:
    """T20: each hostile attachment gets its specific 4xx, nothing is written outside the blob
    root, and no file or folder name anywhere contains a display name."""
    root = srv.store.root
    before = set(files_under(tmp_path.parent))
    good = pdf_bytes(200_000, seed=5)
    good_sha = hashlib.sha256(good).hexdigest()

    # wrong hash: the bytes are fine but were announced under another hash
    wrong_url = srv.url(hashlib.sha256(b"something else").hexdigest())
    assert announce(wrong_url, len(good)).status_code == 201
    answer = patch(wrong_url, 0, good)
    assert (answer.status_code, error_code(answer)) == (422, "hash_mismatch")
    assert requests.head(wrong_url, timeout=10).status_code == 404  # the partial is discarded

    # cap + 1 bytes, and 0 bytes
    answer = announce(srv.url(good_sha), MAX_BLOB_BYTES + 1)
    assert (answer.status_code, error_code(answer)) == (413, "too_large")
    answer = announce(srv.url(hashlib.sha256(b"").hexdigest()), 0)
    assert (answer.status_code, error_code(answer)) == (422, "empty")

    # hostile names, each refused as bad_name with a reason
    for name, reason in HOSTILE_NAMES.items():
        answer = announce(srv.url(good_sha), len(good), display_name=name)
        assert (answer.status_code, error_code(answer)) == (422, "bad_name"), repr(name)
        assert reason.lower() in answer.json()["error"]["message"].lower(), (name, answer.text)

    # an EXE renamed .pdf: refused as soon as its first bytes arrive, and as a declared type
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(5 * MiB)
    exe_url = srv.url(hashlib.sha256(exe).hexdigest())
    assert announce(exe_url, len(exe), display_name="setup.pdf").status_code == 201
    answer = patch(exe_url, 0, exe[:4 * MiB])
    assert (answer.status_code, error_code(answer)) == (422, "type_not_allowed")
    assert "windows program" in answer.json()["error"]["message"].lower()
    assert requests.head(exe_url, timeout=10).status_code == 404
    answer = announce(exe_url, len(exe), media_type="application/x-msdownload")
    assert (answer.status_code, error_code(answer)) == (422, "type_not_allowed")

    # malformed addresses and bodies
    for bad in ("abc", "A" * 64, good_sha[:63], good_sha + "0", "g" * 64):
        answer = announce(srv.url(bad), len(good))
        assert (answer.status_code, error_code(answer)) == (422, "bad_hash"), bad
        assert requests.head(srv.url(bad), timeout=10).status_code == 422
    for path in ("..%2F..%2Fx.pdf", "..", "%2e%2e%2fx"):
        answer = requests.put(f"{srv.base_url}/v1/blobs/{path}", timeout=10,
                              json={"size": 10, "media_type": "application/pdf",
                                    "display_name": "x.pdf"})
        assert 400 <= answer.status_code < 500
    for body, code in ((b"[1]", "invalid_request"), (b'{"size": 1.5}', None),
                       (b'{"size": 10, "size": 11}', None), (b"not json", None)):
        answer = requests.put(srv.url(good_sha), data=body, timeout=10,
                              headers={"Content-Type": "application/json"})
        assert 400 <= answer.status_code < 500 and "error" in answer.json()
        if code:
            assert error_code(answer) == code

    # a good upload with a Bangla name still works
    ok = announce(srv.url(good_sha), len(good), display_name="বয়স্ক ভাতা প্রতিবেদন.pdf")
    assert ok.status_code == 201
    assert patch(srv.url(good_sha), 0, good).status_code == 204

    # nothing outside the blob root; only hash-named files inside; no display name anywhere
    new_paths = set(files_under(tmp_path.parent)) - before
    assert new_paths and all(root in p.parents for p in new_paths), new_paths
    assert [p for p in files_under(tmp_path) if p != root and root not in p.parents] == []
    assert not (root.parent.parent / "x.pdf").exists()
    allowed = re.compile(r"^([0-9a-f]{2}|partial|[0-9a-f]{64}(\.json)?)$")
    inside = files_under(root)
    assert inside and all(allowed.match(p.name) for p in inside), inside
    names = [*HOSTILE_NAMES, "setup.pdf", "circular.pdf", "বয়স্ক ভাতা প্রতিবেদন.pdf"]
    for p in inside:
        for name in names:
            stem = name.strip().split(".")[0]
            assert not stem or stem not in p.name, (p, name)
    assert sorted(p.name for p in inside if p.parent == root / good_sha[:2]) == [
        good_sha, f"{good_sha}.json"]


def test_display_names_that_are_accepted() -> None:
    for name in ("circular.pdf", "বয়স্ক ভাতা প্রতিবেদন.pdf", "ক্‌ষ.pdf", "_CON.pdf",
                 "report (2).pdf", "a" * 116 + ".pdf", "Budget 2024-25 v.3.xlsx"):
        assert display_name_problem(name) is None, name


@settings(max_examples=400, deadline=None)
@given(raw=st.text(max_size=400), media_type=st.sampled_from([t.media_type
                                                               for t in types.ALLOWED]))
def test_every_name_the_desktop_announces_is_accepted(raw: str, media_type: str) -> None:
    """A display name must never wedge sync: whatever a file was called on the desktop, the
    name the client announces passes the server's check."""
    local = _LocalBlob(db=None, sha256="0" * 64, size=1, media_type=media_type,  # type: ignore
                       name=raw, starts=[0])
    assert display_name_problem(local.announced_name()) is None
    assert display_name_problem(local.announced_name(fallback=True)) is None


def test_openapi_declares_the_blob_routes(srv) -> None:
    schema = requests.get(f"{srv.base_url}/openapi.json", timeout=10).json()
    ops = schema["paths"]["/v1/blobs/{sha256}"]
    assert set(ops) == {"put", "head", "patch", "get"}
    assert {"201", "200", "413", "422"} <= set(ops["put"]["responses"])
    assert {"204", "404", "409", "413", "415", "422"} <= set(ops["patch"]["responses"])
    assert "Upload-Offset" in ops["head"]["responses"]["200"]["headers"]
    param = next(p for p in ops["patch"]["parameters"] if p["name"] == "sha256")
    assert param["schema"]["pattern"] == "^[0-9a-f]{64}$"
    assert any(p["name"] == "Upload-Offset" for p in ops["patch"]["parameters"])
    assert "application/offset+octet-stream" in ops["patch"]["requestBody"]["content"]


def test_purge_of_abandoned_partials(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = pdf_bytes(1000, seed=9)
    sha = hashlib.sha256(data).hexdigest()
    store.announce(sha, len(data), "application/pdf", "x.pdf")
    store.append(sha, 0, data[:100])
    assert store.purge_partials(older_than_s=3600) == 0
    assert store.purge_partials(older_than_s=-1) == 1
    assert not any((tmp_path / "blobs" / "partial").iterdir())
