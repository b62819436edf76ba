"""Uploads (docs/sync.md §3.4) over real HTTP, on SQLite and PostgreSQL: idempotency (T1),
encodings (T11), cross-context replay (T12) and the specific 4xx of every refusal."""

from __future__ import annotations

import json
import threading
from typing import Any

import requests

from nsss_desktop.domain.ids import new_id
from tests.sync.conftest import RunningServer
from tests.sync.craft import (
    Device,
    ack_bytes,
    delete,
    enrol_device,
    figure,
    result_of,
    server_keys,
    signing_keys,
    upsert,
    verify_ack,
)


def _error(r: requests.Response) -> dict[str, Any]:
    return r.json()["error"]


def _state(dev: Device) -> tuple[int, int, str]:
    d = dev.digest("all")
    return d["server_seq"], d["row_count"], d["sha256"]


def test_t1_same_set_sequential_and_concurrent_applies_once(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    keys = signing_keys(server_keys(srv.base_url), srv.root_public_key)
    seq0, rows0, _ = _state(dev)

    item = dev.seal([figure("MoSW", period_no=i) for i in range(1, 6)])
    answers = [dev.post(item) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    results = [result_of(a) for a in answers]
    assert [r["duplicate"] for r in results] == [False, True, True]
    assert results[0]["ack"]["ack"]["status"] == "applied"
    assert len({ack_bytes(r) for r in results}) == 1
    assert len({r["ack"]["signature"] for r in results}) == 1
    assert all(verify_ack(r, keys) for r in results)

    # Five concurrent copies of a large set: one applies, the others wait their turn (200
    # duplicate) or are told it is in progress (409); never a 5xx.
    big = dev.seal([figure("MoSW", period_no=i) for i in range(400)])
    barrier = threading.Barrier(5)
    out: list[requests.Response] = []
    lock = threading.Lock()

    def send() -> None:
        http = requests.Session()
        barrier.wait()
        r = http.post(f"{srv.base_url}/v1/changesets", data=json.dumps({"changesets": [big]}),
                      headers={**dev.headers(), "Content-Type": "application/json",
                               "Idempotency-Key": big["changeset"]["changeset_id"]}, timeout=60)
        with lock:
            out.append(r)

    threads = [threading.Thread(target=send) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted({r.status_code for r in out}) <= [200, 409]
    assert all(_error(r)["code"] == "in_progress" for r in out if r.status_code == 409)
    oks = [result_of(r) for r in out if r.status_code == 200]
    assert oks and sum(not r["duplicate"] for r in oks) <= 1
    again = result_of(dev.post(big))
    assert again["duplicate"] is True
    assert {ack_bytes(r) for r in oks} == {ack_bytes(again)}

    seq1, rows1, _ = _state(dev)
    assert (seq1 - seq0, rows1 - rows0) == (2, 5 + 400)


def test_t11_encoding_variants_verify_and_bad_numbers_are_refused(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    item = dev.seal([figure("MoSW", note="বাজেট সংশোধিত — \u00e9", explanation="A/B")])
    # Keys reversed, other whitespace, every non-ASCII character and one ASCII as \u escapes.
    def reorder(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: reorder(value[k]) for k in reversed(list(value))}
        if isinstance(value, list):
            return [reorder(v) for v in value]
        return value

    text = json.dumps({"changesets": [reorder(item)]}, ensure_ascii=True, indent=3)
    text = text.replace('"A/B"', '"\\u0041\\/B"')
    assert "\\u09ac" in text
    r = dev.post_raw(text.encode())
    assert r.status_code == 200, r.text
    assert result_of(r)["ack"]["ack"]["status"] == "applied"
    assert result_of(dev.post(item))["duplicate"] is True  # the same set, other bytes

    before = _state(dev)
    clean = json.dumps({"changesets": [dev.seal([figure("MoSW")], advance=False)]})
    money = '"expenditure_taka": "1974.34"'
    assert money in clean
    cases = [
        (clean.replace(money, '"expenditure_taka": 1974.34'), "float_number",
         "$.changesets[0].changeset.ops[0].set.expenditure_taka"),
        (clean.replace(money, '"expenditure_taka": NaN'), "not_a_number",
         "$.changesets[0].changeset.ops[0].set.expenditure_taka"),
        (clean.replace(money, money + ', "expenditure_taka": "1.00"'), "duplicate_key",
         "$.changesets[0].changeset.ops[0].set.expenditure_taka"),
    ]
    for body, code, path in cases:
        r = dev.post_raw(body.encode())
        assert r.status_code == 422, r.text
        assert (_error(r)["code"], _error(r)["path"]) == (code, path)
    assert _state(dev) == before  # nothing applied, no server_seq consumed

    # A validly signed set with an amount of three decimals: refused with the op named,
    # recorded as rejected with a signed ack, and the device's chain moves on.
    bad = dev.seal([figure("MoSW"), figure("MoSW", expenditure_taka="1974.345")])
    r = dev.post(bad)
    assert r.status_code == 422
    res = result_of(r)
    assert (res["error"]["code"], res["error"]["op_index"]) == ("bad_amount", 1)
    assert res["error"]["path"] == "$.changeset.ops[1].set.expenditure_taka"
    assert res["ack"]["ack"]["status"] == "rejected" and res["ack"]["ack"]["server_seq"] is None
    assert _state(dev)[:2] == before[:2]
    again = dev.post(bad)
    assert (again.status_code, result_of(again)["duplicate"]) == (422, True)
    assert ack_bytes(result_of(again)) == ack_bytes(res)
    assert dev.post(dev.seal([figure("MoSW")])).status_code == 200


def test_t12_cross_device_and_cross_environment_replay(srv: RunningServer) -> None:
    a = enrol_device(srv, "MoSW")
    b = enrol_device(srv, "MoSW")
    before = _state(a)
    item = a.seal([figure("MoSW")], advance=False)
    r = b.post(item)
    assert (r.status_code, _error(r)["code"]) == (403, "device_mismatch")
    staging = a.seal([figure("MoSW")], advance=False, environment="ged-staging")
    r = a.post(staging)
    assert (r.status_code, _error(r)["code"]) == (403, "wrong_environment")
    assert _state(a) == before
    assert a.post(item).status_code == 200  # the genuine route still works


def test_upload_refusals_are_specific(srv: RunningServer) -> None:
    dev = enrol_device(srv, "MoSW")
    before = _state(dev)

    def code_of(r: requests.Response) -> tuple[int, str]:
        return r.status_code, _error(r)["code"]

    assert code_of(dev.post_raw(b"{" * 10)) == (400, "malformed")
    assert code_of(dev.post_raw(b"\xff\xfe")) == (400, "malformed")
    assert code_of(dev.post_raw(b"[]")) == (422, "invalid_batch")
    assert code_of(dev.post_raw(b'{"changesets": []}')) == (422, "invalid_batch")
    assert code_of(dev.post_raw(b'{"changesets": [1]}')) == (422, "invalid_batch")
    big = b'{"changesets": ["' + b"x" * (2 * 1024 * 1024) + b'"]}'
    assert code_of(dev.post_raw(big)) == (413, "too_large")
    many = dev.seal([], advance=False)
    assert code_of(dev.post(*[many] * 101)) == (413, "too_large")
    huge = dev.seal([figure("MoSW", note="x" * 4000) for _ in range(300)], advance=False)
    assert code_of(dev.post(huge)) == (413, "too_large")

    def one(**kwargs: Any) -> tuple[int, str]:
        return code_of(dev.post(dev.seal([figure("MoSW")], advance=False, **kwargs)))

    assert one(schema_version="0004") == (426, "upgrade_required")
    assert one(schema_version="9999") == (422, "unknown_schema_version")
    assert one(prev_hash="ab" * 32) == (409, "chain_break")
    assert one(format="nsss-cs/2") == (422, "unsupported_format")
    assert one(changeset_id="not-a-uuid") == (422, "invalid_envelope")
    assert one(key_id="0" * 32) == (403, "unknown_key")
    forged = dev.seal([figure("MoSW")], advance=False)
    forged["changeset"]["ops"][0]["set"]["expenditure_taka"] = "9999999.00"
    assert code_of(dev.post(forged)) == (403, "bad_signature")
    assert _state(dev) == before

    # Value and schema refusals of validly signed, in-order sets name the op (422) and are
    # recorded as rejected: each consumes its device_seq.
    for op, code in [
        (upsert("no_such_table", owner="MoSW", set={"x": 1}), "unknown_table"),
        (upsert("figure", owner="MoSW", set={"no_such_column": 1}), "unknown_column"),
        (upsert("figure", owner="MoSW", set={"fiscal_year": "2025"}), "bad_value"),
        (delete("status_event", new_id(), owner="MoSW", base_rev=1), "append_only"),
    ]:
        r = dev.post(dev.seal([figure("MoSW"), op]))
        assert r.status_code == 422 and result_of(r)["error"]["code"] == code, r.text
        assert result_of(r)["error"]["op_index"] == 1
    pk = new_id()
    r = dev.post(dev.seal([figure("MoSW", pk), figure("MoSW", pk)]))
    assert (r.status_code, result_of(r)["error"]["code"]) == (422, "duplicate_row")
    r = dev.post(dev.seal([figure("MoSW")], ministry_code="MoF"))
    assert (r.status_code, result_of(r)["error"]["code"]) == (403, "ministry_mismatch")
    assert _state(dev) == before

    # Several sets in one upload: 207 when one of them is refused.
    ok = dev.seal([figure("MoSW")])
    refused = dev.seal([figure("MoSW")], advance=False, environment="ged-other")
    r = dev.post(ok, refused)
    assert r.status_code == 207
    assert [x["status_code"] for x in r.json()["results"]] == [200, 403]
    assert _state(dev)[0] == before[0] + 1
