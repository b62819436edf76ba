"""T10: Hypothesis flips bytes in a signed change set (ops, signature, key_id, device_id,
prev_hash, or anywhere in its JSON); every mutant is refused with a specific 4xx, no server_seq
is consumed and no row changes. 10,000 mutants on each backend (100 batches of 100)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nsss_desktop.wire.canonical import WireError, strict_loads
from tests.sync.conftest import RunningServer
from tests.sync.craft import Device, enrol_device, figure, upsert

BATCH = 100
EXAMPLES = {"sqlite": 100, "postgresql": 100}
TARGETS = ("ops", "signature", "key_id", "device_id", "prev_hash", "anywhere")
# The specific refusals a mutant may get (each 4xx; which one depends on the flipped byte).
EXPECTED = {
    "bad_signature", "unknown_key", "invalid_envelope", "chain_break", "malformed",
    "lone_surrogate", "invalid_batch", "unsupported_format", "duplicate_key", "float_number",
    "not_a_number", "integer_too_large", "too_deep",
}


def _flip(data: bytes, position: int, bit: int) -> bytes:
    i = position % len(data)
    return data[:i] + bytes([data[i] ^ (1 << bit)]) + data[i + 1:]


def _spans(text: bytes, item: dict[str, Any], target: str) -> tuple[int, int]:
    """The byte range of the target field's value inside the serialised item."""
    if target == "anywhere":
        return 0, len(text)
    part = item["signature"] if target == "signature" else item["changeset"][target]
    value = json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode()
    start = text.index(value)
    return start, start + len(value)


def mutate(item: dict[str, Any], text: bytes, target: str, position: int, bit: int) -> bytes:
    start, end = _spans(text, item, target)
    return text[:start] + _flip(text[start:end], position, bit) + text[end:]


def test_t10_tampered_sets_are_all_refused(server: RunningServer) -> None:
    dev: Device = enrol_device(server, "MoSW")
    assert dev.post(dev.seal([figure("MoSW")])).status_code == 200
    # The victim: the device's next set, valid and in order, with Bangla text and money.
    victim = dev.seal([figure("MoSW", note="বাজেট"),
                       upsert("figure", owner="MoSW", set={"expenditure_taka": "12.50"})],
                      advance=False)
    text = json.dumps(victim, ensure_ascii=False, separators=(",", ":")).encode()
    before = dev.digest("all")
    seen: dict[str, int] = {}
    count = 0

    mutation = st.tuples(st.sampled_from(TARGETS), st.integers(0, 10**6), st.integers(0, 7))

    @settings(max_examples=EXAMPLES[server.backend], deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(mutation, min_size=BATCH, max_size=BATCH))
    def check(mutations: list[tuple[str, int, int]]) -> None:
        nonlocal count
        batch: list[bytes] = []
        alone: list[bytes] = []
        for target, position, bit in mutations:
            mutant = mutate(victim, text, target, position, bit)
            assert mutant != text
            try:
                ok = isinstance(strict_loads(mutant), dict)
            except WireError:
                ok = False
            (batch if ok else alone).append(mutant)
        answers = []
        if batch:
            r = dev.post_raw(b'{"changesets":[' + b",".join(batch) + b"]}")
            assert r.status_code in (207, 400, 403, 409, 413, 422), r.text
            body = r.json()
            if "results" in body:
                answers += [(x["status_code"], x["error"]["code"]) for x in body["results"]]
            else:  # a whole-body refusal (e.g. a byte that breaks UTF-8 in the batch)
                answers += [(r.status_code, body["error"]["code"])] * len(batch)
        for mutant in alone:
            r = dev.post_raw(b'{"changesets":[' + mutant + b"]}")
            answers.append((r.status_code, r.json()["error"]["code"]))
        for status, code in answers:
            assert 400 <= status < 500 and code in EXPECTED, (status, code)
            seen[code] = seen.get(code, 0) + 1
        count += len(mutations)

    check()
    assert count >= EXAMPLES[server.backend] * BATCH
    assert dev.digest("all") == before  # no server_seq consumed, no row changed
    assert {"bad_signature", "unknown_key"} <= set(seen), seen
    # The genuine set still applies at the very next server_seq.
    r = dev.post(victim)
    assert r.status_code == 200
    assert r.json()["results"][0]["ack"]["ack"]["server_seq"] == before["server_seq"] + 1
