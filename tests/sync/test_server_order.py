"""Ordering and identity of a device's chain, over real HTTP on SQLite and PostgreSQL:
out-of-order sets are held and applied in order (T7), never across a gap (T8), a forked chain
suspends the key (T9), and revocation quarantines (T14)."""

from __future__ import annotations

import time
from typing import Any

import requests

from nsss_desktop.domain.ids import new_id
from tests.sync.conftest import RunningServer
from tests.sync.craft import Device, ack_bytes, enrol_device, figure, result_of, upsert


def _code(r: requests.Response) -> str:
    body = r.json()
    return (body.get("error") or body["results"][0]["error"])["code"]


def _rows(dev: Device) -> dict[str, dict[str, Any]]:
    """The latest version of every row, from a full pull."""
    out: dict[str, dict[str, Any]] = {}
    for page in dev.pull_all():
        for row in page["rows"]:
            out[row["pk"]] = {"deleted": row["deleted"], **row["data"]}
    return out


def _script(pks: list[str]) -> list[list[dict[str, Any]]]:
    """Seven sets of one device editing three rows (each edit builds on the previous one)."""
    a, b, c = pks
    return [
        [figure("MoSW", a), figure("MoSW", b)],
        [upsert("figure", a, owner="MoSW", set={"expenditure_taka": "10.00"})],
        [upsert("figure", b, owner="MoSW", set={"note": "first"}), figure("MoSW", c)],
        [upsert("figure", a, owner="MoSW", set={"expenditure_taka": "20.50"})],
        [upsert("figure", c, owner="MoSW", set={"active_beneficiaries": 7})],
        [upsert("figure", b, owner="MoSW", set={"note": "second"})],
        [upsert("figure", a, owner="MoSW", set={"note": "done", "expenditure_taka": "30.00"})],
    ]


