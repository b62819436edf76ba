"""Save the Programmes and Enter-figures screenshots to docs/screens/ (offscreen, 1366x768).

    .venv/bin/python scripts/programme_screens_screenshots.py [--out docs/screens]

Everything happens in a throw-away folder: a demo database built for the shots, its settings
and logs; the real user folders and the OS keyring are never touched. A few example targets
and figures (a draft, a submitted row) are recorded through the same services the screens use,
so the screens show what they look like in use; they exist only in that throw-away database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import openpyxl  # noqa: E402
from screenshot_sandbox import PASSPHRASE, SANDBOX, over_window, save, wait  # noqa: E402,F401 - sets up first

from nsss_desktop.domain import Count, FiscalYear, Money, Period  # noqa: E402
from nsss_desktop.domain.measures import NOT_AVAILABLE  # noqa: E402
from nsss_desktop.io.figures_template import COLUMNS, FIRST_DATA_ROW, SHEET_FIGURES  # noqa: E402
from nsss_desktop.services import figure_entry, settings  # noqa: E402
from nsss_desktop.services import programme_register_screens as screens  # noqa: E402
from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import WINDOW_SIZE, MainWindow  # noqa: E402

PERIOD = Period.parse("2023-24")
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


def seed(db: Database) -> None:
    """The home ministry, two targets, a draft and a submitted figure: for the shots only."""
    settings.set_values(db, {"home_ministry": "MoSW"})
    fy = FiscalYear.parse("2023-24")
    screens.set_target(db, "OAA", fy, "active_beneficiaries", Count(6_000_000),
                       "Example target for the screenshots")
    screens.set_target(db, "OAA", fy, "budget", Money.from_crore("4500"))
    screens.set_target(db, "OAA", fy, "benefit_value", NOT_AVAILABLE)
    with db.unit_of_work(description="Example figures for the screenshots") as uow:
        figure_entry.save(uow.session, [FigureInput(
            "WDDW", "MoSW", PERIOD, {"budget_original": Money.from_crore("1844.32"),
                                     "active_beneficiaries": Count(2_575_000),
                                     "benefit_value": Money.from_taka(550),
                                     "expenditure": NOT_AVAILABLE},
            [DisaggregationInput("area", "rural", Count(2_000_000)),
             DisaggregationInput("area", "urban", Count(575_000))])])
        figure_entry.save(uow.session, [FigureInput(
            "DISA", "MoSW", PERIOD, {"active_beneficiaries": Count(2_908_000),
                                     "benefit_value": Money.from_taka(850)})],
            state="submitted")


def filled_template(db: Database, path: Path) -> Path:
    """The ministry's template with the Old Age Allowance filled in, as an officer would."""
    screens.write_template(db, path, "MoSW", PERIOD)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET_FIGURES]
    row = next(r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
               if sheet[f"A{r}"].value == "OAA")
    for key, value in (("budget_original", 4205.96), ("budget_revised", 4205.96),
                       ("active_beneficiaries", 5801000), ("benefit_value", 600),
                       ("amount_disbursed", 3500), ("gender:female", 3000000),
                       ("gender:male", 2801000)):
        sheet[f"{LETTER[key]}{row}"] = value
    wddw = next(r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
                if sheet[f"A{r}"].value == "WDDW")
    sheet[f"{LETTER['expenditure']}{wddw}"] = 1790.5
    disa = next(r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
                if sheet[f"A{r}"].value == "DISA")
    for key in ("active_beneficiaries", "benefit_value"):  # submitted: left out of the file
        sheet[f"{LETTER[key]}{disa}"] = None
    book.save(path)
    return path


