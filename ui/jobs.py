"""The one background-job primitive: a core function taking a `TaskState`, run off the GUI thread.

    Job(parent, lambda state: build_demo(db, task=state), title=tr("Loading…")) \\
        .success(on_done).failure(on_error).start()

The function runs in a `QThreadPool` worker. Its progress reaches the GUI through queued
signals, where a `QProgressDialog` shows it; Cancel calls `TaskState.cancel()`, and the core
stops at its next `check()`. `success` and `failure` always run on the GUI thread. The worker
never touches a widget (rule 4). Qt owns the job (a child of the application) until its
callbacks have run, then deletes it with deleteLater(), never from the worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from nsss_desktop.tasks import TaskState
from ui import core_text
from ui.qt import (
    QCoreApplication,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    is_alive,
    on_gui_thread,
    qconnect,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
QUEUED = Qt.ConnectionType.QueuedConnection


class _Signals(QObject):
    """Lives on the GUI thread; the worker only emits, Qt queues the calls across threads."""

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._state, self._signals = fn, state, signals

    def run(self) -> None:  # worker thread: no widgets here
        try:
            result = self._fn(self._state)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Job(QObject, Generic[T]):
    """One run of `fn(state)` with optional progress dialog, cancel and GUI-thread callbacks."""

    _running: set[Job[Any]] = set()

    def __init__(self, parent: QWidget | None, fn: Callable[[TaskState], T], *,
                 title: str = "", progress: bool = True, cancellable: bool = True,
                 min_duration_ms: int = 400) -> None:
        # Owned by the application, not by Python: the job must outlive its last Python
        # reference until its queued result is delivered, and it must never be destroyed by a
        # garbage collection on the worker thread or inside its own slot. `_finish` schedules
        # the deletion with deleteLater(), which Qt runs on the GUI thread once the slot is done.
        super().__init__(QCoreApplication.instance())
        self._parent, self._fn, self._title = parent, fn, title
        self._show_progress, self._cancellable = progress, cancellable
        self._min_duration_ms = min_duration_ms
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[float, str], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._signals = _Signals(self)
        self.state = TaskState(self._signals.progress.emit)
        qconnect(self._signals.progress, self._progress, QUEUED)
        qconnect(self._signals.succeeded, self._succeeded, QUEUED)
        qconnect(self._signals.failed, self._failed, QUEUED)
        self.done = False

    def success(self, callback: Callable[[T], None]) -> Job[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Job[T]:
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[float, str], None]) -> Job[T]:
        """Also report progress to `callback` (GUI thread), e.g. a progress bar in a screen
        that must stay usable while the job runs (no modal dialog: `progress=False`)."""
        self._on_progress = callback
        return self

    def start(self) -> Job[T]:
        assert on_gui_thread(), "start jobs from the GUI thread"
        if self._show_progress:
            self._dialog = self._make_dialog()
        Job._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self.state, self._signals))
        return self

    def cancel(self) -> None:
        """Ask the worker to stop; it raises `Cancelled` at its next check."""
        self.state.cancel()
        if is_alive(self._dialog):
            self._dialog.setLabelText(self.tr("Cancelling…"))

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    # --- GUI thread --------------------------------------------------------------------------

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self._title, self.tr("Cancel"), 0, 100, self._parent)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(self._min_duration_ms)
        dialog.setMinimumWidth(420)
        if self._cancellable:
            qconnect(dialog.canceled, self.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        return dialog

    def _progress(self, fraction: float, status: str) -> None:
        assert on_gui_thread()
        if self._on_progress is not None and not self._orphaned():
            self._on_progress(fraction, core_text.status(status))
        dialog = self._dialog
        if not is_alive(dialog) or self.state.is_interruption_requested():
            return
        # A window-modal QProgressDialog processes events inside setValue(), where the job
        # may finish and drop its dialog: keep working on the local reference.
        dialog.setValue(round(fraction * 100))
        text = core_text.status(status)
        if is_alive(dialog):
            dialog.setLabelText(f"{self._title}\n{text}" if text else self._title)

    def _finish(self) -> None:
        self.done = True
        if is_alive(self._dialog):
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None
        Job._running.discard(self)
        self.deleteLater()

    def _orphaned(self) -> bool:
        """True when the widget that started the job was closed and deleted meanwhile."""
        return self._parent is not None and not is_alive(self._parent)

    def _succeeded(self, result: T) -> None:
        assert on_gui_thread()
        self._finish()
        if self._orphaned():
            log.info("job finished after its window was closed; result dropped")
            return
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        assert on_gui_thread()
        self._finish()
        log.info("job failed: %s: %s", type(error).__name__, error)
        if self._orphaned():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            from ui.errors import show_error

            show_error(self._parent, error)

    @classmethod
    def running(cls) -> int:
        """How many jobs have not yet delivered their result (tests and shutdown use it)."""
        return len(cls._running)


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until every worker has returned (shutdown: close the database after this)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
