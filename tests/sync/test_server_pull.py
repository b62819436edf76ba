"""Pull (R13, R16) and the sanity digest (R24) over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from nsss_desktop.domain.ids import new_id
from nsss_desktop.wire.envelope import GENESIS_HASH, log_entry_hash
from tests.sync.conftest import RunningServer
from tests.sync.craft import (
    delete,
    enrol_device,
    figure,
    server_keys,
    signing_keys,
    upsert,
    verify_checkpoint,
)


def _time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")


def test_pull_pages_whole_sets_with_a_chained_signed_checkpoint(server: RunningServer) -> None:
    keys = signing_keys(server_keys(server.base_url), server.root_public_key)
    msw = enrol_device(server, "MoSW")
    mof = enrol_device(server, "MoF")
    sizes = [3, 1, 7, 2, 2]
    kept = new_id()
    for i, n in enumerate(sizes):
        dev = msw if i % 2 == 0 else mof
        ops = [figure(dev.ministry_code) for _ in range(n)]
        if i == 0:
            ops[0] = figure("MoSW", kept)
        assert dev.post(dev.seal(ops)).status_code == 200
    assert msw.post(msw.seal([delete("figure", kept, owner="MoSW", base_rev=1)])).ok
    sizes.append(1)

    pages = msw.pull_all(limit=4)
    head_seq, head_hash = 0, GENESIS_HASH
    for page in pages:
        assert verify_checkpoint(page, keys)
        point = page["checkpoint"]["checkpoint"]
        for entry in page["log"]:  # the chain from the last known head
            assert entry["prev_entry_hash"] == head_hash
            assert entry["entry_hash"] == log_entry_hash(
                server_seq=entry["server_seq"], prev_entry_hash=head_hash,
                changeset_id=entry["changeset_id"], payload_sha256=entry["payload_sha256"])
            head_seq, head_hash = entry["server_seq"], entry["entry_hash"]
        assert (point["server_seq"], point["head_hash"]) == (head_seq, head_hash)
        assert page["next_since"] == head_seq
        assert point["environment"] == server.environment
        assert _time(point["expires_at"]) - _time(point["issued_at"]) == timedelta(hours=24)
        # Whole change sets only: every set's rows are on one page, in (seq, op_index) order.
        seqs = [r["server_seq"] for r in page["rows"]]
        assert seqs == sorted(seqs)
        for entry in page["log"]:
            assert seqs.count(entry["server_seq"]) == sizes[entry["server_seq"] - 1]
        assert len(page["rows"]) <= 4 or len(page["log"]) == 1  # a large set comes whole
    assert [p["more"] for p in pages] == [True] * (len(pages) - 1) + [False]
    assert head_seq == len(sizes)
    rows = [r for p in pages for r in p["rows"]]
    assert len(rows) == sum(sizes)
    assert rows[-1]["pk"] == kept and rows[-1]["deleted"] is True
    assert rows[0]["data"]["expenditure_taka"] == "1974.34"  # money stays a string

    # Nothing new: an empty page, checkpoint at the head. A cursor beyond the head (a server
    # restored from a backup) gets the lower head, so the client can see the rollback.
    empty = msw.pull(since=head_seq).json()
    assert (empty["rows"], empty["log"], empty["more"]) == ([], [], False)
    assert empty["checkpoint"]["checkpoint"]["server_seq"] == head_seq
    ahead = msw.pull(since=head_seq + 10).json()
    assert ahead["checkpoint"]["checkpoint"]["server_seq"] == head_seq
    assert ahead["next_since"] == head_seq + 10
    for params in ({"limit": 0}, {"limit": 5001}, {"since": -1}, {"since": "x"}):
        r = msw.http.get(f"{server.base_url}/v1/pull", params=params, headers=msw.headers(),
                         timeout=30)
        assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_request")


def test_digest_matches_what_a_client_computes(server: RunningServer) -> None:
    msw = enrol_device(server, "MoSW")
    mof = enrol_device(server, "MoF")
    a, b = new_id(), new_id()
    assert msw.post(msw.seal([figure("MoSW", a), figure("MoSW", b)])).ok
    assert mof.post(mof.seal([figure("MoF")])).ok
    assert msw.post(msw.seal([upsert("figure", a, owner="MoSW", base_rev=1,
                                     set={"note": "x"}),
                              delete("figure", b, owner="MoSW", base_rev=1)])).ok
    revs: dict[tuple[str, str], tuple[int, str, bool]] = {}
    for page in msw.pull_all():
        for row in page["rows"]:
            revs[(row["table"], row["pk"])] = (row["server_seq"], row["owner"], row["deleted"])

    def expected(owner: str | None) -> str:
        sha = hashlib.sha256()
        for (table, pk), (rev, own, _) in sorted(revs.items()):
            if owner is None or own == owner:
                sha.update(f"{table}\t{pk}\t{rev}\n".encode())
        return sha.hexdigest()

    everything = msw.digest("all")
    mine = msw.digest("ministry")
    assert everything["sha256"] == expected(None) and everything["row_count"] == 3
    assert mine["sha256"] == expected("MoSW") and mine["ministry_code"] == "MoSW"
    assert mine["tables"]["figure"] == {"rows": 1, "deleted": 1}
    assert mof.digest("ministry")["tables"]["figure"] == {"rows": 1, "deleted": 0}
    assert everything["server_seq"] == 3
