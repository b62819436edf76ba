"""Sealing local edits into the outbox, in the same SQLCipher transaction (R7, docs/sync.md §5)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import DBAPIError

from nsss_desktop.domain.ids import new_id
from nsss_desktop.services import evidence
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.store import migrate
from nsss_desktop.store.models import Figure, FigureDisaggregation, Outbox, Programme, Source
from nsss_desktop.sync_client import seal
from nsss_desktop.sync_client.errors import SyncForbidden
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical, strict_loads
from nsss_desktop.wire.envelope import GENESIS_HASH, validate_envelope
from tests.sync_client.conftest import (
    activity_of,
    enrol_offline,
    envelopes,
    figure_led_by,
    ministry_id,
    outbox_rows,
    programme_led_by,
    scalar,
)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def mosw(demo_copy, server_keys):
    ident = enrol_offline(demo_copy, server_keys, "MoSW")
    return demo_copy, ident


def _set_expenditure(db, figure_id, poisha, note=None):
    with db.unit_of_work(description="edit figure") as uow:
        f = uow.session.get(Figure, figure_id)
        f.expenditure_poisha = poisha
        if note is not None:
            f.note = note


def test_a_sealed_set_is_signed_chained_and_carries_money_as_strings(mosw):
    db, ident = mosw
    fig = figure_led_by(db, "MoSW")
    _set_expenditure(db, fig, 123456)
    _set_expenditure(db, fig, 197434, note="revised")
    rows = outbox_rows(db)
    assert [r["device_seq"] for r in rows] == [1, 2]
    assert rows[0]["prev_hash"] == GENESIS_HASH
    assert rows[1]["prev_hash"] == rows[0]["payload_sha256"]
    public = signing.public_bytes(ident.private_key)
    for r in rows:
        payload = bytes(r["payload"])
        assert signing.sha256_hex(payload) == r["payload_sha256"]
        assert signing.verify_bytes(public, signing.CHANGESET, payload, r["signature"])
        env = validate_envelope(strict_loads(payload))
        assert canonical(env) == payload  # stored bytes are the canonical form
        assert env["device_id"] == ident.device_id and env["key_id"] == ident.key_id
        assert env["schema_version"] == migrate.head_revision() == seal.SCHEMA_VERSION
        assert env["environment"] == ident.environment
        assert r["state"] == "pending"
    first, second = envelopes(db)
    assert first["ops"] == [{"table": "figure", "pk": fig, "op": "upsert", "base_rev": 0,
                             "owner": "MoSW", "set": {"expenditure_taka": "1234.56"},
                             "was": {"expenditure_taka": None}}]
    assert second["ops"][0]["set"] == {"expenditure_taka": "1974.34", "note": "revised"}
    assert second["ops"][0]["was"] == {"expenditure_taka": "1234.56", "note": ""}
    assert second["prev_hash"] == signing.sha256_hex(canonical(first))


def test_an_exception_after_the_write_leaves_neither_the_row_nor_the_outbox(mosw):
    db, _ = mosw
    fig = figure_led_by(db, "MoSW")
    _set_expenditure(db, fig, 100)
    with pytest.raises(RuntimeError), db.unit_of_work(description="fails") as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 999
        uow.session.flush()
        raise RuntimeError("after the domain write")
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 100
    assert len(outbox_rows(db)) == 1
    _set_expenditure(db, fig, 200)
    assert [r["device_seq"] for r in outbox_rows(db)] == [1, 2]  # gapless


def test_a_failure_in_sealing_rolls_back_the_domain_write(mosw, monkeypatch):
    db, _ = mosw
    fig = figure_led_by(db, "MoSW")

    def broken(*args, **kwargs):
        raise RuntimeError("signing failed")

    monkeypatch.setattr(signing, "sign_bytes", broken)
    with pytest.raises(RuntimeError):
        _set_expenditure(db, fig, 5)
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) is None
    assert outbox_rows(db) == []


def test_device_seq_stays_gapless_over_many_units_of_work(mosw):
    db, ident = mosw
    fig = figure_led_by(db, "MoSW")
    for i in range(12):
        _set_expenditure(db, fig, 1000 + i)
    rows = outbox_rows(db)
    assert [r["device_seq"] for r in rows] == list(range(1, 13))
    prev = GENESIS_HASH
    for r in rows:
        assert r["prev_hash"] == prev
        prev = r["payload_sha256"]


def test_not_enrolled_seals_nothing_and_costs_one_lookup(demo_copy):
    db = demo_copy
    fig = figure_led_by(db, "MoSW")
    _set_expenditure(db, fig, 1)  # warm up (the sync tables are found and remembered)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        _set_expenditure(db, fig, 2)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert outbox_rows(db) == []
    sync_statements = [s for s in statements if "sync_identity" in s or "outbox" in s]
    assert sync_statements == ["SELECT device_id, key_id, next_key_id FROM sync_identity "
                               "WHERE slot = 1"]

    def timed(n: int) -> float:
        start = time.perf_counter()
        for i in range(n):
            _set_expenditure(db, fig, 10 + i)
        return (time.perf_counter() - start) / n

    with_hook = timed(20)
    start = time.perf_counter()
    with db.engine.connect() as conn:
        for _ in range(200):
            seal.current_identity(conn)
    lookup = (time.perf_counter() - start) / 200
    assert lookup < 0.05 * with_hook, (lookup, with_hook)  # negligible against a commit


def test_origin_sync_is_not_sealed(mosw):
    db, _ = mosw
    fig = figure_led_by(db, "MoSW")
    with db.unit_of_work(description="from the server", origin="sync") as uow:
        uow.session.get(Figure, fig).expenditure_poisha = 77
    assert outbox_rows(db) == []
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", fig) == 77


# --- collapsing -----------------------------------------------------------------------------------


def _row(pk, **values):
    import json

    return json.dumps({"id": pk, **values})


def test_collapse_rules():
    a, b, c, d = (new_id() for _ in range(4))
    entries = [
        (1, "figure", a, "insert", None, _row(a, note="x")),
        (2, "figure", a, "update", _row(a, note="x"), _row(a, note="y")),
        (3, "figure", b, "insert", None, _row(b, note="b")),
        (4, "figure", b, "delete", _row(b, note="b"), None),
        (5, "figure", c, "update", _row(c, note="1"), _row(c, note="2")),
        (6, "figure", c, "update", _row(c, note="2"), _row(c, note="3")),
        (7, "figure", d, "update", _row(d, note="1"), _row(d, note="2")),
        (8, "figure", d, "delete", _row(d, note="2"), None),
    ]
    out = {ch.pk: ch for ch in seal.collapse(entries)}
    assert set(out) == {a, c, d}  # insert + delete: nothing
    assert not out[a].existed and out[a].exists and out[a].after["note"] == "y"
    assert out[c].existed and out[c].exists
    assert out[c].before["note"] == "1" and out[c].after["note"] == "3"
    assert out[d].existed and not out[d].exists and out[d].before["note"] == "1"


def test_several_changes_of_one_row_in_one_unit_of_work_are_one_op(mosw):
    db, _ = mosw
    programme = programme_led_by(db, "MoSW")
    gone = new_id()
    with db.unit_of_work(description="several") as uow:
        s = uow.session
        f = Figure(programme_id=programme, fiscal_year=2030, stage="actual",
                   expenditure_poisha=100)
        s.add(f)
        s.flush()
        f.expenditure_poisha = 250
        s.flush()
        f.note = "final"
        tmp = Figure(id=gone, programme_id=programme, fiscal_year=2031)
        s.add(tmp)
        s.flush()
        s.delete(tmp)
    (env,) = envelopes(db)
    (op,) = env["ops"]
    assert op["pk"] == f.id and op["op"] == "upsert" and op["base_rev"] == 0 and op["was"] == {}
    assert op["set"]["expenditure_taka"] == "2.50" and op["set"]["note"] == "final"
    assert op["set"]["fiscal_year"] == 2030 and op["set"]["synthetic"] is False
    assert "id" not in op["set"]
    with db.unit_of_work(description="no real change") as uow:
        row = uow.session.get(Figure, f.id)
        row.note = "temporary"
        uow.session.flush()
        row.note = "final"
    assert len(envelopes(db)) == 1  # changed and changed back: no op, no set
    with db.unit_of_work(description="delete") as uow:
        uow.session.delete(uow.session.get(Figure, f.id))
    delete_op = envelopes(db)[-1]["ops"][0]
    assert delete_op["op"] == "delete" and delete_op["set"] == {}
    assert delete_op["was"]["note"] == "final"


def test_base_rev_comes_from_the_last_seen_server_rev(mosw):
    db, _ = mosw
    fig = figure_led_by(db, "MoSW")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO sync_row (table_name, row_id, rev, skipped_deleted) "
                             "VALUES ('figure', ?, 41, 0)", (fig,))
        conn.exec_driver_sql("UPDATE sync_state SET cursor = 57")
    _set_expenditure(db, fig, 3)
    (env,) = envelopes(db)
    assert env["ops"][0]["base_rev"] == 41 and env["base_server_seq"] == 57


def test_parents_come_before_children_and_deletes_run_children_first(mosw):
    db, _ = mosw
    programme = programme_led_by(db, "MoSW")
    with db.unit_of_work(description="figure with breakdown") as uow:
        s = uow.session
        f = Figure(programme_id=programme, fiscal_year=2032)
        s.add(f)
        s.flush()
        s.add(FigureDisaggregation(figure_id=f.id, dimension="division", category="Dhaka",
                                   beneficiaries=5))
    ops = envelopes(db)[-1]["ops"]
    assert [o["table"] for o in ops] == ["figure", "figure_disaggregation"]
    with db.unit_of_work(description="remove both") as uow:
        s = uow.session
        for d in s.scalars(select(FigureDisaggregation)
                           .where(FigureDisaggregation.figure_id == f.id)):
            s.delete(d)
        s.flush()
        s.delete(s.get(Figure, f.id))
    ops = envelopes(db)[-1]["ops"]
    assert [(o["table"], o["op"]) for o in ops] == [("figure_disaggregation", "delete"),
                                                    ("figure", "delete")]


# --- owners ------------------------------------------------------------------------------------


def test_owner_rules(demo_copy, server_keys):
    db = demo_copy
    enrol_offline(db, server_keys, "GED")
    mosw_programme = programme_led_by(db, "MoSW")
    mowca = ministry_id(db, "MoWCA")
    activity = activity_of(db, "MoWCA")
    with db.unit_of_work(description="one of each") as uow:
        s = uow.session
        level = Figure(programme_id=mosw_programme, fiscal_year=2033)  # programme-level
        share = Figure(programme_id=mosw_programme, ministry_id=mowca, fiscal_year=2033,
                       stage="actual")
        s.add_all([level, share])
        s.flush()
        s.add(FigureDisaggregation(figure_id=share.id, dimension="sex", category="female"))
        s.add(Source(code="TEST-SOURCE", title="A test source"))
    record_status(db, activity, status="in_progress", event_date=date(2025, 1, 5))
    owners = {(o["table"], o.get("set", {}).get("ministry_id")): o["owner"]
              for env in envelopes(db) for o in env["ops"]}
    assert owners[("figure", None)] == "MoSW"
    assert owners[("figure", mowca)] == "MoWCA"
    assert owners[("figure_disaggregation", None)] == "MoWCA"
    assert owners[("source", None)] == "GED"
    assert owners[("status_event", None)] == "MoWCA"


def test_a_ministry_device_may_not_change_another_ministrys_rows(demo_copy, server_keys):
    db = demo_copy
    enrol_offline(db, server_keys, "MoSW")
    other = figure_led_by(db, "MoWCA")
    mine = figure_led_by(db, "MoSW")
    with pytest.raises(SyncForbidden) as refused:
        with db.unit_of_work(description="mixed") as uow:
            uow.session.get(Figure, mine).expenditure_poisha = 1
            uow.session.get(Figure, other).expenditure_poisha = 2
    message = str(refused.value)
    assert "MoWCA" in message and "MoSW" in message and "Nothing was written" in message
    assert refused.value.code == "sync_forbidden"
    assert scalar(db, "SELECT expenditure_poisha FROM figure WHERE id = ?", mine) is None
    assert outbox_rows(db) == []
    with pytest.raises(SyncForbidden, match="GED"), db.unit_of_work() as uow:
        uow.session.get(Programme, programme_led_by(db, "MoSW")).name_en = "Renamed"
    _set_expenditure(db, mine, 5)  # its own rows are fine
    assert len(outbox_rows(db)) == 1


def test_ged_may_change_any_row(demo_copy, server_keys):
    db = demo_copy
    enrol_offline(db, server_keys, "GED")
    _set_expenditure(db, figure_led_by(db, "MoWCA"), 9)
    with db.unit_of_work() as uow:
        uow.session.get(Programme, programme_led_by(db, "MoSW")).name_en = "Renamed"
    owners = [o["owner"] for env in envelopes(db) for o in env["ops"]]
    assert owners == ["MoWCA", "GED"]


# --- splitting, attachments, baseline -------------------------------------------------------------


def test_a_large_unit_of_work_is_split_into_chained_sets_of_at_most_500_ops(mosw):
    db, ident = mosw
    programme = programme_led_by(db, "MoSW")
    with db.unit_of_work(description="bulk") as uow:
        for year in range(1200):
            uow.session.add(Figure(programme_id=programme, fiscal_year=3000 + year,
                                   note="x" * 50))
    rows = outbox_rows(db)
    envs = envelopes(db)
    assert [len(e["ops"]) for e in envs] == [500, 500, 200]
    assert len({r["txn_id"] for r in rows}) == 1
    assert [r["device_seq"] for r in rows] == [1, 2, 3]
    for a, b in zip(rows, rows[1:], strict=False):
        assert b["prev_hash"] == a["payload_sha256"]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox_row").scalar() == 1200


def test_a_set_never_exceeds_one_mebibyte(mosw):
    db, _ = mosw
    programme = programme_led_by(db, "MoSW")
    with db.unit_of_work(description="long notes") as uow:
        for year in range(60):
            uow.session.add(Figure(programme_id=programme, fiscal_year=4000 + year,
                                   note="n" * 40_000))
    sizes = [len(bytes(r["payload"])) for r in outbox_rows(db)]
    assert len(sizes) >= 3 and max(sizes) <= 1024 * 1024


def test_new_evidence_carries_an_attachment_with_a_safe_display_name(demo_copy, server_keys):
    db = demo_copy
    enrol_offline(db, server_keys, "MoWCA")
    activity = activity_of(db, "MoWCA")
    import io

    evidence.attach(db, activity, io.BytesIO(PDF), title="Circular", kind="circular",
                    original_name="..\\..\\evil\u202egnp.pdf")
    env = envelopes(db)[-1]
    (att,) = env["attachments"]
    assert att["sha256"] == signing.sha256_hex(PDF) and att["size"] == len(PDF)
    assert att["media_type"] == "application/pdf"
    name = att["display_name"]
    assert "\\" not in name and "/" not in name and "\u202e" not in name
    assert name.endswith(".pdf") and len(name) <= 120
    assert [o["table"] for o in env["ops"]] == ["evidence"]


def test_publish_baseline_seals_every_row_once_in_dependency_order(demo_copy, server_keys):
    from nsss_desktop.wire.tables import SYNC_TABLES

    db = demo_copy
    enrol_offline(db, server_keys, "GED")
    sealed = seal.seal_existing(db)
    total = sum(scalar(db, f'SELECT count(*) FROM "{t}"') for t in SYNC_TABLES)
    assert sum(s.ops for s in sealed) == total
    order = [SYNC_TABLES.index(o["table"]) for env in envelopes(db) for o in env["ops"]]
    assert order == sorted(order)
    assert all(o["base_rev"] == 0 and o["was"] == {} for env in envelopes(db)
               for o in env["ops"])
    assert seal.seal_existing(db) == []  # the rows are in the outbox already


def test_publish_baseline_is_for_ged_only(mosw):
    db, _ = mosw
    with pytest.raises(SyncForbidden):
        seal.seal_existing(db)


# --- the outbox is immutable ------------------------------------------------------------------


def test_sealed_bytes_cannot_be_changed_and_unacked_sets_cannot_be_deleted(mosw):
    db, _ = mosw
    _set_expenditure(db, figure_led_by(db, "MoSW"), 1)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET attempts = 3, last_error = 'x'")  # allowed
    for sql in ("UPDATE outbox SET payload = x'00'", "UPDATE outbox SET signature = 'forged'",
                "UPDATE outbox SET device_seq = 9", "UPDATE outbox_row SET row_id = 'x'"):
        with pytest.raises(DBAPIError, match="NSSS_SEALED"), db.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    for sql in ("DELETE FROM outbox_row", "DELETE FROM outbox"):
        with pytest.raises(DBAPIError, match="NSSS_UNACKED"), db.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state = 'acked'"))
        conn.exec_driver_sql("DELETE FROM outbox_row")
        conn.exec_driver_sql("DELETE FROM outbox")
    with db.reader() as s:
        assert s.scalars(select(Outbox)).all() == []


def test_envelope_bytes_reuse_each_ops_canonical_form():
    ops = [seal.SealOp({"table": "figure", "pk": f"p{i}", "op": "upsert", "base_rev": i,
                        "owner": "MoSW", "set": {"note": "ব্যয় \u2028 é" * i, "z": None,
                                                 "a": [1, -25, True]}, "was": {}})
           for i in range(3)]
    envelope = {"format": "x", "changeset_id": "c", "device_id": "d", "zzz": "after ops",
                "ops": [s.op for s in ops], "attachments": [{"sha256": "ab", "size": 3}]}
    assert seal._envelope_bytes(envelope, ops) == canonical(envelope)
    clash = dict(envelope, note=seal._OPS_MARKER)  # the marker text elsewhere: still exact
    assert seal._envelope_bytes(clash, ops) == canonical(clash)
    envelope["ops"] = []
    assert seal._envelope_bytes(envelope, []) == canonical(envelope)
