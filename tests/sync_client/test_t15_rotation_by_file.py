"""T15 by file (docs/sync.md §6): a key rotation travels in an export with its cosignature; the
reply's ack makes the new key the current one (real server, SQLite)."""

from __future__ import annotations

from nsss_desktop.sync_client import enrol, files, rotate, run, status
from nsss_desktop.wire.canonical import strict_loads
from tests.sync.conftest import pg_cluster, sqlite_server  # noqa: F401
from tests.sync_client.conftest import outbox_rows
from tests.sync_client.live import (
    empty_install,  # noqa: F401
    figures_led_by,
    ministry_install,
    publish_baseline,
    server_row,
    set_expenditure,
)


def test_t15_rotation_by_file(demo_copy, empty_install, sqlite_server, tmp_path):  # noqa: F811
    srv = sqlite_server
    publish_baseline(demo_copy, srv)
    mosw = ministry_install(empty_install, srv, "MoSW")
    (fig,) = figures_led_by(mosw, "MoSW", 1)
    set_expenditure(mosw, fig, 1)
    done = rotate.rotate_key(mosw)
    set_expenditure(mosw, fig, 2)

    out = tmp_path / "rotation.nsss-sync"
    assert files.export_file(mosw, out).changesets == 3
    manifest, _sig, lines, _blobs = files.read_request(out)
    items = [strict_loads(line) for line in lines]
    assert manifest["key_id"] == done.old_key_id  # the key the server knows until the rotation
    assert [("cosignature" in i, i["changeset"]["kind"]) for i in items] == [
        (False, "data"), (True, "key_rotate"), (False, "data")]

    reply = tmp_path / "rotation.nsss-reply"
    srv.admin("import-file", str(out), "--reply", str(reply))
    summary = files.import_file(mosw, reply)
    assert summary.acked == 3
    assert {r["state"] for r in outbox_rows(mosw)} == {"acked"}
    ident = enrol.load(mosw)
    assert (ident.key_id, ident.next_key_id) == (done.new_key_id, None)
    assert server_row(srv, "figure", fig)["data"]["expenditure_taka"] == "0.02"

    set_expenditure(mosw, fig, 3)  # and online, with the new key
    assert run.sync_now(mosw).pushed.acked == 1
    assert status.status(mosw).state == "synced"
