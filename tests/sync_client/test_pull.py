"""Applying pulled pages: one transaction per page, pending local edits protected (T18, local
part), the signed checkpoint and the log chain checked, rollback and freeze refused (T16)."""

from __future__ import annotations

import json

import pytest

from nsss_desktop.domain.ids import new_id
from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import pull, push, status
from nsss_desktop.sync_client.errors import SyncError, SyncTampered
from nsss_desktop.wire import signing, tables
from tests.sync_client.conftest import (
    FakeLog,
    FakeServerKeys,
    enrol_offline,
    figure_led_by,
    outbox_rows,
    programme_led_by,
    scalar,
)


def wire_row(db, table: str, pk: str, **changes) -> dict:
    with db.engine.connect() as conn:
        row = dict(conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE id = ?', (pk,))
                   .mappings().one())
    data = tables.encode_row(table, row)
    data.update(changes)
    return data


class Server:
    """Just enough of a server to build pull pages."""

    def __init__(self, keys: FakeServerKeys) -> None:
        self.keys = keys
        self.log = FakeLog()

    def page(self, *sets: list[tuple], since: int | None = None, more: bool = False,
             checkpoint: dict | None = None) -> dict:
        rows, entries = [], []
        for ops in sets:
            e = self.log.append()
            entries.append(e)
            for i, (table, pk, data) in enumerate(ops):
                rows.append({"server_seq": e["server_seq"], "op_index": i, "table": table,
                             "pk": pk, "deleted": data is None, "data": data or {}})
        seq = self.log.entries[-1]["server_seq"] if self.log.entries else 0
        return {"rows": rows, "log": entries,
                "next_since": seq if entries else (since or 0), "more": more,
                "checkpoint": checkpoint or self.keys.checkpoint(seq, self.log.head)}


@pytest.fixture
def mosw(demo_copy, server_keys):
    ident = enrol_offline(demo_copy, server_keys, "MoSW")
    return demo_copy, ident, Server(server_keys)


def _state(db):
    with db.engine.connect() as conn:
        return dict(conn.exec_driver_sql("SELECT * FROM sync_state").mappings().one())


def _rev(db, table, pk):
    return scalar(db, "SELECT rev FROM sync_row WHERE table_name = ? AND row_id = ?", table, pk)


