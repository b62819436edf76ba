"""Sync by file (docs/sync.md §6): the export's format, and a round trip through the real
server's `admin import-file`."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from nsss_desktop.errors import UsageError
from nsss_desktop.services import evidence
from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import enrol, files, run, status
from nsss_desktop.sync_client.errors import NotEnrolled, SyncError, SyncTampered
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical, strict_loads
from nsss_desktop.wire.envelope import validate_envelope
from tests.sync.conftest import pg_cluster, sqlite_server  # noqa: F401
from tests.sync_client.conftest import activity_of, enrol_offline, figure_led_by, outbox_rows
from tests.sync_client.test_end_to_end_sync import (  # noqa: F401
    _enrol,
    _publish_baseline,
    empty_install,
)
from tests.sync_client.test_seal import PDF


def test_the_export_holds_the_signed_manifest_the_sets_and_the_blobs(demo_copy, server_keys,
                                                                    tmp_path):
    db = demo_copy
    ident = enrol_offline(db, server_keys, "MoWCA")
    with db.unit_of_work() as uow:
        uow.session.get(Figure, figure_led_by(db, "MoWCA")).expenditure_poisha = 12345
    evidence.attach(db, activity_of(db, "MoWCA"), io.BytesIO(PDF), title="Circular",
                    kind="circular", original_name="circular.pdf")
    out = tmp_path / "mowca.nsss-sync"
    summary = files.export_file(db, out)
    assert (summary.changesets, summary.blobs) == (2, 1)
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == sorted(["manifest.json", "changesets.jsonl",
                                                f"blobs/{hashlib.sha256(PDF).hexdigest()}"])
        lines_raw = zf.read("changesets.jsonl")
    manifest, signature, lines, blobs = files.read_request(out)
    assert set(manifest) == {"format", "file_id", "device_id", "key_id", "ministry_code",
                             "environment", "cursor", "created_at", "changesets",
                             "changesets_sha256", "blobs"}  # what sync/syncfile.py accepts
    assert manifest["format"] == "nsss-sync-file/1" and manifest["changesets"] == 2
    assert manifest["device_id"] == ident.device_id and manifest["ministry_code"] == "MoWCA"
    assert manifest["changesets_sha256"] == hashlib.sha256(lines_raw).hexdigest()
    assert signing.verify(signing.public_bytes(ident.private_key), signing.SYNC_FILE, manifest,
                          signature)
    stored = outbox_rows(db)
    for line, row in zip(lines, stored, strict=True):
        item = strict_loads(line)
        env = validate_envelope(item["changeset"])
        assert canonical(env) == bytes(row["payload"])  # the signed bytes, unchanged
        assert item["signature"] == row["signature"]
    assert blobs == {hashlib.sha256(PDF).hexdigest(): PDF}
    assert manifest["blobs"][0]["display_name"] == "circular.pdf"
    with pytest.raises(UsageError, match="exists"):
        files.export_file(db, out)
    assert [r["state"] for r in outbox_rows(db)] == ["pending", "pending"]


def test_export_needs_an_enrolled_installation(demo_copy, tmp_path):
    with pytest.raises(NotEnrolled):
        files.export_file(demo_copy, tmp_path / "x.nsss-sync")


def test_sync_by_file_round_trip_through_the_server(demo_copy, empty_install, sqlite_server,  # noqa: F811
                                                    tmp_path):
    srv = sqlite_server
    ged = demo_copy
    _publish_baseline(ged, srv)
    ministry = empty_install("offline")
    ident = _enrol(ministry, srv, "MoSW")  # enrolment itself needs the network once
    fig = figure_led_by(ged, "MoSW")
    with ged.unit_of_work() as uow:  # something for the reply's pull pages
        uow.session.get(Figure, fig).note = "GED note"
    run.sync_now(ged)

    # The offline PC has nothing yet: its first file asks for everything from cursor 0.
    out = tmp_path / "first.nsss-sync"
    files.export_file(ministry, out)
    reply = tmp_path / "first.nsss-reply"
    srv.admin("import-file", str(out), "--reply", str(reply))
    first = files.import_file(ministry, reply)
    assert first.applied_rows > 300 and not first.already
    assert status.status(ministry).state == "synced"

    with ministry.unit_of_work() as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 4242
    out2 = tmp_path / "second.nsss-sync"
    assert files.export_file(ministry, out2).changesets == 1
    reply2 = tmp_path / "second.nsss-reply"
    srv.admin("import-file", str(out2), "--reply", str(reply2))
    summary = files.import_file(ministry, reply2)
    assert summary.acked == 1
    (row,) = outbox_rows(ministry)
    assert row["state"] == "acked" and row["ack"] is not None
    again = files.import_file(ministry, reply2)
    assert again.already and "nothing changed" in again.lines()[0]
    assert len(outbox_rows(ministry)) == 1

    run.sync_now(ged)
    from tests.sync_client.conftest import scalar

    assert scalar(ged, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 4242

    # A reply for another device is refused, saying whose it is.
    other = empty_install("other")
    _enrol(other, srv, "MoWCA")
    with pytest.raises(SyncError, match=f"for device {ident.device_id}"):
        files.import_file(other, reply2)

    # A reply changed after it was signed is refused.
    tampered = tmp_path / "tampered.nsss-reply"
    with zipfile.ZipFile(reply2) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "results.jsonl":
                data = data.replace(b"applied", b"rejectd")
            dst.writestr(name, data)
    with pytest.raises(SyncTampered, match="changed after it was signed"):
        files.import_file(ministry, tampered)
    assert enrol.load(ministry).device_id == ident.device_id
    assert json.loads(bytes(row["ack"]))["status"] == "applied"