def programme_shots(out: Path, window: MainWindow) -> None:
    screen = window.show_screen("programmes")
    wait(screen.is_ready)  # type: ignore[attr-defined]
    screen.select_programme("OAA")  # type: ignore[attr-defined]
    detail = screen.detail  # type: ignore[attr-defined]
    wait(lambda: detail.is_ready() and detail.detail.programme.code == "OAA")
    save(window.grab(), out, "programmes-register.png")

    screen.search_edit.setText("বয়স্ক")  # type: ignore[attr-defined]
    wait(screen.is_ready)  # type: ignore[attr-defined]
    screen.select_programme("OAA")  # type: ignore[attr-defined]
    sizes = screen.splitter.sizes()  # type: ignore[attr-defined]
    screen.splitter.setSizes([120, sum(sizes) - 120])  # type: ignore[attr-defined]
    detail.setCurrentWidget(detail.series_tab)
    wait(lambda: detail.is_ready() and not detail.chart.is_empty())
    detail.chart.hover_index(len(detail.detail.series.rows) - 3)
    save(window.grab(), out, "programmes-detail.png")

    detail.setCurrentWidget(detail.targets_tab)
    detail.targets_tab.choose_year("2023-24")
    wait(detail.targets_tab.is_ready)
    save(window.grab(), out, "programmes-targets.png")
    detail.setCurrentWidget(detail.register_tab)
    screen.splitter.setSizes(sizes)  # type: ignore[attr-defined]
    screen.search_edit.clear()  # type: ignore[attr-defined]
    wait(screen.is_ready)  # type: ignore[attr-defined]


def entry_shots(out: Path, window: MainWindow, db: Database) -> None:
    screen = window.show_screen("figures_entry")
    wait(lambda: screen.is_ready() and screen.sheet is not None)  # type: ignore[attr-defined]
    screen.choose("MoSW", PERIOD)  # type: ignore[attr-defined]
    wait(lambda: screen.is_ready() and screen.sheet.period == PERIOD)  # type: ignore[attr-defined]
    model = screen.model  # type: ignore[attr-defined]
    row = model.row_of("OAA")
    for key, typed in (("budget_original", "4205.96"), ("budget_revised", "4205.96"),
                       ("expenditure", "NA"), ("active_beneficiaries", "৫৮,০১,০০০"),
                       ("benefit_value", "600"), ("amount_disbursed", "3500"),
                       ("gender:female", "3000000"), ("gender:male", "2800000")):
        model.set_text(row, key, typed)
    grid = screen.grid  # type: ignore[attr-defined]
    grid.select_cell("OAA", "budget_original")
    save(window.grab(), out, "figures-entry.png")

    screen.check()  # type: ignore[attr-defined]
    wait(lambda: screen.is_ready() and screen.checked)  # type: ignore[attr-defined]
    screen.issues_list.cellClicked.emit(0, 2)  # type: ignore[attr-defined]
    grid.scrollTo(model.index(row, model.columnCount() - 1))
    grid.select_cell("OAA", "active_beneficiaries")  # the total and its breakdown side by side
    save(window.grab(), out, "figures-entry-issues.png")

    path = filled_template(db, SANDBOX / "MoSW-2023-24.xlsx")
    dialog = screen.preview_import(path)  # type: ignore[attr-defined]
    wait(dialog.is_ready)
    save(over_window(window, dialog), out, "figures-import-preview.png")
    dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")
    db, _ = Database.create(SANDBOX / "screens.nsssdb", PASSPHRASE, use_keyring=False)
    try:
        build_demo(db)
        seed(db)
        window = MainWindow(db)
        window.resize(WINDOW_SIZE)
        window.show()
        programme_shots(args.out, window)
        entry_shots(args.out, window, db)
        screen = window.show_screen("programmes")
        i18n.set_language("bn")
        wait(lambda: window.nav.item(0).text() != "Overview")
        combo = screen.ministry_combo  # type: ignore[attr-defined]
        wait(lambda: combo.findText("সমাজকল্যাণ মন্ত্রণালয়") >= 0)  # LanguageChange arrived
        screen.select_programme("OAA")  # type: ignore[attr-defined]
        wait(screen.detail_ready)  # type: ignore[attr-defined]
        save(window.grab(), args.out, "programmes-register-bn.png")
        window.close()
    finally:
        from ui.jobs import wait_for_jobs

        wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
