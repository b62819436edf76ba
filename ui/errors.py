"""How errors reach the user: typed core errors as message + hint, anything else logged.

Expected failures (`NsssError`) show a translated headline, the core's message and what to do.
Unexpected ones are logged with their traceback and shown once, with the log location and a
"Copy diagnostic info" button (there is no bug tracker on ministry PCs; the log file is the
report). One `sys.excepthook` and one `threading.excepthook` funnel everything here (rule 8).
Dialogs use `open()`, never `exec()`, so a failure never blocks the event loop or a test.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from nsss_desktop import __version__, paths
from nsss_desktop.errors import Cancelled, NsssError
from ui import core_text
from ui.qt import (
    QApplication,
    QMessageBox,
    QObject,
    Qt,
    QWidget,
    Signal,
    qconnect,
    qVersion,
    translate,
)

log = logging.getLogger(__name__)

_open_dialogs: list[QMessageBox] = []


def error_details(error: NsssError) -> str:
    """The core's message and hint, translated where the text is a known fixed one."""
    text = core_text.message(error.message)
    if error.hint:
        text += "\n\n" + translate("Errors", "What to do: {hint}").format(
            hint=core_text.message(error.hint))
    return text


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """Show any exception the right way; return the (non-blocking) dialog, if one was opened."""
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, NsssError):
        box = _box(parent, QMessageBox.Icon.Warning, core_text.error_headline(error),
                   error_details(error))
    else:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        box = _unexpected_box(parent, error)
    box.open()
    return box


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str,
         informative: str) -> QMessageBox:
    box = QMessageBox(icon, translate("Errors", "NSSS M&E Desktop"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(informative)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.append(box)
    qconnect(box.finished, lambda _result: _open_dialogs.remove(box))
    return box


def log_file() -> str:
    return str(paths.user_log_dir() / "nsss-desktop.log")


def diagnostic_info(error: BaseException) -> str:
    """What GED IT needs to help: versions, OS, log location, the error and its traceback."""
    lines = [f"NSSS M&E Desktop {__version__}", f"OS: {platform.platform()}",
             f"Python {platform.python_version()}, Qt {qVersion()}", f"Log: {log_file()}",
             f"Error: {type(error).__name__}: {error}", ""]
    lines += traceback.format_exception(type(error), error, error.__traceback__)
    return "\n".join(line.rstrip("\n") for line in lines)


def _unexpected_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Critical,
               translate("Errors", "Something unexpected went wrong."),
               translate("Errors", "The details were written to the log file {path}. If this "
                                   "happens again, send that file to GED IT.").format(
                   path=log_file()))
    box.setDetailedText(diagnostic_info(error))
    copy = box.addButton(translate("Errors", "Copy diagnostic info"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    qconnect(copy.clicked, lambda: QApplication.clipboard().setText(diagnostic_info(error)))
    return box


class _Relay(QObject):
    """Carries exceptions from worker threads to the GUI thread (queued signal)."""

    raised = Signal(object)


_relay: _Relay | None = None


def _handle(exc_type: type[BaseException], exc: BaseException,
            tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    if not isinstance(exc, NsssError):
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    if _relay is None or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _relay.raised.emit(exc)  # queued when raised off the GUI thread


def _show_from_relay(exc: BaseException) -> None:
    if len(_open_dialogs) >= 3:  # an error loop must not bury the screen in dialogs
        return
    if isinstance(exc, NsssError):
        show_error(QApplication.activeWindow(), exc)
    else:
        box = _unexpected_box(QApplication.activeWindow(), exc)
        box.open()


def install_excepthook() -> None:
    """Route every uncaught exception, from any thread, to the log and one dialog."""
    global _relay
    _relay = _Relay()
    qconnect(_relay.raised, _show_from_relay, Qt.ConnectionType.QueuedConnection)
    sys.excepthook = _handle
    threading.excepthook = lambda args: _handle(args.exc_type, args.exc_value or Exception(),
                                                args.exc_traceback)
