"""Typed sync failures, each with a message a ministry officer can act on (errors.py style)."""

from __future__ import annotations

from nsss_desktop.errors import NsssError


class SyncError(NsssError):
    """Sync could not be done; nothing was lost (sealed change sets stay in the outbox)."""

    code, exit_code = "sync_error", 15


class NotEnrolled(SyncError):
    code, exit_code = "not_enrolled", 15


class SyncUnavailable(SyncError):
    """The server could not be reached (after the retries), or kept answering 5xx/429."""

    code, exit_code = "sync_unavailable", 16


class SyncRefused(SyncError):
    """The server refused a request for good (400/403/409/413/422/426): never retried.

    `error_code` is the server's stable code (``bad_code``, ``forbidden_op``, ...)."""

    code, exit_code = "sync_refused", 17

    def __init__(self, message: str, *, status: int, error_code: str, hint: str = "",
                 path: str = "", op_index: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.error_code = error_code
        self.path = path
        self.op_index = op_index


class SyncForbidden(SyncError):
    """A local edit touches rows another ministry owns: refused before anything is written."""

    code, exit_code = "sync_forbidden", 17


class SyncTampered(SyncError):
    """Something the server sent does not verify (signature, chain, rollback, freeze)."""

    code, exit_code = "sync_untrusted", 18
