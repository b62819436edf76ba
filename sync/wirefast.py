"""Fast paths of `nsss_desktop.wire.canonical` for the server: same results, C speed.

The wire module walks every parsed value in Python to enforce I-JSON, and serialises RFC 8785
with the pure-Python `rfc8785` package: right for the desktop, too slow for the server's hot
paths (every upload body, its envelopes, acks and answers; every pull page). Here:

`strict_loads(raw)` parses with the standard library's C parser, stopping at anything the
checks could refuse (a non-integer number, ``NaN``/``Infinity``, a duplicate key), screens the
text for surrogates (valid UTF-8 holds none, so only a ``\\u`` escape can make one), then walks
the containers without building paths (integers within 2^53, at most 32 levels). When nothing
is suspect the value is the one `canonical.strict_loads` returns; whenever something is, or the
text is not UTF-8 or JSON, it returns ``canonical.strict_loads(raw)`` instead, which raises the
very same `WireError`, path included (or returns the value: the screen is never looser than
the checks).

`canonical(value)`: for a document that already passed the checks, the C encoder gives the same
bytes as RFC 8785:

- strings: `json` with ``ensure_ascii=False`` escapes exactly what RFC 8785 escapes (``"``,
  ``\\\\``, the short forms ``\\b \\f \\n \\r \\t`` and ``\\u00xx`` for the other controls,
  lowercase hex) and writes everything else as UTF-8;
- integers (at most 2^53 - 1, which the checks guarantee) print the same; ``true``, ``false``,
  ``null`` too; there are no other numbers (the checks refuse non-integers);
- object keys: RFC 8785 sorts them by UTF-16 code units, ``sort_keys`` by code points. The two
  orders differ only between characters above U+FFFF and characters U+E000..U+FFFF, so when the
  text holds any character above U+FFFF the pure-Python serialiser is used instead.

Preconditions of `canonical` (the server's documents meet them by construction): the value
went through `strict_loads`/`check_ijson`, or is built by the server from such values, ints and
ASCII text; no floats, no lone surrogates, only string keys.
"""

from __future__ import annotations

import json
import re
from typing import Any

import rfc8785

from nsss_desktop.wire import canonical as wire

_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           allow_nan=False, check_circular=False).encode
_ABOVE_BMP = re.compile("[\U00010000-\U0010ffff]")

# The screen of `strict_loads`.
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX = wire.MAX_SAFE_INTEGER


class _Suspect(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # a duplicate key
        raise _Suspect
    return out


def _refuse(_text: str) -> Any:
    raise _Suspect  # a non-integer number, NaN or Infinity


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_float=_refuse,
                            parse_constant=_refuse)


def strict_loads(raw: bytes | str) -> Any:
    """`canonical.strict_loads(raw)`, faster (see the module docstring)."""
    try:
        if isinstance(raw, bytes | bytearray):
            text = bytes(raw).decode("utf-8")
            # Valid UTF-8 holds no surrogate: only a \u escape can make one.
            if "\\ud" in text or "\\uD" in text:
                raise _Suspect
        else:
            text = raw
            if "\\ud" in text or "\\uD" in text or _RAW_SURROGATE.search(text) is not None:
                raise _Suspect
        value = _DECODER.decode(text)
        if isinstance(value, dict | list) and not _plain(value, 1):
            raise _Suspect
        if type(value) is int and not -_MAX <= value <= _MAX:
            raise _Suspect
        return value
    except (_Suspect, ValueError, RecursionError):
        return wire.strict_loads(raw)


def _plain(container: dict[str, Any] | list[Any], depth: int) -> bool:
    """Whether nothing in `container` (whose items are at `depth`) needs the checks' eyes:
    integers within 2^53, at most MAX_DEPTH levels. (Strings and keys were screened as text;
    floats, constants and duplicate keys stopped the parse.)"""
    for item in container.values() if type(container) is dict else container:
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if -_MAX <= item <= _MAX:
                continue
            return False
        if kind is dict or kind is list:
            if depth >= wire.MAX_DEPTH or not _plain(item, depth + 1):
                return False
            continue
        return False
    return True


def canonical(value: Any) -> bytes:
    """The RFC 8785 bytes of an already checked `value` (see the module docstring)."""
    text = _ENCODE(value)
    if _ABOVE_BMP.search(text) is not None:
        return rfc8785.dumps(value)
    return text.encode("utf-8")


__all__ = ["canonical", "strict_loads"]
