"""Screenshots of the reform screens at 1366×768 for docs/screens/ (offscreen, no user).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/reform_screenshots.py [OUT_DIR] [NAME...]

Builds a demo database in a temporary folder, records a small monitoring history through the
services (tests/gui/reform_seed.py: statuses, comments, evidence), opens the main window and
saves each screen once its data is on screen (no fixed sleeps: it waits for `is_ready()`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nsss_desktop.services import settings  # noqa: E402
from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from tests.gui.reform_seed import BANGLA_TERM, seed  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application, wait_until_ready  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qt import QApplication, QEventLoop, QTimer, QWidget  # noqa: E402

PASSPHRASE = "screenshots only, a throwaway passphrase"


def settle(window: QWidget, screen: QWidget) -> None:
    """Wait for the screen's data and jobs, then let layout and painting finish."""
    wait_until_ready(screen)
    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        QApplication.processEvents()


def shoot(window: MainWindow, key: str, out: Path,
          prepare: Callable[[QWidget], None] | None = None) -> None:
    screen = window.show_screen(key)
    settle(window, screen)
    if prepare is not None:
        prepare(screen)
        settle(window, screen)
    window.grab().save(str(out))
    print(out)


def drill(screen: QWidget) -> None:
    """Click the ministry table's "Delayed" count of the totals row."""
    view = screen.ministry_table  # type: ignore[attr-defined]
    model = view.model()
    index = model.index(model.rowCount() - 1, 3)
    view.setCurrentIndex(index)
    view.clicked.emit(index)


def search_bangla(screen: QWidget) -> None:
    screen.query.setText(BANGLA_TERM)  # type: ignore[attr-defined]
    screen.run_search()  # type: ignore[attr-defined]


def preview(screen: QWidget) -> None:
    screen.preview()  # type: ignore[attr-defined]


SHOTS: dict[str, tuple[str, str, Callable[[QWidget], None] | None]] = {
    "ministries.png": ("ministries", "en", None),
    "clusters.png": ("clusters", "en", None),
    "committee-summary.png": ("committee", "en", None),
    "committee-summary-bn.png": ("committee", "bn", None),
    "committee-drilldown.png": ("committee", "en", drill),
    "search.png": ("search", "bn", search_bangla),
    "reports.png": ("reports", "en", preview),
}


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else REPO / "docs" / "screens"
    names = argv[1:] or list(SHOTS)
    make_application("en")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.nsssdb"
        db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
        build_demo(db)
        seed(db, date.today())
        settings.save_initial(db, language="en", ministry_code="MoSW")  # a MoSW focal point
        window = MainWindow(db)
        window.show()
        for name in names:
            key, lang, prepare = SHOTS[name]
            i18n.set_language(lang)
            shoot(window, key, out_dir / name, prepare)
            i18n.set_language("en")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
