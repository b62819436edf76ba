"""End to end against the real GED server (uvicorn subprocess, SQLite and PostgreSQL): GED
publishes its baseline, a ministry installation enrols, receives it, edits, pushes, gets a
signed receipt, and a second installation pulls the edit."""

from __future__ import annotations

import pytest

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import enrol, run, status
from nsss_desktop.sync_client.conflicts import list_conflicts, resolve
from nsss_desktop.sync_client.errors import SyncRefused
from nsss_desktop.sync_client.seal import seal_existing
from nsss_desktop.wire import signing
from tests.sync.conftest import pg_cluster, server, sqlite_server  # noqa: F401
from tests.sync_client.conftest import figure_led_by, outbox_rows, scalar

PASSPHRASE = "test passphrase for nsss"


def _enrol(db, srv, ministry: str):
    return enrol.enrol(db, server_url=srv.base_url, code=srv.enrol_code(ministry),
                       root_key=srv.root_public_key, environment=srv.environment,
                       device_name=f"{ministry} test PC")


@pytest.fixture
def empty_install(tmp_path):
    made = []

    def make(name: str) -> Database:
        db, _ = Database.create(tmp_path / f"{name}.nsssdb", PASSPHRASE, use_keyring=False)
        made.append(db)
        return db

    yield make
    for db in made:
        db.close()


def _publish_baseline(ged, srv):
    _enrol(ged, srv, "GED")
    sealed = seal_existing(ged)
    result = run.sync_now(ged)
    assert result.refusal is None, result.refusal
    assert result.pushed.acked == len(sealed)
    assert status.status(ged).state == "synced"


def test_baseline_edit_push_receipt_and_pull_on_another_installation(
        demo_copy, empty_install, server):  # noqa: F811
    ged = demo_copy
    _publish_baseline(ged, server)

    ministry = empty_install("mosw")
    ident = _enrol(ministry, server, "MoSW")
    first = run.sync_now(ministry)
    assert first.pulled.applied > 300 and first.refusal is None
    fig = figure_led_by(ministry, "MoSW")
    assert fig == figure_led_by(ged, "MoSW")  # the same rows, by id

    with ministry.unit_of_work(description="report expenditure") as uow:
        f = uow.session.get(Figure, fig)
        f.expenditure_poisha = 1_974_34
        f.note = "Q4 figures"
    result = run.sync_now(ministry)
    assert result.refusal is None and result.pushed.acked == 1
    (row,) = outbox_rows(ministry)
    assert row["state"] == "acked" and row["server_seq"] is not None and row["received_at"]
    receipt = status.status(ministry).receipts[0]
    assert receipt.server_seq == row["server_seq"] and receipt.changeset_id == row["changeset_id"]
    signer = ident.server_key(receipt.server_key_id)
    import json

    assert signing.verify(signer, signing.ACK, json.loads(bytes(row["ack"])),
                          row["ack_signature"])
    assert status.status(ministry).state == "synced"

    again = run.sync_now(ged)
    assert again.refusal is None
    assert scalar(ged, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 1_974_34
    assert scalar(ged, "SELECT note FROM figure WHERE id = ?", fig) == "Q4 figures"
    assert scalar(ged, "SELECT rev FROM sync_row WHERE row_id = ?", fig) == row["server_seq"]

    other = empty_install("second")
    _enrol(other, server, "MoWCA")
    run.sync_now(other)
    assert scalar(other, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 1_974_34


def test_a_ministry_edit_of_another_ministrys_row_never_leaves_the_pc(
        demo_copy, empty_install, sqlite_server):  # noqa: F811
    from nsss_desktop.sync_client.errors import SyncForbidden

    _publish_baseline(demo_copy, sqlite_server)
    ministry = empty_install("mosw")
    _enrol(ministry, sqlite_server, "MoSW")
    run.sync_now(ministry)
    foreign = figure_led_by(ministry, "MoWCA")
    with pytest.raises(SyncForbidden), ministry.unit_of_work() as uow:
        uow.session.get(Figure, foreign).expenditure_poisha = 1
    assert outbox_rows(ministry) == []


def test_concurrent_edits_make_a_conflict_that_is_resolved(
        demo_copy, empty_install, sqlite_server):  # noqa: F811
    ged = demo_copy
    _publish_baseline(ged, sqlite_server)
    ministry = empty_install("mosw")
    _enrol(ministry, sqlite_server, "MoSW")
    run.sync_now(ministry)
    fig = figure_led_by(ministry, "MoSW")
    with ged.unit_of_work() as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 800
    with ministry.unit_of_work() as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 500
    run.sync_now(ged)
    result = run.sync_now(ministry)
    assert result.pushed.conflicts == 1
    (c,) = list_conflicts(ministry)
    assert c.server_values == {"expenditure_taka": "8.00"}
    assert c.your_values == {"expenditure_taka": "5.00"}
    assert status.status(ministry).state == "conflicts"
    resolve(ministry, c.id, "mine")
    result = run.sync_now(ministry)
    assert result.refusal is None and result.pushed.conflicts == 0
    run.sync_now(ged)
    assert scalar(ged, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 500


def test_a_wrong_code_is_refused_clearly(demo_copy, sqlite_server):  # noqa: F811
    with pytest.raises(SyncRefused) as refused:
        enrol.enrol(demo_copy, server_url=sqlite_server.base_url, code="AAAA-BBBB-CCCC-DDDD",
                    root_key=sqlite_server.root_public_key)
    assert refused.value.error_code == "bad_code"
    assert enrol.load(demo_copy) is None


def test_two_edits_of_one_row_before_a_sync_do_not_conflict_with_each_other(
        demo_copy, empty_install, sqlite_server):  # noqa: F811
    _publish_baseline(demo_copy, sqlite_server)
    ministry = empty_install("mosw")
    _enrol(ministry, sqlite_server, "MoSW")
    run.sync_now(ministry)
    fig = figure_led_by(ministry, "MoSW")
    for poisha in (100, 200):  # both sealed on the same base_rev
        with ministry.unit_of_work() as uow:
            uow.session.get(Figure, fig).expenditure_poisha = poisha
    result = run.sync_now(ministry)
    assert result.pushed.acked == 2 and result.pushed.conflicts == 0
    run.sync_now(demo_copy)
    assert scalar(demo_copy, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 200
