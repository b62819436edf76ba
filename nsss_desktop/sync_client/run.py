"""`sync_now`: push, then pull, then push again if something is still waiting — with a
progress callback `(fraction, text)` and a cancel token (a `tasks.TaskState`), so the GUI runs
it in a worker thread and the CLI runs it as is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import SyncState
from nsss_desktop.sync_client import enrol, push, status
from nsss_desktop.sync_client.errors import NotEnrolled, SyncError, SyncRefused
from nsss_desktop.sync_client.http import ServerClient, check_cancel
from nsss_desktop.sync_client.identity import utc_now
from nsss_desktop.sync_client.pull import PullResult, pull

Progress = Callable[[float, str], None] | None


@dataclass
class SyncResult:
    pushed: push.PushResult = field(default_factory=push.PushResult)
    pulled: PullResult = field(default_factory=PullResult)
    status: status.SyncStatus | None = None
    refusal: SyncRefused | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None and not self.pulled.stale

    def lines(self) -> list[str]:
        p, q = self.pushed, self.pulled
        out = [f"Sent {p.sent} change set(s): {p.acked} delivered"
               + (f" ({p.duplicates} already there)" if p.duplicates else "")
               + f", {p.held} held, {p.rejected} refused, {p.quarantined} quarantined; "
               f"{p.conflicts} new conflict(s).",
               f"Received {q.applied} changed row(s) ({q.unchanged} already current) in "
               f"{q.pages} page(s); server log seen up to {q.cursor}."]
        if q.skipped:
            out.append(f"{len(q.skipped)} server change(s) wait until local edits to the same "
                       "rows are delivered.")
        if q.stale:
            out.append("The server's checkpoint has expired: the data is marked stale, not "
                       "synced.")
        out += p.notes + q.notes
        return out


def _scaled(progress: Progress, start: float, end: float) -> Progress:
    if progress is None:
        return None
    return lambda f, text: progress(start + (end - start) * max(0.0, min(1.0, f)), text)


def _record(db: Database, *, synced: bool, error: str) -> None:
    with db.unit_of_work(origin="sync", description="Sync: finished") as uow:
        st = uow.session.get(SyncState, 1)
        if st is not None:
            if synced:
                st.last_sync_at = utc_now()
            st.last_error = error


def sync_now(db: Database, *, progress: Progress = None, cancel: Any = None,
             client: ServerClient | None = None) -> SyncResult:
    """One sync: push, pull, push again if needed. Raises what stops it (network, a server
    that does not verify, cancel); a refused change set is returned in `refusal`."""
    ident = enrol.load(db)
    if ident is None:
        raise NotEnrolled("This installation is not enrolled with a GED server.",
                          hint="Enrol it: nsss-desktop sync enrol --server URL --code CODE "
                               "--root-key KEY.")
    own = client is None
    client = client or ServerClient(ident.server_url, ident, db=db, cancel=cancel,
                                    allow_http=True)
    result = SyncResult()
    try:
        if progress:
            progress(0.0, "Sending changes…")
        result.pushed = push.push(db, client, progress=_scaled(progress, 0.0, 0.4),
                                  cancel=cancel)
        check_cancel(cancel)
        if progress:
            progress(0.4, "Receiving changes…")
        result.pulled = pull(db, client, progress=_scaled(progress, 0.4, 0.9), cancel=cancel)
        check_cancel(cancel)
        if result.pushed.refusal is None and push.open_sets(db, client.identity):
            again = push.push(db, client, progress=_scaled(progress, 0.9, 1.0), cancel=cancel)
            result.pushed.add(again)
        result.refusal = result.pushed.refusal
        _record(db, synced=result.ok,
                error=result.refusal.message if result.refusal else "")
    except SyncError as exc:
        _record(db, synced=False, error=exc.message)
        raise
    finally:
        if own:
            client.close()
    if progress:
        progress(1.0, "Sync finished")
    result.status = status.status(db)
    return result
