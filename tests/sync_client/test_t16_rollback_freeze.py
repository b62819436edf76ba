"""T16 against the real server (SQLite and PostgreSQL). Freeze: a checkpoint that has expired
by the desktop's clock leaves the data "stale", never "synced". Rollback: the server database
is restored from an earlier copy, so its log is shorter than what the desktop saw; then the
restored server takes new sets (same server_seq, another head; then a chain that does not
continue the desktop's). Each time the pull is refused with a clear error and nothing local
changes. (The unit tests of the same checks with crafted pages are in test_pull.py.)"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import enrol, pull, run, status
from nsss_desktop.sync_client.errors import SyncTampered
from nsss_desktop.sync_client.http import ServerClient
from nsss_desktop.wire import tables
from tests.sync.conftest import pg_cluster, server  # noqa: F401
from tests.sync_client.live import (
    ServerSnapshot,
    empty_install,  # noqa: F401
    expenditure,
    figures_led_by,
    ministry_install,
    publish_baseline,
    set_expenditure,
)


def local_fingerprint(db: Database) -> str:
    """Every synced row, the sync bookkeeping (cursor, checkpoint, revs, outbox) — all but the
    last error message, which a refused sync records."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        for table in (*tables.SYNC_TABLES, "sync_row", "outbox"):
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
                digest.update(repr(tuple(row)).encode())
        state = conn.exec_driver_sql(
            "SELECT cursor, log_head_hash, checkpoint, checkpoint_seq, checkpoint_head_hash, "
            "checkpoint_expires_at, last_pull_at, last_sync_at FROM sync_state").one()
        digest.update(repr(tuple(state)).encode())
    return digest.hexdigest()


def test_t16_rollback_freeze(demo_copy, empty_install, server, request):  # noqa: F811
    ged = demo_copy
    publish_baseline(ged, server)
    mosw = ministry_install(empty_install, server, "MoSW")
    fig, other = figures_led_by(mosw, "MoSW", 2)

    # --- freeze: the newest checkpoint expired (by the desktop's clock) → stale ---------------
    later = datetime.now(UTC) + timedelta(hours=25)
    with ServerClient(server.base_url, enrol.load(mosw), db=mosw, allow_http=True) as client:
        frozen = pull.pull(mosw, client, now=later)
    assert frozen.stale
    assert status.status(mosw, now=later).state == "stale"
    assert status.status(mosw).state == "synced"  # by today's clock it is fresh
    with mosw.engine.begin() as conn:  # a PC left offline: its stored checkpoint expires
        conn.exec_driver_sql("UPDATE sync_state SET checkpoint_expires_at = "
                             "'2020-01-01T00:00:00.000Z'")
    st = status.status(mosw)
    assert st.state == "stale" and st.stale and "Sync: stale" in st.lines()
    fresh = run.sync_now(mosw)  # a new checkpoint from the live server
    assert fresh.ok and status.status(mosw).state == "synced"

    # --- rollback: the server database goes back to an earlier copy --------------------------
    snapshot = ServerSnapshot(server, request)
    set_expenditure(mosw, fig, 4242)
    pushed = run.sync_now(mosw)
    assert pushed.refusal is None and pushed.pushed.acked == 1
    seen = status.status(mosw).checkpoint_seq
    before = local_fingerprint(mosw)
    snapshot.restore()

    with pytest.raises(SyncTampered, match="went backwards") as refused:
        run.sync_now(mosw)
    assert f"already seen it at {seen}" in refused.value.message
    assert "GED IT" in (refused.value.hint or "")
    assert local_fingerprint(mosw) == before
    assert expenditure(mosw, fig) == 4242
    after = status.status(mosw)
    assert "went backwards" in after.last_error
    assert after.state == "problem"  # a refused rollback is never shown as "synced"

    # The restored server takes GED's new set: the same server_seq, another history.
    set_expenditure(ged, other, 1)
    assert run.sync_now(ged).refusal is None
    assert status.status(ged).checkpoint_seq == seen
    with pytest.raises(SyncTampered, match="history was rewritten"):
        run.sync_now(mosw)
    assert local_fingerprint(mosw) == before

    # And one more: a log that does not continue from the head the desktop saw.
    set_expenditure(ged, other, 2)
    assert run.sync_now(ged).refusal is None
    with pytest.raises(SyncTampered, match="does not continue"):
        run.sync_now(mosw)
    assert local_fingerprint(mosw) == before
    assert expenditure(mosw, other) != 2
