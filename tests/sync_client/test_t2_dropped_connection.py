"""T2 against the real server (SQLite and PostgreSQL): the server commits a change set, the
connection drops before the desktop reads the answer; the desktop's retry gets the stored ack
as a `duplicate` with the same `server_seq`, and nothing is applied twice."""

from __future__ import annotations

from nsss_desktop.sync_client import enrol, run, status
from nsss_desktop.sync_client.http import ServerClient
from tests.sync.conftest import pg_cluster, server  # noqa: F401
from tests.sync.proxy import FaultProxy
from tests.sync_client.conftest import figure_led_by, outbox_rows
from tests.sync_client.live import (
    empty_install,  # noqa: F401
    ministry_install,
    publish_baseline,
    server_row,
    server_sql,
    set_expenditure,
)


def test_t2_dropped_connection_after_commit(demo_copy, empty_install, server):  # noqa: F811
    publish_baseline(demo_copy, server)
    mosw = ministry_install(empty_install, server, "MoSW")
    fig = figure_led_by(mosw, "MoSW")
    set_expenditure(mosw, fig, 1_974_34)
    (sealed,) = [r for r in outbox_rows(mosw) if r["state"] == "pending"]
    log_before = server_sql(server, "SELECT count(*) FROM server_log")[0][0]

    proxy = FaultProxy(upstream_port=server.port)
    client = ServerClient(proxy.url, enrol.load(mosw), db=mosw, sleep=lambda _s: None,
                          allow_http=True)
    try:
        client.sign_in()  # so that the one fault hits the upload, not the sign-in
        proxy.cut_responses(1)
        result = run.sync_now(mosw, client=client)
    finally:
        client.close()
        proxy.close()

    # The first POST reached the server and was committed; its answer was cut. The retry
    # (one backoff) got the stored ack, marked duplicate.
    assert proxy.cut_count == 1 and len(client.slept) == 1
    assert result.refusal is None
    assert (result.pushed.acked, result.pushed.duplicates) == (1, 1)
    row = next(r for r in outbox_rows(mosw) if r["changeset_id"] == sealed["changeset_id"])
    assert row["state"] == "acked" and row["attempts"] == 1

    # Same server_seq, the same signed ack byte for byte, applied once.
    (stored,) = server_sql(server, "SELECT server_seq, ack, status FROM changeset "
                                   "WHERE changeset_id = :c", c=sealed["changeset_id"])
    assert stored[2] == "applied" and row["server_seq"] == stored[0]
    assert bytes(row["ack"]) == bytes(stored[1])
    assert server_sql(server, "SELECT count(*) FROM server_log")[0][0] == log_before + 1
    assert server_sql(server, "SELECT count(*) FROM server_log WHERE changeset_id = :c",
                      c=sealed["changeset_id"])[0][0] == 1
    assert server_sql(server, "SELECT count(*) FROM row_version WHERE pk = :pk",
                      pk=fig)[0][0] == 2  # the baseline and this edit
    srow = server_row(server, "figure", fig)
    assert srow["data"]["expenditure_taka"] == "1974.34" and srow["rev"] == row["server_seq"]
    assert status.status(mosw).state == "synced"
