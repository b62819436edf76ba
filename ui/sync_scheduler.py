"""Automatic background sync: every few minutes, when the installation is enrolled and the GED
server answers, run one sync in a worker (no dialog, never blocking the window).

One scheduler per main window. A manual "Sync now" and the timer never overlap: both go
through `run_now`, which does nothing while a sync is running. The interval can be set with
`NSSS_SYNC_INTERVAL_S` (0 turns automatic sync off), for offices that pay per megabyte.
"""

from __future__ import annotations

import os
from typing import Any

from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import probe, run, status
from nsss_desktop.tasks import TaskState
from ui.jobs import Job
from ui.qt import QObject, QTimer, Signal, qconnect

DEFAULT_INTERVAL_S = 300
FIRST_DELAY_S = 20


def interval_seconds() -> int:
    try:
        return max(0, int(os.environ.get("NSSS_SYNC_INTERVAL_S", DEFAULT_INTERVAL_S)))
    except ValueError:
        return DEFAULT_INTERVAL_S


class SyncScheduler(QObject):
    """Emits `started`, `progressed(fraction, text)`, `finished(result)` or `failed(error)`,
    and `skipped(reason)` when the timer fired but no sync was attempted."""

    started = Signal()
    progressed = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    skipped = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._job: Job[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(False)
        qconnect(self._timer.timeout, self._tick)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        qconnect(self._first.timeout, self._tick)
        seconds = interval_seconds()
        if seconds:
            self._timer.start(seconds * 1000)
            self._first.start(min(FIRST_DELAY_S, seconds) * 1000)

    @property
    def running(self) -> bool:
        return self._job is not None and not self._job.done

    def cancel(self) -> None:
        if self.running and self._job is not None:
            self._job.cancel()

    def stop(self) -> None:
        self._timer.stop()
        self._first.stop()
        self.cancel()

    def _tick(self) -> None:
        if not self.running:
            self.run_now(automatic=True)

    def run_now(self, *, automatic: bool = False) -> bool:
        """Start a sync in a worker; False when one is already running."""
        if self.running:
            return False
        db = self._db

        def work(state: TaskState) -> Any:
            summary = status.status(db, receipt_limit=0)
            if not summary.enrolled:
                return "not enrolled"
            if automatic and not probe.reachable(summary.server_url or ""):
                return "unreachable"
            return run.sync_now(db, progress=lambda f, text: (state.set_status(text),
                                                              state.set_progress(f)),
                                cancel=state)

        self._job = Job(None, work, progress=False)
        self._job.progress(self.progressed.emit).success(self._done).failure(self.failed.emit)
        self._job.start()
        self.started.emit()
        return True

    def _done(self, result: Any) -> None:
        if isinstance(result, str):
            self.skipped.emit(result)
        else:
            self.finished.emit(result)