def test_t7_out_of_order_sets_are_held_then_applied_in_order(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    s1, s2, s3 = (dev.seal([figure("MoSW")]) for _ in range(3))
    assert dev.post(s1).status_code == 200
    r = dev.post(s3)
    assert (r.status_code, _code(r), r.json()["results"][0]["awaiting_seq"]) == (
        202, "awaiting_seq", 2)
    r = dev.post(s2)
    assert r.status_code == 200
    seq2 = result_of(r)["ack"]["ack"]["server_seq"]
    held3 = result_of(dev.post(s3))  # applied right after 2, in its own transaction
    assert held3["duplicate"] is True and held3["ack"]["ack"]["server_seq"] == seq2 + 1

    # A whole run reversed, one request per set, ends as the same run sent in order.
    in_order = enrol_device(srv, "MoSW")
    reverse = enrol_device(srv, "MoSW")
    pks_a, pks_b = [new_id() for _ in range(3)], [new_id() for _ in range(3)]
    for ops in _script(pks_a):
        r = in_order.post(in_order.seal(ops))
        assert r.status_code == 200 and not result_of(r)["ack"]["ack"]["conflicts"], r.text
    items = [reverse.seal(ops) for ops in _script(pks_b)]
    for item in reversed(items[1:]):
        r = reverse.post(item)
        assert (r.status_code, result_of(r)["awaiting_seq"]) == (202, 1)
    assert len([h for h in srv.admin_json("held") if h["device_id"] == reverse.device_id]) == 6
    assert reverse.post(items[0]).status_code == 200
    acks = [result_of(reverse.post(item))["ack"]["ack"] for item in items]
    assert [a["status"] for a in acks] == ["applied"] * 7
    seqs = [a["server_seq"] for a in acks]
    assert seqs == sorted(seqs) and seqs == list(range(seqs[0], seqs[0] + 7))
    assert all(not a["conflicts"] for a in acks)
    rows = _rows(reverse)
    assert [rows[p] for p in pks_b] == [rows[p] for p in pks_a]
    assert rows[pks_b[0]]["note"] == "done" and rows[pks_b[0]]["expenditure_taka"] == "30.00"

    # The reversed run in ONE upload: held, then settled to acks in the same answer.
    batch = enrol_device(srv, "MoSW")
    items = [batch.seal(ops) for ops in _script([new_id() for _ in range(3)])]
    r = batch.post(*reversed(items))
    assert r.status_code == 200
    assert all(x["ack"]["ack"]["status"] == "applied" for x in r.json()["results"])


def test_t8_a_gap_never_filled_stays_held(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    items = [dev.seal([figure("MoSW")]) for _ in range(9)]
    for item in items[:4]:
        assert dev.post(item).status_code == 200
    head = dev.digest()["server_seq"]
    for item in items[5:]:
        r = dev.post(item)
        assert (r.status_code, result_of(r)["awaiting_seq"]) == (202, 5)
    time.sleep(1.0)
    r = dev.post(items[8])  # asking again changes nothing
    assert (r.status_code, result_of(r)["awaiting_seq"]) == (202, 5)
    held = [h for h in srv.admin_json("held") if h["device_id"] == dev.device_id]
    assert [h["device_seq"] for h in held] == [6, 7, 8, 9]
    assert {h["awaiting_seq"] for h in held} == {5}
    assert {h["reason"] for h in held} == {"awaiting_seq"}
    assert dev.digest()["server_seq"] == head  # never applied across the gap
    assert srv.admin_json("held", "--min-age-minutes", "60") == []

    # The client resends from 5: everything applies, in order.
    r = dev.post(*items[4:])
    assert r.status_code == 200
    assert [x["ack"]["ack"]["device_seq"] for x in r.json()["results"]] == [5, 6, 7, 8, 9]
    assert dev.digest()["server_seq"] >= head + 5
    assert not [h for h in srv.admin_json("held") if h["device_id"] == dev.device_id]


def test_t9_equivocation_suspends_the_key(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    observer = enrol_device(srv, "MoSW")
    pk = new_id()
    first = dev.seal([figure("MoSW", pk, note="original")])
    ok = dev.post(first)
    assert ok.status_code == 200
    rows_before = _rows(observer)
    clone = dev.seal([figure("MoSW", pk, note="clone")], seq=1, prev_hash="0" * 64,
                     advance=False)
    r = dev.post(clone)
    assert (r.status_code, _code(r)) == (409, "equivocation")
    assert _rows(observer) == rows_before
    assert rows_before[pk]["note"] == "original"

    [info] = [d for d in srv.admin_json("devices") if d["device_id"] == dev.device_id]
    assert info["status"] == "suspended" and info["keys"][0]["status"] == "suspended"
    events = [e for e in srv.admin_json("audit") if e["action"] == "equivocation"
              and e["device_id"] == dev.device_id]
    assert events and events[0]["details"]["key_suspended"] is True
    assert events[0]["details"]["stored_changeset_id"] == first["changeset"]["changeset_id"]

    # The stored set keeps its ack; anything new from the key is refused.
    again = result_of(dev.post(first))
    assert again["duplicate"] is True and ack_bytes(again) == ack_bytes(result_of(ok))
    r = dev.post(dev.seal([figure("MoSW")]))
    assert (r.status_code, _code(r)) == (403, "suspended")
    r = dev.pull()
    assert (r.status_code, _code(r)) == (403, "suspended")

    # The same changeset_id with other content is equivocation too (held sets included).
    other = observer
    held = other.seal([figure("MoSW")], seq=3, prev_hash="0" * 64, advance=False)
    assert other.post(held).status_code == 202
    forked = other.seal([figure("MoSW", note="fork")], seq=3, prev_hash="0" * 64,
                        advance=False)
    assert (other.post(forked).status_code, _code(other.post(forked))) == (409, "equivocation")


def test_t14_revocation(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    peer = enrol_device(srv, "MoSW")
    s1, s2, s3 = (dev.seal([figure("MoSW")]) for _ in range(3))
    acked = dev.post(s1)
    assert acked.status_code == 200
    assert dev.post(s3).status_code == 202  # held, waiting for 2
    out = srv.admin_json("revoke", "--device", dev.device_id, "--reason", "lost laptop")
    assert out["revoked_key_ids"] == [dev.key_id]
    assert out["quarantined"] == [s3["changeset"]["changeset_id"]]
    head = peer.digest()["server_seq"]

    # A resend of the acked set: its stored ack, not a re-apply.
    again = result_of(dev.post(s1))
    assert again["duplicate"] is True and ack_bytes(again) == ack_bytes(result_of(acked))
    # A new set: 403 revoked, kept in quarantine for review.
    r = dev.post(s2)
    assert (r.status_code, _code(r)) == (403, "revoked")
    assert result_of(r)["quarantined"] is True
    r = dev.post(s3)
    assert (r.status_code, _code(r)) == (403, "revoked")
    quarantined = {q["changeset_id"]: q["reason"] for q in srv.admin_json("quarantine")}
    assert quarantined[s2["changeset"]["changeset_id"]] == "revoked"
    assert quarantined[s3["changeset"]["changeset_id"]] == "revoked"
    assert peer.digest()["server_seq"] == head

    # Every other device learns of it in its next checkpoint.
    point = peer.pull(since=head).json()["checkpoint"]["checkpoint"]
    assert dev.key_id in point["revoked_key_ids"]
    actions = {e["action"] for e in srv.admin_json("audit") if e["device_id"] == dev.device_id}
    assert {"device_revoked", "changeset_quarantined"} <= actions
