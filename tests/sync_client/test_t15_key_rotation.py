"""T15, desktop side (R21): `rotate.rotate_key` with a non-empty outbox, against the real server
on SQLite and PostgreSQL; the lost-ack case; the CLI `sync rotate-key`."""

from __future__ import annotations

import pytest

from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import enrol, rotate, run, status
from nsss_desktop.sync_client.errors import NotEnrolled, SyncError, SyncUnavailable
from nsss_desktop.sync_client.http import ServerClient
from nsss_desktop.wire import signing
from tests.conftest import copy_database, run_cli
from tests.sync.conftest import pg_cluster, server, sqlite_server  # noqa: F401
from tests.sync.proxy import FaultProxy
from tests.sync_client.conftest import enrol_offline, envelopes, outbox_rows
from tests.sync_client.live import (
    PASSPHRASE,
    empty_install,  # noqa: F401
    expenditure,
    figures_led_by,
    ministry_install,
    publish_baseline,
    server_row,
    set_expenditure,
)


def _keys_of(srv, device_id: str) -> dict[str, dict]:
    [info] = [d for d in srv.admin_json("devices") if d["device_id"] == device_id]
    return {k["key_id"]: k for k in info["keys"]}


def test_t15_rotation_with_three_pending_sets_then_two_more(
        demo_copy, empty_install, server):  # noqa: F811
    publish_baseline(demo_copy, server)
    mosw = ministry_install(empty_install, server, "MoSW")
    fig, other = figures_led_by(mosw, "MoSW", 2)
    for poisha in (101, 102, 103):  # three pending sets
        set_expenditure(mosw, fig, poisha)
    old = enrol.load(mosw)

    done = rotate.rotate_key(mosw)
    assert (done.device_seq, done.pending_before, done.old_key_id) == (4, 3, old.key_id)
    mid = enrol.load(mosw)
    assert mid.key_id == old.key_id and mid.next_key_id == done.new_key_id  # sign-in: old key
    assert mid.sealing_key_id == done.new_key_id
    with pytest.raises(SyncError, match="already waiting"):
        rotate.rotate_key(mosw)
    set_expenditure(mosw, fig, 104)
    set_expenditure(mosw, other, 205)

    envs = envelopes(mosw)
    rows = outbox_rows(mosw)
    assert [e["device_seq"] for e in envs] == [1, 2, 3, 4, 5, 6]
    assert [e["kind"] for e in envs] == ["data"] * 3 + ["key_rotate"] + ["data"] * 2
    assert [e["key_id"] for e in envs] == [old.key_id] * 4 + [done.new_key_id] * 2
    assert all(r["prev_hash"] == p["payload_sha256"] for p, r in zip(rows, rows[1:], strict=False))
    rot = rows[3]
    assert envs[3]["new_key"] == {"public_key": mid.next_public_key, "key_id": done.new_key_id}
    assert rot["kind"] == "key_rotate" and rot["op_count"] == 0
    old_pub = signing.b64d(old.public_key)
    new_pub = signing.b64d(mid.next_public_key)
    assert signing.verify_bytes(old_pub, signing.CHANGESET, bytes(rot["payload"]),
                                rot["signature"])
    assert signing.verify_bytes(new_pub, signing.CHANGESET, bytes(rot["payload"]),
                                rot["cosignature"])
    assert all(signing.verify_bytes(new_pub, signing.CHANGESET, bytes(r["payload"]),
                                    r["signature"]) for r in rows[4:])
    assert all(r["cosignature"] is None for r in rows if r["kind"] == "data")

    result = run.sync_now(mosw)
    assert result.refusal is None, result.refusal
    assert result.pushed.acked == 6 and result.pushed.rotated
    assert {r["state"] for r in outbox_rows(mosw)} == {"acked"}
    after = enrol.load(mosw)
    assert (after.key_id, after.next_key_id, after.public_key) == (
        done.new_key_id, None, mid.next_public_key)
    keys = _keys_of(server, old.device_id)
    assert (keys[old.key_id]["status"], keys[old.key_id]["first_seq"],
            keys[old.key_id]["last_seq"]) == ("rotated", 1, 4)
    assert (keys[done.new_key_id]["status"], keys[done.new_key_id]["first_seq"]) == ("active", 5)

    # A later sync signs in with the new key (the old one is refused by the server now).
    set_expenditure(mosw, other, 206)
    later = run.sync_now(mosw)
    assert later.refusal is None and later.pushed.acked == 1
    assert envelopes(mosw)[-1]["key_id"] == done.new_key_id
    assert status.status(mosw).state == "synced"
    assert server_row(server, "figure", fig)["data"]["expenditure_taka"] == "1.04"
    assert server_row(server, "figure", other)["data"]["expenditure_taka"] == "2.06"
    run.sync_now(demo_copy)
    assert (expenditure(demo_copy, fig), expenditure(demo_copy, other)) == (104, 206)


def test_t15_rotation_whose_ack_was_lost(demo_copy, empty_install, sqlite_server):  # noqa: F811
    srv = sqlite_server
    publish_baseline(demo_copy, srv)
    mosw = ministry_install(empty_install, srv, "MoSW")
    (fig,) = figures_led_by(mosw, "MoSW", 1)
    done = rotate.rotate_key(mosw)
    set_expenditure(mosw, fig, 777)

    proxy = FaultProxy(upstream_port=srv.port)
    client = ServerClient(proxy.url, enrol.load(mosw), db=mosw, sleep=lambda _s: None,
                          max_attempts=1, allow_http=True)
    try:
        client.sign_in()
        proxy.cut_responses(1)
        with pytest.raises(SyncUnavailable):
            run.sync_now(mosw, client=client)
    finally:
        client.close()
        proxy.close()
    # The server applied the rotation and the edit; the desktop never heard.
    assert _keys_of(srv, enrol.load(mosw).device_id)[done.old_key_id]["status"] == "rotated"
    assert enrol.load(mosw).next_key_id == done.new_key_id

    # Sign-in with the old key is refused (key_rotated): the new key is adopted and the
    # resent sets get their stored acks.
    result = run.sync_now(mosw)
    assert result.refusal is None
    assert (result.pushed.acked, result.pushed.duplicates) == (2, 2)
    ident = enrol.load(mosw)
    assert (ident.key_id, ident.next_key_id) == (done.new_key_id, None)
    assert status.status(mosw).state == "synced"


def test_rotate_key_cli_and_refusals(demo_template, tmp_path, server_keys):
    path = copy_database(demo_template, tmp_path / "mosw.nsssdb")
    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    try:
        with pytest.raises(NotEnrolled):
            rotate.rotate_key(db)
        ident = enrol_offline(db, server_keys, "MoSW")
    finally:
        db.close()
    out = run_cli("--db", str(path), "sync", "rotate-key", env={"NSSS_PASSPHRASE": PASSPHRASE})
    assert out.returncode == 0, out.stderr
    assert "Sealed key rotation 1" in out.stdout and ident.key_id in out.stdout
    again = run_cli("--db", str(path), "sync", "rotate-key",
                    env={"NSSS_PASSPHRASE": PASSPHRASE})
    assert again.returncode != 0 and "already waiting" in again.stderr
    assert "Traceback" not in again.stderr
    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    try:
        (env,) = envelopes(db)
        assert env["kind"] == "key_rotate" and env["key_id"] == ident.key_id
        assert enrol.load(db).next_key_id == env["new_key"]["key_id"]
    finally:
        db.close()
