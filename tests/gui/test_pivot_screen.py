"""The Programme reports screen driven as a user would, checked against the core's own pivot.

Expected numbers come from `programme_pivot.run_pivot` on the same database, never from the
screen, so a wrong cell, a lost filter or a float slip shows up.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nsss_desktop.domain import FiscalYear, Money
from nsss_desktop.domain.numbers import format_decimal
from nsss_desktop.services import programme_pivot as pv
from nsss_desktop.store.database import Database
from tests.figures_views.conftest import FY22, FY23, SHARE_BUDGET, seed
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.models.table_model import RAW_VALUE_ROLE
from ui.qt import QLabel, QMessageBox, Qt
from ui.screens import SCREEN_CLASSES
from ui.screens.pivot import PivotScreen

TIMEOUT = 30_000
TOTAL_BUDGET = Money(sum(sum(by.values()) for by in SHARE_BUDGET.values())).crore


@pytest.fixture
def screen(qtbot, app, demo_db):  # noqa: ANN001, ANN201
    path, _ = demo_db
    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    seed(db)
    widget = PivotScreen(db)
    qtbot.addWidget(widget)
    widget.resize(1180, 760)
    widget.show()
    with qtbot.waitSignal(widget.ready, timeout=TIMEOUT):
        widget.ensure_loaded()
    yield widget
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    widget.close()
    db.close()


def choose(combo, data: object) -> None:  # noqa: ANN001
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def set_shared_by_year(screen: PivotScreen) -> None:
    """Ministries down, fiscal years across, budget only, two seeded programmes, 2 years."""
    o = screen.options
    choose(o.rows[0], "ministry")
    choose(o.rows[1], "")
    choose(o.columns, "fiscal_year")
    for key, box in o.measures.items():
        box.setChecked(key == "budget")
    choose(o.first_year, str(FiscalYear(FY22)))
    choose(o.last_year, str(FiscalYear(FY23)))
    choose(o.filters["programmes"], "PV_SHARED")


def run(qtbot, screen: PivotScreen) -> None:  # noqa: ANN001
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)


def cell(screen: PivotScreen, row_text: str, key: str):  # noqa: ANN001, ANN201
    model = screen.model
    keys = [c.key for c in model.table.columns]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == row_text)
    return model.index(row, keys.index(key))


def test_the_screen_is_registered() -> None:
    module, name = SCREEN_CLASSES["pivot"].split(":")
    assert getattr(importlib.import_module(module), name) is PivotScreen


def test_run_shows_the_cores_numbers(qtbot, screen) -> None:  # noqa: ANN001
    set_shared_by_year(screen)
    run(qtbot, screen)
    with screen._db.reader() as s:
        expected = pv.pivot_table(pv.run_pivot(s, screen.definition()))
    assert screen.model.rowCount() == len(expected.rows) == 3  # MoSW, MoWCA, total
    total = cell(screen, "Total (each programme once)", "budget@total")
    assert total.data(RAW_VALUE_ROLE) == TOTAL_BUDGET
    assert total.data() == format_decimal(TOTAL_BUDGET, 2)
    assert total.data(Qt.ItemDataRole.FontRole).bold()
    mowca = cell(screen, "Ministry of Women and Children Affairs", f"budget@{FY22}")
    assert mowca.data(RAW_VALUE_ROLE) == Money(SHARE_BUDGET[FY22]["MoWCA"]).crore
    header = screen.model.headerData(total.column(), Qt.Orientation.Horizontal)
    assert header == "Budget (crore Tk)\ntotal"
    assert "each programme counts once" in screen.notes.text().lower()
    assert screen.message.text() == "Rows: 2, and the total."


def test_save_load_and_delete_a_definition(qtbot, screen) -> None:  # noqa: ANN001
    set_shared_by_year(screen)
    qtbot.keyClicks(screen.name, "Shared budget")
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.keyClick(screen.name, Qt.Key.Key_Return)  # Enter in the name field saves
    assert [screen.saved.itemText(i) for i in range(screen.saved.count())] == ["Shared budget"]
    with screen._db.reader() as s:
        saved = pv.load_definition(s, "Shared budget")
    assert saved.programmes == ("PV_SHARED",) and saved.columns == "fiscal_year"
    choose(screen.options.columns, "")  # change the form, then open the saved one again
    screen.options.measures["active_beneficiaries"].setChecked(True)
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.mouseClick(screen.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.result is not None, timeout=TIMEOUT)
    assert screen.definition() == saved
    assert cell(screen, "Total (each programme once)", "budget@total").data(RAW_VALUE_ROLE) \
        == TOTAL_BUDGET
    box = screen._ask_and_delete()
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert screen.saved.count() == 0
    assert not screen.load_button.isEnabled()


def test_export_excel_is_exact(qtbot, screen, tmp_path: Path) -> None:  # noqa: ANN001
    set_shared_by_year(screen)
    out = tmp_path / "shared.xlsx"
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        screen.export(out, "xlsx")
    assert screen.last_export == out
    ws = load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    total = next(r for r in ws.iter_rows(min_row=2)
                 if r[0].value == "Total (each programme once)")
    value = total[header.index("Budget (crore Tk), total")]
    assert value.data_type == "n" and Decimal(str(value.value)) == TOTAL_BUDGET


def test_export_pdf_in_bangla(qtbot, screen, tmp_path: Path) -> None:  # noqa: ANN001
    set_shared_by_year(screen)
    i18n.set_language("bn")
    out = tmp_path / "shared.pdf"
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        screen.export(out, "pdf")
    assert out.read_bytes().startswith(b"%PDF-")


def test_bangla_interface_shows_the_table_in_bangla(qtbot, screen) -> None:  # noqa: ANN001
    set_shared_by_year(screen)
    run(qtbot, screen)
    i18n.set_language("bn")
    model = screen.model  # the screen redraws on the LanguageChange event Qt sends it
    qtbot.waitUntil(lambda: model.headerData(0, Qt.Orientation.Horizontal)
                    == "মন্ত্রণালয়/বিভাগ", timeout=TIMEOUT)
    total = cell(screen, "মোট (প্রতিটি কর্মসূচি একবার)", "budget@total")
    assert total.data() == format_decimal(TOTAL_BUDGET, 2, "bn")
    assert "২০২২-২৩" in screen.options.first_year.currentText()


def test_a_report_that_cannot_run_says_why(qtbot, screen) -> None:  # noqa: ANN001
    choose(screen.options.rows[0], "gender")
    choose(screen.options.columns, "area")
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Not done: see the message."
    boxes = [w for w in screen.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "cannot be combined" in boxes[0].informativeText() + boxes[0].text()
    for box in boxes:
        box.close()


def test_keyboard_reaches_every_control(qtbot, screen) -> None:  # noqa: ANN001
    labels = [w for w in screen.options.findChildren(QLabel) if "&" in w.text()]
    assert len(labels) == 9  # rows, columns, measures, years, data and the four filters
    assert all(label.buddy() is not None for label in labels)
    set_shared_by_year(screen)
    screen.run_button.setFocus()
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.keyClick(screen.run_button, Qt.Key.Key_Space)
    assert screen.result is not None
    index = cell(screen, "Ministry of Social Welfare", f"budget@{FY23}")
    screen.table.setCurrentIndex(index)
    screen.table.activated.emit(index)  # Enter or a double click: the figures behind it
    assert screen.drill_dialog is not None
    qtbot.waitUntil(screen.drill_dialog.is_ready, timeout=TIMEOUT)
    assert screen.drill_dialog.key.ministry_id is not None
    screen.drill_dialog.close()
