"""Shared set-up of the screenshot scripts: a throw-away sandbox and a wait helper.

Import this module FIRST (before anything from nsss_desktop or ui): it points the user folders
at a temporary directory, lowers the scrypt cost, disables the OS keyring and selects the
offscreen platform, so no screenshot run ever touches a real user's data or keyring.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.qt import QPixmap, QWidget

SANDBOX = Path(tempfile.mkdtemp(prefix="nsss-screens-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_SCALE_FACTOR"] = "1"
os.environ["NSSS_SCRYPT_N"] = "16384"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(SANDBOX / _var.lower())
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PASSPHRASE = "public screenshot passphrase"


def wait(condition: Callable[[], object], timeout: float = 60.0) -> None:
    """Process events until `condition()` holds, then a few more rounds for painting."""
    from ui.qt import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def save(pixmap: QPixmap, out: Path, name: str) -> None:
    """Write a grabbed pixmap to `out/name` and print where."""
    target = out / name
    if not pixmap.save(str(target)):
        raise OSError(f"could not write {target}")
    print(target)


def over_window(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window at 1366x768 with the dialog centred on it, the window dimmed behind."""
    from ui.qt import QColor, QPainter, Qt

    wait(lambda: True)
    shot = window.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 70))
    front = dialog.grab()
    bar = 28  # a plain title bar: offscreen windows have no frame of their own
    x = (shot.width() - front.width()) // 2
    y = max((shot.height() - front.height() - bar) // 2, 0)
    painter.fillRect(x - 1, y, front.width() + 2, bar + front.height() + 1, QColor("#5a6470"))
    painter.setPen(QColor("white"))
    painter.drawText(x + 10, y, front.width() - 20, bar,
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                     dialog.windowTitle())
    painter.drawPixmap(x, y + bar, front)
    painter.end()
    return shot
