"""Strict JSON in, RFC 8785 (JCS) canonical bytes out.

Signatures are made and checked over canonical bytes, so two semantically equal documents
(reordered keys, other whitespace, ``\\u`` escapes) verify alike (T11). What I-JSON forbids is
refused with the path of the offending field: duplicate keys, NaN/Infinity, lone surrogates,
and *any* non-integer number, because money never travels as a JSON number (a float amount is
how ``1974.340000000001`` happens) and nothing else in the format is fractional.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import rfc8785

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 32


class WireError(ValueError):
    """A document broke the wire format. `code` is stable (clients and tests match on it),
    `status` the HTTP status the server answers with, `path` the JSON path of the field."""

    def __init__(self, code: str, message: str, *, status: int = 422, path: str = "") -> None:
        super().__init__(f"{message} (at {path})" if path else message)
        self.code = code
        self.message = message
        self.status = status
        self.path = path

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.path:
            out["path"] = self.path
        return out


class _Float:
    """Marks a non-integer number found while parsing; reported with its path afterwards."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Constant:
    def __init__(self, text: str) -> None:
        self.text = text


class _DuplicateKey:
    def __init__(self, key: str) -> None:
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            out[key] = _DuplicateKey(key)  # reported with its path by _check
            continue
        out[key] = value
    return out


def strict_loads(data: bytes | str) -> Any:
    """Parse JSON the way the server must: UTF-8 only, I-JSON only. Raises `WireError`."""
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise WireError("malformed", f"not UTF-8 text: byte {exc.start} is invalid",
                            status=400) from None
    else:
        text = data
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_float=_Float,
                           parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        raise WireError("malformed", f"not valid JSON: {exc.msg} at line {exc.lineno} column "
                        f"{exc.colno}", status=400) from None
    except RecursionError:
        raise WireError("malformed", "JSON nested too deeply", status=400) from None
    check_ijson(value)
    return value


def check_ijson(value: Any, path: str = "$", depth: int = 0) -> None:
    """Refuse what I-JSON (RFC 7493) and this format forbid, naming the field."""
    if depth > MAX_DEPTH:
        raise WireError("too_deep", f"nested more than {MAX_DEPTH} levels", path=path)
    if isinstance(value, _DuplicateKey):
        raise WireError("duplicate_key", f"the key {value.key!r} appears twice", path=path)
    if isinstance(value, _Float):
        raise WireError("float_number", f"{value.text} is a non-integer number; amounts travel "
                        "as decimal strings such as \"1974.34\"", path=path)
    if isinstance(value, _Constant):
        raise WireError("not_a_number", f"{value.text} is not allowed in JSON", path=path)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise WireError("not_a_number", "NaN and Infinity are not allowed", path=path)
        raise WireError("float_number", f"{value!r} is a non-integer number; amounts travel "
                        "as decimal strings such as \"1974.34\"", path=path)
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise WireError("integer_too_large", f"{value} is beyond 2^53; send it as a string",
                            path=path)
        return
    if isinstance(value, str):
        _check_text(value, path)
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_ijson(item, f"{path}[{i}]", depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, path)
            check_ijson(item, f"{path}.{key}", depth + 1)
        return
    raise WireError("bad_type", f"{type(value).__name__} cannot travel as JSON", path=path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: str, path: str) -> None:
    if _SURROGATE.search(text) is not None:
        raise WireError("lone_surrogate", "text holds a lone UTF-16 surrogate", path=path)


def canonical(value: Any) -> bytes:
    """RFC 8785 canonical bytes of `value`, after the I-JSON checks."""
    check_ijson(value)
    return rfc8785.dumps(value)