def test_a_page_is_applied_with_its_revs_and_cursor_and_is_not_sealed(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    new_fig = new_id()
    new_data = {**wire_row(db, "figure", fig), "fiscal_year": 2040, "stage": "actual",
                "expenditure_taka": "1974.34", "note": "from the server"}
    page = server.page([("figure", fig, wire_row(db, "figure", fig, budget_revised_taka="10.00"))],
                       [("figure", new_fig, new_data)])
    result = pull.process_page(db, ident, page)
    assert (result.applied, result.unchanged, result.skipped) == (2, 0, [])
    assert scalar(db, "SELECT budget_revised_poisha FROM figure WHERE id = ?", fig) == 1000
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", new_fig) == 197434
    assert _rev(db, "figure", fig) == 1 and _rev(db, "figure", new_fig) == 2
    st = _state(db)
    assert st["cursor"] == 2 and st["log_head_hash"] == server.log.head
    assert st["checkpoint_seq"] == 2 and st["checkpoint_head_hash"] == server.log.head
    assert outbox_rows(db) == []  # applied with origin "sync": never sent back
    assert scalar(db, "SELECT count(*) FROM journal_txn WHERE description LIKE 'Sync: pull%'") == 1
    again = pull.process_page(db, ident, server.page(
        [("figure", fig, wire_row(db, "figure", fig))]))
    assert (again.applied, again.unchanged) == (0, 1)


def test_deletes_and_append_only_rows(mosw):
    db, ident, server = mosw
    programme = programme_led_by(db, "MoSW")
    with db.unit_of_work(description="local", origin="sync") as uow:
        f = Figure(programme_id=programme, fiscal_year=2041)
        uow.session.add(f)
    pull.process_page(db, ident, server.page([("figure", f.id, None)]))
    assert scalar(db, "SELECT count(*) FROM figure WHERE id = ?", f.id) == 0
    activity = scalar(db, "SELECT id FROM activity LIMIT 1")
    event = new_id()
    data = {"activity_id": activity, "event_date": "2025-02-01", "reporting_period": "",
            "status": "completed", "note": "", "reporter_id": new_id(),
            "approval_state": "submitted"}
    pull.process_page(db, ident, server.page([("status_event", event, data)]))
    # The reporter is a user of another installation (app_user does not sync): dropped.
    assert scalar(db, "SELECT reporter_id FROM status_event WHERE id = ?", event) is None
    assert scalar(db, "SELECT status FROM status_event WHERE id = ?", event) == "completed"
    pull.process_page(db, ident, server.page([("status_event", event, dict(data, note="x"))]))
    assert scalar(db, "SELECT note FROM status_event WHERE id = ?", event) == ""  # never rewritten


def test_a_row_with_a_pending_local_op_is_never_overwritten(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    other = scalar(db, "SELECT id FROM figure WHERE id != ? ORDER BY id LIMIT 1", fig)
    with db.unit_of_work(description="local edit") as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 111
    server_version = wire_row(db, "figure", fig, expenditure_taka="9.99", note="server")
    page = server.page([("figure", fig, server_version),
                        ("figure", other, wire_row(db, "figure", other, note="also"))])
    result = pull.process_page(db, ident, page)
    assert result.skipped == [("figure", fig)] and result.applied == 1
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 111
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", other) == "also"
    assert _rev(db, "figure", fig) == 0  # the local op's base stays what it was
    assert _state(db)["cursor"] == 1
    assert status.status(db).waiting_rows == 1
    # The server refuses the local op: its version, kept aside, is applied then.
    (item,) = push.open_sets(db, ident)
    ack = server.keys.ack(item.envelope(), item.payload, status="rejected", server_seq=None)
    outcome = push.classify(ident, item, {"changeset_id": item.changeset_id, "status_code": 422,
                                          "ack": ack, "error": {"code": "bad_amount",
                                                                "message": "no"}})
    push.record_outcomes(db, [outcome])
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 999
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == "server"
    assert _rev(db, "figure", fig) == 1
    assert status.status(db).waiting_rows == 0
    assert outbox_rows(db)[0]["state"] == "rejected"


def test_an_applied_local_op_settles_the_row_at_its_server_seq(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    with db.unit_of_work(description="local edit") as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 111
    pull.process_page(db, ident, server.page(
        [("figure", fig, wire_row(db, "figure", fig, note="server"))]))
    (item,) = push.open_sets(db, ident)
    ack = server.keys.ack(item.envelope(), item.payload, server_seq=2)
    push.record_outcomes(db, [push.classify(ident, item, {
        "changeset_id": item.changeset_id, "status_code": 200, "ack": ack})])
    assert _rev(db, "figure", fig) == 2
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 111
    assert status.status(db).waiting_rows == 0


def test_a_page_that_does_not_fit_changes_nothing(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    page = server.page([("figure", fig, wire_row(db, "figure", fig, note="x")),
                        ("figure", new_id(), {"no_such_column": 1})])
    with pytest.raises(SyncError, match="newer version"):
        pull.process_page(db, ident, page)
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == ""
    assert _state(db)["cursor"] == 0


def test_a_lower_checkpoint_is_a_rollback_and_is_refused(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    pull.process_page(db, ident, server.page([("figure", fig, wire_row(db, "figure", fig))],
                                             [("figure", fig, wire_row(db, "figure", fig))]))
    before = _state(db)
    old = server.keys.checkpoint(1, server.log.entries[0]["entry_hash"])
    with pytest.raises(SyncTampered, match="went backwards"):
        pull.process_page(db, ident, {"rows": [], "log": [], "next_since": 2, "more": False,
                                      "checkpoint": old})
    assert _state(db) == before


def test_the_same_seq_with_another_head_is_refused(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    pull.process_page(db, ident, server.page([("figure", fig, wire_row(db, "figure", fig))]))
    forged = server.keys.checkpoint(1, "ab" * 32)
    with pytest.raises(SyncTampered, match="rewritten"):
        pull.process_page(db, ident, {"rows": [], "log": [], "next_since": 1, "more": False,
                                      "checkpoint": forged})


def test_a_broken_log_chain_is_refused(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    pull.process_page(db, ident, server.page([("figure", fig, wire_row(db, "figure", fig))]))
    page = server.page([("figure", fig, wire_row(db, "figure", fig, note="x"))])
    page["log"][0]["prev_entry_hash"] = "cd" * 32
    with pytest.raises(SyncTampered, match="does not continue"):
        pull.process_page(db, ident, page)
    page = server.page([("figure", fig, wire_row(db, "figure", fig, note="x"))])
    page["log"][0]["payload_sha256"] = "ef" * 32  # entry_hash no longer matches
    with pytest.raises(SyncTampered):
        pull.process_page(db, ident, page)
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == ""


def test_rows_outside_the_logged_sets_are_refused(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    page = server.page([("figure", fig, wire_row(db, "figure", fig))])
    page["rows"].append({"server_seq": 7, "op_index": 0, "table": "figure", "pk": fig,
                         "deleted": False, "data": wire_row(db, "figure", fig, note="x")})
    with pytest.raises(SyncTampered, match="no log entry"):
        pull.process_page(db, ident, page)


def test_checkpoints_must_be_signed_by_an_accepted_server_key(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    page = server.page([("figure", fig, wire_row(db, "figure", fig))])
    page["checkpoint"] = server.keys.checkpoint(1, server.log.head,
                                                key=signing.new_private_key())
    with pytest.raises(SyncTampered):
        pull.process_page(db, ident, page)
    page["checkpoint"] = server.keys.checkpoint(1, server.log.head)
    page["checkpoint"]["checkpoint"]["head_hash"] = "00" * 32  # altered after signing
    with pytest.raises(SyncTampered, match="does not verify"):
        pull.process_page(db, ident, page)
    other_env = FakeServerKeys(root=server.keys.root, key=server.keys.key,
                               environment="ged-prod")
    page["checkpoint"] = other_env.checkpoint(1, server.log.head)
    with pytest.raises(SyncTampered, match="environment"):
        pull.process_page(db, ident, page)
    assert _state(db)["cursor"] == 0


def test_an_expired_checkpoint_marks_the_data_stale_never_synced(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    page = server.page([("figure", fig, wire_row(db, "figure", fig, note="old news"))])
    page["checkpoint"] = server.keys.checkpoint(1, server.log.head, expires_in=-60)
    result = pull.process_page(db, ident, page)
    assert result.stale
    st = status.status(db)
    assert st.stale and st.state == "stale"
    fresh = server.page([("figure", fig, wire_row(db, "figure", fig, note="new"))])
    pull.process_page(db, ident, fresh)
    st = status.status(db)
    assert not st.stale and st.state == "synced"


class KeysClient:
    """Answers GET /v1/server-keys?version=N like a server that rotated its key."""

    def __init__(self, docs: dict[int, dict]) -> None:
        self.docs = docs
        self.asked: list[str] = []

    def get_json(self, path: str) -> dict:
        self.asked.append(path)
        return self.docs[int(path.rsplit("=", 1)[1])]


def test_a_rotated_server_key_is_accepted_one_version_at_a_time(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    new_key = signing.new_private_key()
    rotated = FakeServerKeys(root=server.keys.root, key=new_key, version=3)
    docs = {2: server.keys.keys_doc(version=2, keys=[signing.new_private_key()]),
            3: rotated.keys_doc(version=3)}
    server.keys = rotated
    page = server.page([("figure", fig, wire_row(db, "figure", fig, note="v3"))])
    client = KeysClient(docs)
    pull.process_page(db, ident, page, client=client)
    assert client.asked == ["/v1/server-keys?version=2", "/v1/server-keys?version=3"]
    assert scalar(db, "SELECT server_keys_version FROM sync_identity") == 3
    assert len(json.loads(scalar(db, "SELECT server_keys FROM sync_identity"))) == 3
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == "v3"


def test_a_server_keys_document_not_signed_by_the_pinned_root_is_refused(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    impostor = FakeServerKeys(version=2, environment=server.keys.environment)
    server.keys = impostor
    page = server.page([("figure", fig, wire_row(db, "figure", fig))])
    with pytest.raises(SyncTampered, match="root key"):
        pull.process_page(db, ident, page, client=KeysClient({2: impostor.keys_doc()}))
    assert scalar(db, "SELECT server_keys_version FROM sync_identity") == 1


def test_a_log_entry_of_this_device_must_carry_its_hash(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    with db.unit_of_work(description="local edit") as uow:
        uow.session.get(Figure, fig).note = "mine"
    (item,) = push.open_sets(db, ident)
    server.log.append(item.changeset_id, "12" * 32)  # the server logged other bytes
    page = {"rows": [], "log": server.log.entries, "next_since": 1, "more": False,
            "checkpoint": server.keys.checkpoint(1, server.log.head)}
    with pytest.raises(SyncTampered, match="different content"):
        pull.process_page(db, ident, page)


def test_a_page_applies_repeats_interleaved_tables_and_many_rows_in_order(mosw):
    db, ident, server = mosw
    fig = figure_led_by(db, "MoSW")
    base = wire_row(db, "figure", fig)
    event = new_id()
    status = {"activity_id": scalar(db, "SELECT id FROM activity LIMIT 1"),
              "event_date": "2025-02-01", "reporting_period": "", "status": "completed",
              "note": "", "reporter_id": None, "approval_state": "submitted"}
    again = new_id()  # inserted, changed, deleted and inserted again within one page
    gone = new_id()  # inserted then deleted within the page
    many = [new_id() for _ in range(1203)]  # more than two IN chunks
    page = server.page(
        [("figure", again, dict(base, fiscal_year=2050, note="one")),
         ("figure", gone, dict(base, fiscal_year=2051))],
        [("figure", again, dict(base, fiscal_year=2050, note="two"))],
        [("figure", gone, None), ("status_event", event, status), ("figure", again, None)],
        [("figure", m, dict(base, fiscal_year=2060 + i % 7, note=str(i)))
         for i, m in enumerate(many)],
        [("figure", again, dict(base, fiscal_year=2050, note="three")),
         ("figure", fig, dict(base, note="changed")), ("figure", fig, dict(base, note="changed"))])
    result = pull.process_page(db, ident, page)
    # 2 inserts, 1 update, 2 deletes and an event, 1,203 inserts, 1 re-insert, 1 update, 1 unchanged
    assert (result.applied, result.unchanged) == (2 + 1 + 3 + 1203 + 1 + 1, 1)
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", again) == "three"
    assert scalar(db, "SELECT count(*) FROM figure WHERE id = ?", gone) == 0
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == "changed"
    assert scalar(db, "SELECT count(*) FROM figure WHERE fiscal_year >= 2060") == 1203
    assert scalar(db, "SELECT status FROM status_event WHERE id = ?", event) == "completed"
    assert scalar(db, "SELECT note FROM figure WHERE id = ?", many[1202]) == "1202"
    last = server.log.entries[-1]["server_seq"]
    assert _rev(db, "figure", again) == last and _rev(db, "figure", fig) == last
    assert _rev(db, "figure", gone) == last - 2 and _rev(db, "figure", many[0]) == last - 1
    assert scalar(db, "SELECT count(*) FROM sync_row WHERE skipped_seq IS NOT NULL") == 0
