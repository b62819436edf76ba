"""T18 against the real server (SQLite and PostgreSQL): installation A has unsent edits of two
rows; GED's installation B edits the same rows and sends them; A pulls: its edits are not
overwritten; A pushes: two hard conflicts, both values kept and shown; one is resolved "mine",
the other "theirs", and A, B and the server converge."""

from __future__ import annotations

from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import enrol, pull, push, run, status
from nsss_desktop.sync_client.conflicts import list_conflicts, resolve
from nsss_desktop.sync_client.http import ServerClient
from tests.sync.conftest import pg_cluster, server  # noqa: F401
from tests.sync_client.conftest import scalar
from tests.sync_client.live import (
    empty_install,  # noqa: F401
    expenditure,
    figures_led_by,
    ministry_install,
    publish_baseline,
    server_row,
    set_expenditure,
)


def _rev(db, pk: str) -> int:
    return scalar(db, "SELECT rev FROM sync_row WHERE table_name = 'figure' AND row_id = ?", pk)


def test_t18_pending_local_edit_vs_pull(demo_copy, empty_install, server):  # noqa: F811
    b = demo_copy  # GED's installation
    publish_baseline(b, server)
    a = ministry_install(empty_install, server, "MoSW")
    keep_mine, take_theirs = figures_led_by(a, "MoSW", 2)

    with a.unit_of_work(description="A: unsent edits") as uow:
        uow.session.get(Figure, keep_mine).expenditure_poisha = 111
        uow.session.get(Figure, take_theirs).expenditure_poisha = 222
    set_expenditure(b, keep_mine, 888)
    set_expenditure(b, take_theirs, 999)
    assert run.sync_now(b).refusal is None

    with ServerClient(server.base_url, enrol.load(a), db=a, allow_http=True) as client:
        # Pull first (no push): the server's versions wait beside A's unsent edits.
        pulled = pull.pull(a, client)
        assert sorted(pulled.skipped) == sorted([("figure", keep_mine), ("figure", take_theirs)])
        assert (expenditure(a, keep_mine), expenditure(a, take_theirs)) == (111, 222)
        assert status.status(a).waiting_rows == 2
        # Push: both ops lose to the server's newer values: hard conflicts, nothing applied.
        pushed = push.push(a, client)
    assert pushed.acked == 1 and pushed.conflicts == 2 and pushed.refusal is None
    assert server_row(server, "figure", keep_mine)["data"]["expenditure_taka"] == "8.88"
    conflicts = {c.row_id: c for c in list_conflicts(a)}
    assert set(conflicts) == {keep_mine, take_theirs}
    c = conflicts[keep_mine]
    assert c.kind == "hard" and c.fields == ["expenditure_taka"]
    assert (c.your_values, c.server_values) == ({"expenditure_taka": "1.11"},
                                                {"expenditure_taka": "8.88"})
    assert conflicts[take_theirs].your_values == {"expenditure_taka": "2.22"}
    assert conflicts[take_theirs].server_values == {"expenditure_taka": "9.99"}
    st = status.status(a)
    assert st.state == "conflicts" and st.open_conflicts == 2
    assert "  open conflicts: 2" in st.lines()
    assert "yours '1.11', server '8.88'" in c.describe()

    resolve(a, c.id, "mine")
    resolve(a, conflicts[take_theirs].id, "theirs")
    assert expenditure(a, take_theirs) == 999  # theirs: written locally, nothing to send
    result = run.sync_now(a)
    assert result.refusal is None and result.pushed.acked == 1
    assert result.pushed.conflicts == 0
    assert run.sync_now(b).refusal is None

    for pk, poisha, taka in ((keep_mine, 111, "1.11"), (take_theirs, 999, "9.99")):
        srow = server_row(server, "figure", pk)
        assert srow["data"]["expenditure_taka"] == taka
        assert expenditure(a, pk) == expenditure(b, pk) == poisha
        assert _rev(a, pk) == _rev(b, pk) == srow["rev"]
    assert list_conflicts(a) == []
    assert status.status(a).state == status.status(b).state == "synced"
    assert status.status(a).waiting_rows == 0
