"""The three-way field-level merge (R12): T17 over real HTTP on SQLite and PostgreSQL, and the
merge rules themselves as properties of `sync.merge` (no server needed)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nsss_desktop.domain.ids import new_id
from sync.merge import Row, merge
from tests.sync.conftest import RunningServer
from tests.sync.craft import delete, enrol_device, figure, result_of, upsert


def _applied(r: Any) -> dict[str, Any]:
    assert r.status_code == 200, r.text
    ack = result_of(r)["ack"]["ack"]
    assert ack["status"] == "applied"
    return ack


def test_t17_two_devices_same_base(server: RunningServer) -> None:
    a = enrol_device(server, "MoSW", device_name="PC A")
    b = enrol_device(server, "MoSW", device_name="PC B")
    pk, other = new_id(), new_id()
    base = _applied(a.post(a.seal([figure("MoSW", pk, expenditure_taka="100.00", note="a"),
                                   figure("MoSW", other)])))["server_seq"]

    # Same field from the same base: the first wins, the second is a hard conflict and both
    # values are kept (winner in the row, loser in sync_conflict).
    _applied(a.post(a.seal([upsert("figure", pk, owner="MoSW", base_rev=base,
                                   set={"expenditure_taka": "200.00"},
                                   was={"expenditure_taka": "100.00"})])))
    ack = _applied(b.post(b.seal([upsert("figure", pk, owner="MoSW", base_rev=base,
                                         set={"expenditure_taka": "300.00"},
                                         was={"expenditure_taka": "100.00"})])))
    [hard] = ack["conflicts"]
    assert (hard["kind"], hard["op_index"], hard["fields"]) == ("hard", 0, ["expenditure_taka"])
    assert hard["server_values"] == {"expenditure_taka": "200.00"}
    assert hard["your_values"] == {"expenditure_taka": "300.00"}
    assert (hard["base_rev"], hard["table"], hard["pk"]) == (base, "figure", pk)

    # Different fields from the same base: merged, with a soft conflict recorded.
    ack = _applied(b.post(b.seal([upsert("figure", pk, owner="MoSW", base_rev=base,
                                         set={"note": "b"}, was={"note": "a"})])))
    [soft] = ack["conflicts"]
    assert (soft["kind"], soft["fields"]) == ("soft", ["expenditure_taka"])
    rows = {}
    for page in a.pull_all():
        for row in page["rows"]:
            rows[row["pk"]] = row
    assert rows[pk]["data"]["expenditure_taka"] == "200.00" and rows[pk]["data"]["note"] == "b"

    # The same value twice is no conflict; a delete of a changed row and an upsert of a
    # deleted row are hard.
    ack = _applied(b.post(b.seal([upsert("figure", pk, owner="MoSW", base_rev=base,
                                         set={"expenditure_taka": "200.00"})])))
    assert [c["kind"] for c in ack["conflicts"]] == ["soft"]
    ack = _applied(b.post(b.seal([delete("figure", pk, owner="MoSW", base_rev=base)])))
    assert [c["kind"] for c in ack["conflicts"]] == ["hard"]
    gone = _applied(a.post(a.seal([delete("figure", other, owner="MoSW", base_rev=base)])))
    assert gone["conflicts"] == []
    ack = _applied(b.post(b.seal([upsert("figure", other, owner="MoSW", base_rev=base,
                                         set={"note": "late"})])))
    assert ack["conflicts"][0]["kind"] == "hard" and ack["conflicts"][0]["server_deleted"]

    stored = server.admin_json("conflicts", "--kind", "hard")
    first = [c for c in stored if c["pk"] == pk and c["fields"] == ["expenditure_taka"]][0]
    assert first["server_values"] == {"expenditure_taka": "200.00"}
    assert first["your_values"] == {"expenditure_taka": "300.00"}
    assert first["op"]["set"] == {"expenditure_taka": "300.00"}  # the losing edit, whole
    assert len(server.admin_json("conflicts", "--kind", "soft")) == 2


# -- properties of the merge itself -------------------------------------------------------------

FIELDS = ("a", "b", "c")
values = st.sampled_from(["1.00", "2.00", "3.00", None])


@st.composite
def rows_and_ops(draw: st.DrawFn) -> tuple[Row | None, dict[str, Any], int, set[int]]:
    seq = 50
    row: Row | None = None
    if draw(st.booleans()):
        data = {f: draw(values) for f in FIELDS}
        revs = {f: draw(st.integers(1, seq - 1)) for f in FIELDS}
        row = Row("figure", "p", "MoSW", data, revs, max(revs.values()), draw(st.booleans()))
    kind = draw(st.sampled_from(["upsert", "delete"]))
    changes = {} if kind == "delete" else draw(st.dictionaries(st.sampled_from(FIELDS), values,
                                                               min_size=1))
    op = {"table": "figure", "pk": "p", "op": kind, "base_rev": draw(st.integers(0, seq - 1)),
          "owner": "MoSW", "set": changes, "was": {}}
    own = set(draw(st.lists(st.integers(1, seq - 1), max_size=5)))
    return row, op, seq, own


@settings(max_examples=500, deadline=None, database=None)
@given(rows_and_ops())
def test_no_edit_disappears_without_a_conflict_record(case: Any) -> None:
    row, op, seq, own = case
    out = merge(op, row, seq, own)
    if out.applied:
        if op["op"] == "upsert":
            assert out.row is not None and out.version
            assert all(out.row.data[f] == v for f, v in op["set"].items())
            assert all(out.row.field_revs[f] == seq for f, v in op["set"].items()
                       if row is None or row.data.get(f) != v)
        if out.conflict is not None:
            assert out.conflict["kind"] == "soft"
    else:
        # Not applied: a hard conflict that keeps the losing values, the row untouched.
        assert out.row is None and out.conflict is not None
        assert out.conflict["kind"] == "hard"
        assert out.conflict["your_values"] == {f: op["set"][f] for f in out.conflict["fields"]
                                               if f in op["set"]} or op["op"] == "delete" \
            or row is None or row.deleted
    if row is not None and not row.deleted:
        others = {f for f, rev in row.field_revs.items() if rev > op["base_rev"]
                  and rev not in own}
        clash = {f for f in others if f in op["set"] and row.data[f] != op["set"][f]}
        assert out.applied == (not clash if op["op"] == "upsert" else not others)
