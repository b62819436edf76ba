"""The one error type of the server API, and its wire form.

Every refusal is ``{"error": {"code", "message", "path"?, "op_index"?}}`` with a specific 4xx
(docs/sync.md §3): clients and tests match on ``code``, people read ``message``.
"""

from __future__ import annotations

from typing import Any

from nsss_desktop.wire.canonical import WireError


class ApiError(Exception):
    """A refusal with its HTTP status and stable code. `extra` adds fields to the answer
    (``awaiting_seq``, ``upload_offset``...) outside the ``error`` object."""

    def __init__(self, status: int, code: str, message: str, *, path: str = "",
                 op_index: int | None = None, extra: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.path = path
        self.op_index = op_index
        self.extra = extra or {}
        self.headers = headers or {}

    @classmethod
    def from_wire(cls, exc: WireError, *, op_index: int | None = None) -> ApiError:
        return cls(exc.status, exc.code, exc.message, path=exc.path, op_index=op_index)

    def error_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.path:
            out["path"] = self.path
        if self.op_index is not None:
            out["op_index"] = self.op_index
        return out

    def body(self) -> dict[str, Any]:
        return {"error": self.error_dict(), **self.extra}
