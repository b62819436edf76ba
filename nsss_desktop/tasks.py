"""Progress and cancellation for long work, without Qt (after Orange's TaskState).

The core reports through `TaskState`; the CLI uses `ConsoleTask`, the GUI a Qt adapter that
relays through queued signals (ui/jobs.py). Progress is throttled to 1 % steps so a large
import does not flood the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from nsss_desktop.errors import Cancelled


class TaskState:
    """Progress in [0, 1], a status line, and a cancel flag checked by the worker."""

    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._last = -1.0
        self.status = ""

    def cancel(self) -> None:
        self._cancel.set()

    def is_interruption_requested(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if the user asked to stop; call between safe steps."""
        if self._cancel.is_set():
            raise Cancelled("Cancelled by the user; nothing was written.")

    def set_status(self, text: str) -> None:
        self.status = text
        if self._on_progress:
            self._on_progress(max(self._last, 0.0), text)

    def set_progress(self, fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if fraction - self._last >= 0.01 or fraction == 1.0:
            self._last = fraction
            if self._on_progress:
                self._on_progress(fraction, self.status)
