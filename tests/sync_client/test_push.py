"""Push against an in-memory server: receipts verified and stored, revs moved, conflicts
recorded, held sets resent, refusals typed."""

from __future__ import annotations

import json

import pytest

from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import push, status
from nsss_desktop.sync_client.conflicts import list_conflicts, resolve
from nsss_desktop.sync_client.errors import SyncTampered
from nsss_desktop.sync_client.http import ServerClient
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical, strict_loads
from tests.sync_client.conftest import (
    FakeServerKeys,
    enrol_offline,
    envelopes,
    figure_led_by,
    outbox_rows,
    scalar,
)
from tests.sync_client.fakes import MiniServer


@pytest.fixture
def setup(demo_copy, server_keys):
    ident = enrol_offline(demo_copy, server_keys, "MoSW")
    server = MiniServer(server_keys, ident)
    client = ServerClient("https://ged.invalid", ident, session=server.session(),
                          sleep=lambda s: None)
    return demo_copy, ident, server, client


def _edit(db, fig, poisha):
    with db.unit_of_work(description="edit") as uow:
        uow.session.get(Figure, fig).expenditure_poisha = poisha


def test_push_sends_in_order_and_stores_verified_receipts(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    for i in range(3):
        _edit(db, fig, 100 + i)
    result = push.push(db, client)
    assert (result.sent, result.acked, result.refusal) == (3, 3, None)
    rows = outbox_rows(db)
    assert [r["state"] for r in rows] == ["acked"] * 3
    assert [r["server_seq"] for r in rows] == [1, 2, 3]
    for r in rows:
        ack = json.loads(bytes(r["ack"]))
        assert canonical(ack) == bytes(r["ack"])
        assert signing.verify(signing.public_bytes(server.keys.key), signing.ACK, ack,
                              r["ack_signature"])
        assert ack["payload_sha256"] == r["payload_sha256"] and r["received_at"]
    assert scalar(db, "SELECT rev FROM sync_row WHERE row_id = ?", fig) == 3
    # The upload is the sealed bytes, spliced: byte-identical to what was signed.
    body = server.uploads[0]
    for r in rows:
        assert bytes(r["payload"]) in body
    st = status.status(db)
    assert st.counts["acked"] == 3 and st.unacked == 0
    assert [r.server_seq for r in st.receipts] == [3, 2, 1]
    _edit(db, fig, 7)
    assert envelopes(db)[-1]["ops"][0]["base_rev"] == 3  # the next edit builds on the ack


def test_a_receipt_with_a_bad_signature_is_not_stored(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 1)
    forger = FakeServerKeys(root=server.keys.root)  # not in the accepted server-keys doc
    server.hook = lambda env, payload: {
        "changeset_id": env["changeset_id"], "status_code": 200, "duplicate": False,
        "ack": forger.ack(env, payload), "error": None}
    with pytest.raises(SyncTampered, match="not in any server-keys document"):
        push.push(db, client)
    assert [r["state"] for r in outbox_rows(db)] == ["pending"]
    assert outbox_rows(db)[0]["ack"] is None


def test_a_receipt_for_another_set_is_not_stored(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 1)

    def other_hash(env, payload):
        return {"changeset_id": env["changeset_id"], "status_code": 200, "duplicate": False,
                "ack": server.keys.ack(env, payload + b" "), "error": None}

    server.hook = other_hash
    with pytest.raises(SyncTampered, match="names another set"):
        push.push(db, client)
    assert outbox_rows(db)[0]["state"] == "pending"


def test_a_held_set_is_resent_from_the_seq_the_server_waits_for(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    for i in range(3):
        _edit(db, fig, i)
    # The server lost set 1 (e.g. restored from a backup): it holds 2 and 3, waiting for 1.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET state = 'acked' WHERE device_seq = 1")
    result = push.push(db, client)
    assert [r["state"] for r in outbox_rows(db)] == ["acked"] * 3
    assert [r["server_seq"] for r in outbox_rows(db)] == [1, 2, 3]
    assert result.held == 2 and result.acked == 3


def test_rejected_and_quarantined_sets(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 1)
    _edit(db, fig, 2)

    def refuse(env, payload):
        if env["device_seq"] == 1:
            return {"changeset_id": env["changeset_id"], "status_code": 403,
                    "duplicate": False, "error": {"code": "forbidden_op", "message": "op 0",
                                                  "op_index": 0},
                    "ack": server.keys.ack(env, payload, status="rejected", server_seq=None)}
        return {"changeset_id": env["changeset_id"], "status_code": 403, "duplicate": False,
                "ack": None, "error": {"code": "revoked", "message": "revoked"},
                "quarantined": True}

    server.hook = refuse
    result = push.push(db, client)
    assert [r["state"] for r in outbox_rows(db)] == ["rejected", "quarantined"]
    assert result.rejected == 1 and result.quarantined == 1
    assert "forbidden_op" in outbox_rows(db)[0]["last_error"]
    assert outbox_rows(db)[0]["ack"] is not None  # a refusal receipt is kept too


def test_a_blocking_refusal_stops_the_push_and_keeps_the_sets(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 1)
    _edit(db, fig, 2)
    server.hook = lambda env, payload: {
        "changeset_id": env["changeset_id"], "status_code": 409, "duplicate": False,
        "ack": None, "error": {"code": "chain_break", "message": "prev_hash"}}
    result = push.push(db, client)
    assert result.refusal is not None and result.refusal.error_code == "chain_break"
    assert [r["state"] for r in outbox_rows(db)] == ["pending", "pending"]
    assert "chain_break" in outbox_rows(db)[0]["last_error"]


def test_a_duplicate_answer_is_a_delivery(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 1)
    push.push(db, client)
    with db.engine.begin() as conn:  # as if the answer had been lost
        conn.exec_driver_sql("UPDATE outbox SET state = 'pending'")
    result = push.push(db, client)
    assert result.duplicates == 1 and outbox_rows(db)[0]["state"] == "acked"


def test_hard_conflicts_are_recorded_and_resolved(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 500)

    def conflict(env, payload):
        entry = server.log.append(env["changeset_id"], signing.sha256_hex(payload))
        c = {"op_index": 0, "kind": "hard", "table": "figure", "pk": fig, "op": "upsert",
             "fields": ["expenditure_taka"], "base_rev": 0, "server_rev": 4,
             "server_values": {"expenditure_taka": "8.00"},
             "your_values": {"expenditure_taka": "5.00"}, "server_deleted": False}
        return {"changeset_id": env["changeset_id"], "status_code": 200, "duplicate": False,
                "error": None, "ack": server.keys.ack(env, payload, conflicts=[c],
                                                      server_seq=entry["server_seq"])}

    server.hook = conflict
    result = push.push(db, client)
    assert result.conflicts == 1
    (c,) = list_conflicts(db)
    assert c.server_values == {"expenditure_taka": "8.00"}
    assert c.your_values == {"expenditure_taka": "5.00"} and c.server_rev == 4
    assert scalar(db, "SELECT rev FROM sync_row WHERE row_id = ?", fig) is None  # not moved
    assert status.status(db).open_conflicts == 1
    resolve(db, c.id[:8], "mine")
    op = envelopes(db)[-1]["ops"][0]
    assert op["base_rev"] == 4 and op["set"] == {"expenditure_taka": "5.00"}
    assert op["was"] == {"expenditure_taka": "8.00"}
    assert list_conflicts(db) == []


def test_take_theirs_applies_the_server_values_without_sending(setup):
    db, ident, server, client = setup
    fig = figure_led_by(db, "MoSW")
    _edit(db, fig, 500)
    (item,) = push.open_sets(db, ident)
    c = {"op_index": 0, "kind": "hard", "table": "figure", "pk": fig, "op": "upsert",
         "fields": ["expenditure_taka"], "base_rev": 0, "server_rev": 4,
         "server_values": {"expenditure_taka": "8.00"},
         "your_values": {"expenditure_taka": "5.00"}, "server_deleted": False}
    ack = server.keys.ack(item.envelope(), item.payload, conflicts=[c], server_seq=6)
    push.record_outcomes(db, [push.classify(ident, item, {
        "changeset_id": item.changeset_id, "status_code": 200, "ack": ack})])
    (view,) = list_conflicts(db)
    sets_before = len(outbox_rows(db))
    resolve(db, view.id, "theirs")
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 800
    assert len(outbox_rows(db)) == sets_before
    assert scalar(db, "SELECT rev FROM sync_row WHERE row_id = ?", fig) == 4


def test_batches_respect_the_set_and_byte_limits():
    items = [push.OutboxItem(i, i, f"id{i}", b'{"a":"' + b"x" * 20_000 + b'"}', "s", "h",
                             "pending")
             for i in range(1, 160)]
    groups = push.batches(items)
    assert all(len(g) <= 100 for g in groups)
    assert all(sum(len(i.payload) for i in g) <= 1024 * 1024 for g in groups)
    assert [i.device_seq for g in groups for i in g] == list(range(1, 160))
    body = push.batch_body(items[:2])
    parsed = strict_loads(body)
    assert [c["signature"] for c in parsed["changesets"]] == ["s", "s"]
