"""Screenshots of the programme dashboards for docs/screens/ (offscreen, demo database).

    .venv/bin/python scripts/programme_dashboard_screenshots.py [--out docs/screens] [--scale 1.5]

Builds a throw-away demo database in a sandbox (see screenshot_sandbox.py), opens the main
window at 1366x768 and drives the dashboards screen as a user would: the national view, the
Ministry of Social Welfare, a thematic cluster and a life-cycle stage reached from the
ministry's tables, the drill-down behind a national total, and the national view in Bangla. Saves
dashboard-national.png, dashboard-ministry.png, dashboard-cluster.png,
dashboard-life-cycle.png, dashboard-drilldown.png and dashboard-national-bn.png. With --scale,
QT_SCALE_FACTOR is set (125% or 150% display scaling) and the files get a "-scaleNNN" suffix.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from screenshot_sandbox import PASSPHRASE, SANDBOX, wait  # noqa: I001 - sets up the sandbox first

from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qt import QWidget  # noqa: E402


def save(widget: QWidget, out: Path, name: str) -> None:
    wait(lambda: True)
    target = out / name
    if not widget.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    print(target)


def row_of(page, text: str) -> int:  # noqa: ANN001
    """The row of a dashboard table whose name column shows `text`."""
    model = page.model
    column = next(i for i, c in enumerate(model.table.columns)
                  if c.key in ("group", "name_en", "fiscal_year"))
    return next(r for r in range(model.rowCount()) if model.index(r, column).data() == text)


def activate(screen, page_key: str, row: int, column_key: str) -> None:  # noqa: ANN001
    """Double-click on a cell, as a user would (the view's `activated` signal)."""
    page = screen.pages[page_key]
    index = page.model.index(row, page.model.column_of(column_key))
    page.view.setCurrentIndex(index)
    page.view.activated.emit(index)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screens")
    parser.add_argument("--scale", default="1")
    args = parser.parse_args()
    suffix = "" if args.scale == "1" else f"-scale{round(float(args.scale) * 100)}"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")
    path = SANDBOX / "dashboards.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    with db:
        build_demo(db)
    window = MainWindow(Database.open(path, passphrase=PASSPHRASE, use_keyring=False))
    scale = float(args.scale)
    if scale != 1:  # a 1366x768 screen at this scaling: fewer logical pixels
        window.resize(round(window.width() / scale), round(window.height() / scale))
    window.show()
    screen = window.show_screen("dashboards")
    wait(screen.is_ready)  # type: ignore[attr-defined]

    def shot(name: str, tab: str | None = None, widget: QWidget | None = None) -> None:
        if tab is not None:
            screen.tabs.setCurrentWidget(  # type: ignore[attr-defined]
                screen.charts if tab == "charts" else screen.pages[tab])  # type: ignore[attr-defined]
        save(widget or window, args.out, name.replace(".png", f"{suffix}.png"))

    def ready_after(action) -> None:  # noqa: ANN001
        action()
        wait(screen.is_ready)  # type: ignore[attr-defined]

    screen.series_chart.hover_index(screen.series_chart._count() - 2)  # type: ignore[attr-defined]
    shot("dashboard-national.png", "series")
    shot("dashboard-national-charts.png", "charts")

    # The rows behind the national budget of 2024-25: nine figure rows, five of them used.
    page = screen.pages["series"]  # type: ignore[attr-defined]
    screen.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
    activate(screen, "series", row_of(page, "2024-25"), "budget")
    dialog = screen.drill_dialog  # type: ignore[attr-defined]
    wait(dialog.is_ready)
    save(dialog, args.out, f"dashboard-drilldown{suffix}.png")
    dialog.close()

    ready_after(lambda: screen.view_combo.setCurrentIndex(1))  # type: ignore[attr-defined]
    mosw = screen.item_combo.findData("MoSW")  # type: ignore[attr-defined]
    ready_after(lambda: screen.item_combo.setCurrentIndex(mosw))  # type: ignore[attr-defined]
    shot("dashboard-ministry.png", "programmes")

    page = screen.pages["by_cluster"]  # type: ignore[attr-defined]
    screen.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
    ready_after(lambda: activate(screen, "by_cluster", row_of(page, "Social Allowance"), "group"))
    shot("dashboard-cluster.png", "by_ministry")

    screen.go_back()  # type: ignore[attr-defined]
    wait(screen.is_ready)  # type: ignore[attr-defined]
    page = screen.pages["by_life_cycle"]  # type: ignore[attr-defined]
    ready_after(lambda: activate(screen, "by_life_cycle", row_of(page, "Old age"), "group"))
    screen.series_chart.hover_index(screen.series_chart._count() - 2)  # type: ignore[attr-defined]
    shot("dashboard-life-cycle.png", "series")

    ready_after(lambda: screen.view_combo.setCurrentIndex(0))  # type: ignore[attr-defined]
    i18n.set_language("bn")
    wait(lambda: window.nav.item(0).text() != "Overview")
    screen.series_chart.hover_index(screen.series_chart._count() - 2)  # type: ignore[attr-defined]
    shot("dashboard-national-bn.png", "programmes")
    i18n.set_language("en")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
