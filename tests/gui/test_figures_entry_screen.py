"""The Enter-figures screen on the real SQLCipher demo database, with real xlsx files.

Figures are typed into the grid with the keyboard (or set through the model for Bangla digits,
which QTest cannot type), checked, refused or saved; what was saved is read back through
`figure_entry.existing_values`, and every "nothing was written" is checked on the journal.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from nsss_desktop.domain import Count, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.io.figures_template import COLUMNS, FIRST_DATA_ROW, SHEET_FIGURES
from nsss_desktop.services import figure_entry
from nsss_desktop.services.figure_input import FigureInput
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import JournalTxn
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.main_window import NAV_WIDTH, WINDOW_SIZE
from ui.qt import QLineEdit, Qt
from ui.screens import programme_text as text
from ui.screens.figures_entry import FiguresEntryScreen
from ui.screens.figures_entry_model import column

TIMEOUT = 30_000
PERIOD = Period.parse("2023-24")
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


@pytest.fixture
def db(demo_db) -> Database:  # noqa: ANN001
    path, _ = demo_db
    database = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    yield database
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    database.close()


def open_screen(qtbot, db: Database) -> FiguresEntryScreen:  # noqa: ANN001
    widget = FiguresEntryScreen(db)
    qtbot.addWidget(widget)
    widget.resize(1180, 720)
    widget.show()
    widget.ensure_loaded()
    qtbot.waitUntil(widget.is_ready, timeout=TIMEOUT)
    widget.choose("MoSW", PERIOD)
    qtbot.waitUntil(lambda: widget.is_ready() and widget.sheet is not None
                    and widget.sheet.ministry.code == "MoSW"
                    and widget.sheet.period == PERIOD, timeout=TIMEOUT)
    return widget


@pytest.fixture
def screen(qtbot, app, db) -> FiguresEntryScreen:  # noqa: ANN001
    return open_screen(qtbot, db)


def journal(db: Database) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(JournalTxn))


def stored(db: Database) -> dict:
    with db.reader() as s:
        return figure_entry.existing_values(s, "MoSW", PERIOD)


def type_cell(qtbot, screen: FiguresEntryScreen, code: str, key: str, typed: str) -> None:  # noqa: ANN001
    """Go to the cell, type as a user does (the first key opens the editor), press Enter."""
    grid, model = screen.grid, screen.model
    row = model.row_of(code)
    grid.setCurrentIndex(model.index(row, column(key)))
    grid.setFocus()
    qtbot.keyClicks(grid, typed[0])
    editors = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "typing did not open an editor"
    qtbot.keyClicks(editors[0], typed[1:])
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.text_of(row, key) == typed, timeout=5000)


def run(qtbot, screen: FiguresEntryScreen, button) -> None:  # noqa: ANN001
    button.click()
    qtbot.waitUntil(lambda: screen.is_ready() and screen.sheet is not None, timeout=TIMEOUT)


# --- grid -------------------------------------------------------------------------------------


def test_grid_lists_the_ministrys_programmes_with_measure_headers(qtbot, screen, db) -> None:  # noqa: ANN001
    with db.reader() as s:
        codes = [p.code for p in figure_entry.ministry_programmes(s, "MoSW")]
    assert [r.entry.code for r in screen.model.rows()] == codes and "OAA" in codes
    header = screen.model.headerData(column("budget_original"), Qt.Orientation.Horizontal)
    assert header == "Budget, original\n(crore Tk)"
    assert screen.model.headerData(column("benefit_value"), Qt.Orientation.Horizontal) == \
        "Benefit per beneficiary per month\n(Tk per month)"
    assert screen.model.headerData(column("active_beneficiaries"),
                                   Qt.Orientation.Horizontal).endswith("(persons)")
    i18n.set_language("bn")
    assert screen.model.headerData(column("budget_original"),
                                   Qt.Orientation.Horizontal).startswith("মূল বাজেট")
    row = screen.model.row_of("OAA")
    assert screen.model.index(row, column("name")).data() == "বয়স্ক ভাতা"
    qtbot.waitUntil(lambda: screen.ministry_combo.currentText() == "সমাজকল্যাণ মন্ত্রণালয়",
                    timeout=5000)  # LanguageChange
    assert screen.minimumSizeHint().width() <= WINDOW_SIZE.width() - NAV_WIDTH - 24
    i18n.set_language("en")
    # Nothing entered yet: every figure is missing in the completeness tab.
    (oaa,) = [c for c in screen.completeness.rows if c.programme_code == "OAA"]
    assert oaa.state is None and len(oaa.missing) == 7


def test_type_check_fix_and_save_a_draft(qtbot, screen, db) -> None:  # noqa: ANN001
    model = screen.model
    row = model.row_of("OAA")
    type_cell(qtbot, screen, "OAA", "budget_original", "4205.96")
    assert screen.grid.currentIndex().row() == row + 1  # Enter moves down
    type_cell(qtbot, screen, "OAA", "active_beneficiaries", "5801000")
    type_cell(qtbot, screen, "OAA", "gender:female", "3000000")
    type_cell(qtbot, screen, "OAA", "gender:male", "2800000")  # 1,000 short of the total
    assert model.set_text(row, "benefit_value", "৬০০")  # Bangla digits
    assert model.index(row, column("benefit_value")).data() == "600.00"
    assert model.index(row, column("active_beneficiaries")).data() == "58,01,000"
    assert model.is_dirty()

    run(qtbot, screen, screen.check_button)
    errors = [i for i in screen.issues if i.is_error]
    assert [(i.code, i.where) for i in errors] == [("disaggregation_sum", "OAA")]
    assert screen.message.kind == "error"
    assert model.index(row, column("issues")).data() == "1 error(s)"
    female = model.index(row, column("gender:female"))
    assert female.data(Qt.ItemDataRole.BackgroundRole).color() == text.ERROR_BACKGROUND
    listed = screen.issues_list
    assert listed.rowCount() == 1 and listed.item(0, 0).text() == "Error"
    assert "gender breakdown" in listed.item(0, 3).text()
    # Clicking the finding goes to its cell.
    screen.grid.setCurrentIndex(model.index(0, 0))
    listed.cellClicked.emit(0, 2)
    assert screen.grid.currentIndex() == model.index(row, column("active_beneficiaries"))

    # Save is refused while the error remains; nothing is written.
    before = journal(db)
    run(qtbot, screen, screen.save_button)
    assert "Not saved" in screen.message.text() and journal(db) == before
    assert stored(db) == {}

    type_cell(qtbot, screen, "OAA", "gender:male", "2801000")
    run(qtbot, screen, screen.check_button)
    assert not [i for i in screen.issues if i.is_error] and screen.message.kind == "success"
    run(qtbot, screen, screen.save_button)
    assert screen.message.kind == "success" and "1 new" in screen.message.text()
    assert journal(db) == before + 1
    assert stored(db)["OAA"] == {"budget_original": Money.from_crore("4205.96"),
                                 "active_beneficiaries": Count(5_801_000),
                                 "benefit_value": Money.from_taka(600)}
    # The grid shows the stored draft, with its breakdown.
    row = model.row_of("OAA")
    assert model.index(row, column("state")).data() == "Draft"
    assert model.text_of(row, "gender:male") == "2801000" and not model.is_dirty()
    (oaa,) = [c for c in screen.completeness.rows if c.programme_code == "OAA"]
    assert oaa.state == "draft" and set(oaa.reported) == {
        "budget_original", "active_beneficiaries", "benefit_value"}


def test_na_blank_and_zero_round_trip(qtbot, screen, db) -> None:  # noqa: ANN001
    model = screen.model
    row = model.row_of("OAA")
    type_cell(qtbot, screen, "OAA", "expenditure", "NA")
    type_cell(qtbot, screen, "OAA", "budget_revised", "0")
    type_cell(qtbot, screen, "OAA", "active_beneficiaries", "100")
    assert model.set_text(row, "amount_disbursed", "তথ্য নেই")  # NA in Bangla
    na = model.index(row, column("expenditure"))
    assert na.data() == "NA" and na.data(Qt.ItemDataRole.FontRole).italic()
    assert na.data(Qt.ItemDataRole.BackgroundRole).color() == text.NA_BACKGROUND
    assert model.index(row, column("budget_revised")).data() == "0.00"

    run(qtbot, screen, screen.save_button)
    assert screen.message.kind == "success"
    assert stored(db)["OAA"] == {"expenditure": NOT_AVAILABLE, "amount_disbursed": NOT_AVAILABLE,
                                 "budget_revised": Money(0),
                                 "active_beneficiaries": Count(100)}
    row = model.row_of("OAA")
    assert model.text_of(row, "expenditure") == "NA"
    assert model.text_of(row, "budget_revised") == "0"
    assert model.text_of(row, "cumulative_beneficiaries") == ""
    (oaa,) = [c for c in screen.completeness.rows if c.programme_code == "OAA"]
    assert set(oaa.not_available) == {"expenditure", "amount_disbursed"}
    assert "budget_revised" in oaa.reported and "cumulative_beneficiaries" in oaa.missing

    # Clearing a value and saving again leaves it blank (not zero, not NA).
    type_cell(qtbot, screen, "OAA", "budget_revised", " ")
    run(qtbot, screen, screen.save_button)
    assert "budget_revised" not in stored(db)["OAA"]

    # Text that is not a number is refused in the cell and on save; nothing is written.
    before = journal(db)
    type_cell(qtbot, screen, "OAA", "budget_original", "12abc")
    cell = model.index(model.row_of("OAA"), column("budget_original"))
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == text.ERROR_COLOUR
    run(qtbot, screen, screen.save_button)
    assert [i.code for i in screen.issues] == ["not_a_number"] and journal(db) == before


def test_a_submitted_row_is_locked(qtbot, app, db) -> None:  # noqa: ANN001
    with db.unit_of_work(description="Submit WDDW") as uow:
        figure_entry.save(uow.session, [FigureInput(
            "WDDW", "MoSW", PERIOD, {"active_beneficiaries": Count(2_575_000)})],
            state="submitted")
    screen = open_screen(qtbot, db)
    model = screen.model
    row = model.row_of("WDDW")
    index = model.index(row, column("active_beneficiaries"))
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert model.index(row, column("state")).data() == "Submitted (locked)"
    assert screen.lock_bar.isVisible() and "WDDW" in screen.lock_bar.text()
    assert model.text_of(row, "active_beneficiaries") == "2575000"
    assert not model.set_text(row, "active_beneficiaries", "1")

    screen.grid.setCurrentIndex(index)
    screen.grid.setFocus()
    qtbot.keyClicks(screen.grid, "9")
    assert model.text_of(row, "active_beneficiaries") == "2575000"
    assert screen.message.kind == "error" and "locked" in screen.message.text()

    # Saving other rows leaves the locked one as it was.
    type_cell(qtbot, screen, "OAA", "active_beneficiaries", "5801000")
    run(qtbot, screen, screen.save_button)
    assert screen.message.kind == "success"
    values = stored(db)
    assert values["WDDW"] == {"active_beneficiaries": Count(2_575_000)}
    assert values["OAA"] == {"active_beneficiaries": Count(5_801_000)}


# --- template and imports ---------------------------------------------------------------------


def make_template(qtbot, screen: FiguresEntryScreen, path: Path) -> tuple[Path, int]:  # noqa: ANN001
    job = screen.create_template(path)
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    assert path.exists() and str(path) in screen.message.text()
    sheet = openpyxl.load_workbook(path)[SHEET_FIGURES]
    row = next(r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
               if sheet[f"A{r}"].value == "OAA")
    return path, row


def fill(path: Path, cells: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book[SHEET_FIGURES][ref] = value
    book.save(path)


def preview(qtbot, screen: FiguresEntryScreen, path: Path):  # noqa: ANN001, ANN201
    dialog = screen.preview_import(path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    return dialog


def test_template_create_fill_preview_and_import(qtbot, screen, db, tmp_path) -> None:  # noqa: ANN001
    path, row = make_template(qtbot, screen, tmp_path / "MoSW-2023-24.xlsx")
    fill(path, {f"{LETTER['budget_original']}{row}": 4205.96,
                f"{LETTER['active_beneficiaries']}{row}": 5801000,
                f"{LETTER['benefit_value']}{row}": 600,
                f"{LETTER['expenditure']}{row}": "NA",
                f"{LETTER['gender:female']}{row}": 3000000,
                f"{LETTER['gender:male']}{row}": 2801000})
    before = journal(db)
    dialog = preview(qtbot, screen, path)
    assert dialog.preview is not None and not dialog.preview.errors
    assert [(r.programme_code, r.status) for r in dialog.preview.rows
            if r.status != "unchanged"] == [("OAA", "new")]
    assert dialog.import_button.isEnabled() and journal(db) == before  # a dry run
    groups = {dialog.rows.topLevelItem(i).text(0) for i in range(dialog.rows.topLevelItemCount())}
    assert "New (1)" in groups

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.message.kind == "success",
                    timeout=TIMEOUT)
    assert journal(db) == before + 1
    assert stored(db)["OAA"] == {"budget_original": Money.from_crore("4205.96"),
                                 "active_beneficiaries": Count(5_801_000),
                                 "benefit_value": Money.from_taka(600),
                                 "expenditure": NOT_AVAILABLE}
    qtbot.waitUntil(lambda: screen.model.text_of(screen.model.row_of("OAA"),
                                                 "budget_original") == "4205.96",
                    timeout=TIMEOUT)
    assert screen.model.text_of(screen.model.row_of("OAA"), "gender:female") == "3000000"


def test_malformed_template_shows_the_cell_and_writes_nothing(qtbot, screen, db,  # noqa: ANN001
                                                               tmp_path) -> None:
    path, row = make_template(qtbot, screen, tmp_path / "bad.xlsx")
    column_letter = LETTER["active_beneficiaries"]
    fill(path, {f"{column_letter}{row}": "lots", f"{LETTER['budget_original']}{row}": 10})
    before = journal(db)
    dialog = preview(qtbot, screen, path)
    assert dialog.preview is not None and dialog.preview.errors
    assert not dialog.import_button.isEnabled()
    cells = [dialog.problems.item(r, 1).text() for r in range(dialog.problems.rowCount())]
    assert f"Figures, row {row}, column {column_letter}" in cells
    assert dialog.problems.item(0, 0).text() == "Error"
    assert dialog.summary.kind == "error" and "Nothing was written" in dialog.summary.text()
    dialog.run_import()  # refused: the button is disabled, and so is the call
    assert journal(db) == before and stored(db) == {}


def test_finance_division_table_preview(qtbot, screen, db, tmp_path) -> None:  # noqa: ANN001
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "SSP"
    sheet.append(["Social Security Programmes, Budget 2024-25"])
    sheet.append([])
    sheet.append(["Sl. No.", "Name of programme", "Ministry/Division", "Beneficiaries (lakh)",
                  "Allocation (crore taka)"])
    sheet.append([1, "Old Age Allowance", "Ministry of Social Welfare", 60.01, 4350.97])
    sheet.append([2, "Allowance for old cats", "Ministry of Social Welfare", 1, 2])
    path = tmp_path / "fd.xlsx"
    book.save(path)
    before = journal(db)
    dialog = screen.preview_import(path, kind="finance")
    qtbot.addWidget(dialog)
    assert dialog.options.isVisible()
    dialog.source_edit.setText("FD_TEST_2024")
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2024))
    dialog.check_button.click()
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    codes = {i.code for i in dialog.preview.errors}
    assert "unknown_programme" in codes and not dialog.import_button.isEnabled()
    cells = [dialog.problems.item(r, 1).text() for r in range(dialog.problems.rowCount())]
    assert any(c.startswith("SSP, row 5") for c in cells)
    assert journal(db) == before


def test_changing_the_period_with_unsaved_figures_asks_first(qtbot, screen, db) -> None:  # noqa: ANN001
    model = screen.model
    row = model.row_of("OAA")
    assert model.set_text(row, "budget_original", "100")
    screen.period.kind_combo.setCurrentIndex(screen.period.kind_combo.findData("quarter"))
    box = screen.discard_box
    assert box is not None and box.isVisible() and "not saved" in box.text()
    box.button(box.StandardButton.Cancel).click()  # keep the figures
    assert screen.period.period() == PERIOD and model.text_of(row, "budget_original") == "100"
    assert screen.sheet.period == PERIOD

    screen.period.kind_combo.setCurrentIndex(screen.period.kind_combo.findData("quarter"))
    screen.discard_box.button(screen.discard_box.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: screen.is_ready() and screen.sheet.period == Period.parse(
        "2023-24 Q1"), timeout=TIMEOUT)
    assert model.text_of(model.row_of("OAA"), "budget_original") == "" and not model.is_dirty()
