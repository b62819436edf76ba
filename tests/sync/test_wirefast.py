"""The server's fast canonical JSON must give exactly the bytes and errors of the shared wire
module (`nsss_desktop.wire.canonical`, RFC 8785 via `rfc8785`): one byte of difference would
make every signature fail, or worse, accept what the desktop would refuse."""

from __future__ import annotations

import json

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from nsss_desktop.wire import canonical
from nsss_desktop.wire.canonical import WireError
from sync import wirefast

SAFE = 2**53 - 1
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)
scalars = st.none() | st.booleans() | st.integers(-SAFE, SAFE) | text
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(text, inner, max_size=4), max_leaves=20)


@settings(max_examples=1500, deadline=None)
@given(values)
def test_canonical_bytes_equal_rfc8785(value):
    assert wirefast.canonical(value) == rfc8785.dumps(value)


def _outcome(fn, raw):
    try:
        return ("ok", fn(raw))
    except WireError as exc:
        return ("error", exc.code, exc.status, exc.path)


@settings(max_examples=1500, deadline=None)
@given(values, st.data())
def test_strict_loads_agrees_with_the_wire_module(value, data):
    raw = json.dumps(value, ensure_ascii=data.draw(st.booleans())).encode()
    # mutate: maybe flip one byte, so malformed and suspicious texts are compared too
    if raw and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:i] + bytes([data.draw(st.integers(0, 255))]) + raw[i + 1:]
    assert _outcome(wirefast.strict_loads, raw) == _outcome(canonical.strict_loads, raw)


def test_the_refusals_are_the_same():
    for raw in (b'{"a":1,"a":2}', b'{"x":1.5}', b'{"x":NaN}', b'{"x":"\\ud800"}', b"\xff",
                b'{"x":9007199254740992}', b"[" * 40 + b"]" * 40):
        assert _outcome(wirefast.strict_loads, raw) == _outcome(canonical.strict_loads, raw)
