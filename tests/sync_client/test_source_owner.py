"""Who owns a `source` row (tables.OWNER_RULES "creator"): the ministry whose installation
created it. A ministry importing a Finance Division table creates the source with its figures;
that is sealed, sent and applied; no other ministry may change the source afterwards, GED may
(and the owner stays). Against the real server on SQLite and PostgreSQL, plus the local rules
without a server."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nsss_desktop.domain import FiscalYear
from nsss_desktop.services.figures_import import import_finance_table
from nsss_desktop.store.models import Source
from nsss_desktop.sync_client import run, status
from nsss_desktop.sync_client.errors import SyncForbidden
from nsss_desktop.wire import tables
from tests.figures_io.books import finance_rows, write_finance_xlsx
from tests.sync.conftest import pg_cluster, server  # noqa: F401
from tests.sync.craft import enrol_device, result_of, upsert
from tests.sync_client.conftest import enrol_offline, envelopes, outbox_rows, scalar
from tests.sync_client.live import (
    empty_install,  # noqa: F401
    ministry_install,
    publish_baseline,
    server_row,
)

CODE = "FD_SSP_2019_MOSW"


def _set_title(db, code: str, title: str) -> None:
    with db.unit_of_work(description="retitle a source") as uow:
        uow.session.scalar(select(Source).where(Source.code == code)).title = title


def _source_id(db, code: str) -> str:
    return scalar(db, "SELECT id FROM source WHERE code = ?", code)


def _owner(db, pk: str) -> str | None:
    return scalar(db, "SELECT owner FROM sync_row WHERE table_name = 'source' AND row_id = ?",
                  pk)


def test_a_ministry_import_creates_its_own_source(demo_copy, empty_install, server,  # noqa: F811
                                                  tmp_path):
    ged = demo_copy
    publish_baseline(ged, server)
    mosw = ministry_install(empty_install, server, "MoSW")
    mowca = ministry_install(empty_install, server, "MoWCA")

    rows = [r for r in finance_rows() if r[2] == "Ministry of Social Welfare"]
    path = write_finance_xlsx(tmp_path / "mosw-ssp.xlsx", rows)
    done = import_finance_table(mosw, path, FiscalYear.parse("2019-20"), "proposed", CODE,
                                source_title="Finance Division: SSP budget 2019-20 (MoSW)")
    assert done.written and done.inserted == len(rows) == 6
    source = _source_id(mosw, CODE)
    ops = [op for env in envelopes(mosw) for op in env["ops"]]
    assert {(op["table"], op["owner"]) for op in ops} == {("source", "MoSW"), ("figure", "MoSW")}

    result = run.sync_now(mosw)
    assert result.refusal is None and result.pushed.rejected == 0
    assert {r["state"] for r in outbox_rows(mosw)} == {"acked"}
    srow = server_row(server, "source", source)
    assert srow["owner"] == "MoSW" and srow["data"]["code"] == CODE
    assert _owner(mosw, source) == "MoSW"  # kept from the ack

    # Another ministry receives it and may not change it: refused on the PC...
    assert run.sync_now(mowca).refusal is None
    assert _owner(mowca, source) == "MoSW"  # kept from the pull
    with pytest.raises(SyncForbidden, match="owned by MoSW"):
        _set_title(mowca, CODE, "renamed by MoWCA")
    assert outbox_rows(mowca) == []
    # ... and by the server, whatever owner the op names (whole set refused, 0 ops applied).
    crafted = enrol_device(server, "MoWCA")
    for named in ("MoSW", "MoWCA"):
        r = crafted.post(crafted.seal([upsert("source", source, owner=named,
                                              base_rev=srow["rev"],
                                              set={"title": "renamed"},
                                              was={"title": srow["data"]["title"]})]))
        assert (r.status_code, result_of(r)["error"]["code"]) == (403, "forbidden_op")
    assert server_row(server, "source", source)["data"]["title"] == srow["data"]["title"]

    # GED may change it; the owner stays MoSW. The owner edits it again.
    assert run.sync_now(ged).refusal is None
    _set_title(ged, CODE, "Finance Division: SSP budget 2019-20")
    assert envelopes(ged)[-1]["ops"][0]["owner"] == "MoSW"
    assert run.sync_now(ged).refusal is None
    assert run.sync_now(mosw).refusal is None
    assert scalar(mosw, "SELECT title FROM source WHERE id = ?", source) == \
        "Finance Division: SSP budget 2019-20"
    _set_title(mosw, CODE, "FD SSP 2019-20, ministry copy")
    assert run.sync_now(mosw).pushed.conflicts == 0
    final = server_row(server, "source", source)
    assert final["owner"] == "MoSW" and final["data"]["title"] == "FD SSP 2019-20, ministry copy"
    assert status.status(mosw).state == "synced"


def test_source_owner_rules_on_the_pc(demo_copy, server_keys):
    db = demo_copy
    enrol_offline(db, server_keys, "MoSW")
    with db.reader() as s:
        old, theirs = s.scalars(select(Source.code).order_by(Source.code).limit(2)).all()
    with db.engine.begin() as conn:  # as pulls record them (NULL: pulled before 0007)
        conn.exec_driver_sql("INSERT INTO sync_row (table_name, row_id, rev, skipped_deleted, "
                             "owner) VALUES ('source', ?, 3, 0, NULL), ('source', ?, 4, 0, "
                             "'MoSW')", (_source_id(db, old), _source_id(db, theirs)))
    with pytest.raises(SyncForbidden, match="owned by GED"):
        _set_title(db, old, "x")  # synced before owners were kept: reference data, GED's
    _set_title(db, theirs, "retitled")
    with db.unit_of_work(description="new source") as uow:
        uow.session.add(Source(code="MOSW_OWN", title="A ministry's own document"))
    ops = [op for env in envelopes(db) for op in env["ops"]]
    assert [(op["table"], op["owner"], op["base_rev"]) for op in ops] == [
        ("source", "MoSW", 4), ("source", "MoSW", 0)]
    assert tables.OWNER_RULES["source"] == "creator"
    assert tables.OWNER_RULES["ministry"] == tables.OWNER_RULES["programme"] == "ged"
