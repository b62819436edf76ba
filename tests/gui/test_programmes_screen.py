"""The Programmes screen, driven as a user would, on the real SQLCipher demo database.

What the screen shows is compared with what the core returns (`programme_dashboards.series`,
`targets.progress`, `cumulative.cumulative_between`, `drilldown`), never with hard-coded
numbers, except where a test sets a figure itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from nsss_desktop.domain import Count, FiscalYear, format_decimal
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.services import figure_entry, programme_catalogue, programme_dashboards, targets
from nsss_desktop.services.cumulative import cumulative_between
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import JournalTxn, Programme
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.main_window import NAV_WIDTH, WINDOW_SIZE
from ui.qt import QDate, Qt
from ui.screens.programme_register_model import column
from ui.screens.programmes import ProgrammesScreen

TIMEOUT = 30_000


@pytest.fixture
def db(demo_db) -> Database:  # noqa: ANN001
    path, _ = demo_db
    database = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    yield database
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    database.close()


@pytest.fixture
def screen(qtbot, app, db) -> ProgrammesScreen:  # noqa: ANN001
    widget = ProgrammesScreen(db)
    qtbot.addWidget(widget)
    widget.resize(1180, 720)
    widget.show()
    widget.ensure_loaded()
    qtbot.waitUntil(widget.is_ready, timeout=TIMEOUT)
    return widget


def programme_codes(db: Database) -> set[str]:
    with db.reader() as s:
        return set(s.scalars(select(Programme.code).where(Programme.is_budget_total.is_(False))))


def search(qtbot, screen: ProgrammesScreen, text: str) -> list[str]:  # noqa: ANN001
    screen.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(screen.search_edit, text)
    else:  # QTest types ASCII only; insert() is what an input method does
        screen.search_edit.insert(text)
    assert not screen.is_ready()  # typing waits for the pause before searching
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    return screen.shown_codes()


def open_programme(qtbot, screen: ProgrammesScreen, code: str) -> None:  # noqa: ANN001
    assert screen.select_programme(code)
    qtbot.waitUntil(lambda: screen.detail.is_ready()
                    and screen.detail.detail.programme.code == code, timeout=TIMEOUT)


# --- register and search ----------------------------------------------------------------------


def test_register_lists_every_programme_and_marks_demo_classification(screen, db) -> None:  # noqa: ANN001
    assert set(screen.shown_codes()) == programme_codes(db)
    row = screen.model.row_of("OAA")
    index = screen.model.index(row, column("name"))
    assert index.data() == "Old Age Allowance"
    with db.reader() as s:
        oaa = s.scalar(select(Programme).where(Programme.code == "OAA"))
        synthetic = oaa.cluster_synthetic
    cluster = screen.model.index(row, column("cluster")).data()
    assert cluster.endswith("(demo)") == synthetic
    assert screen.model.index(row, column("lead")).data() == "Ministry of Social Welfare"
    assert screen.model.index(row, column("active")).data() == "Active"


def test_search_by_english_and_bangla_name_and_by_ministry(qtbot, screen, db) -> None:  # noqa: ANN001
    found = search(qtbot, screen, "old age allowance")
    assert "OAA" in found and "FFP" not in found
    found = search(qtbot, screen, "বয়স্ক")
    assert "OAA" in found and "FFP" not in found and "VGD" not in found
    # By ministry name: exactly the programmes the ministry leads or implements.
    with db.reader() as s:
        mowca = {p.code for p in figure_entry.ministry_programmes(s, "MoWCA")}
    assert mowca
    assert set(search(qtbot, screen, "Women and Children Affairs")) == mowca
    assert "results" not in screen.count.text() and "of" in screen.count.text()
    screen.search_edit.clear()
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    assert set(screen.shown_codes()) == programme_codes(db)


def test_filters_by_ministry_cluster_and_active(qtbot, screen, db) -> None:  # noqa: ANN001
    with db.reader() as s:
        mosw = {p.code for p in figure_entry.ministry_programmes(s, "MoSW")}
        cat = programme_catalogue.load(s)
        social = {cat.programmes[p].code
                  for p in cat.programmes_of_cluster(cat.by_code("cluster", "SA").id)}
    screen.choose("ministry", "MoSW")
    assert set(screen.shown_codes()) == mosw
    screen.choose("cluster", "SA")
    assert set(screen.shown_codes()) == mosw & social
    screen.choose("active", False)
    assert screen.shown_codes() == [c for c in screen.shown_codes() if c not in mosw]
    screen.choose("ministry", None)
    screen.choose("cluster", None)
    screen.choose("active", None)
    assert set(screen.shown_codes()) == programme_codes(db)


# --- detail: series, drill-down ---------------------------------------------------------------


def test_detail_series_equals_the_dashboards_series(qtbot, screen, db) -> None:  # noqa: ANN001
    open_programme(qtbot, screen, "OAA")
    with db.reader() as s:
        pid = s.scalar(select(Programme.id).where(Programme.code == "OAA"))
        expected = programme_dashboards.series(s, [pid])
    shown = screen.detail.series_model.table
    assert shown is not None and len(shown.rows) == len(expected.rows) > 3
    model = screen.detail.series_model
    keys = [c.key for c in shown.columns]
    assert "programmes_counted" not in keys
    for r, row in enumerate(expected.rows):
        assert model.index(r, keys.index("fiscal_year")).data() == row["fiscal_year"]
        for key in ("active_beneficiaries", "budget", "expenditure"):
            text = model.index(r, keys.index(key)).data()
            value = row[key]
            assert text == ("—" if value is None else format_decimal(value, 2)), (r, key)
    # The chart has the same years and values.
    assert not screen.detail.chart.is_empty()
    assert screen.detail.field_values["name_bn"].text() == "বয়স্ক ভাতা"

    # A double click on a number opens the figure rows behind it.
    r = next(i for i, row in enumerate(expected.rows) if row["budget"] is not None)
    index = model.index(r, keys.index("budget"))
    screen.detail.setCurrentWidget(screen.detail.series_tab)
    view = screen.detail.series_view
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().height() > 50, timeout=5000)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # Qt 6's item views need the press that precedes a real double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = screen.detail.drill_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    with db.reader() as s:
        rows = programme_dashboards.drilldown(s, expected.drill[(r, "budget")]).rows
    assert dialog.model.table.rows == rows and any(x["used"] == "yes" for x in rows)
    dialog.close()


# --- targets ----------------------------------------------------------------------------------


def test_set_a_target_and_see_progress(qtbot, screen, db) -> None:  # noqa: ANN001
    open_programme(qtbot, screen, "OAA")
    tab = screen.detail.targets_tab
    screen.detail.setCurrentWidget(tab)
    tab.choose_year("2023-24")
    qtbot.waitUntil(tab.is_ready, timeout=TIMEOUT)
    measures = [p.measure for p in tab.progress]
    row = measures.index("active_beneficiaries")
    assert tab.table.item(row, 1).text() == ""  # blank: no target entered
    assert tab.table.item(row, 4).text() == "No target set"
    before = journal(db)

    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("active_beneficiaries"))
    tab.value_edit.insert("৬০,০০,০০০")  # Bangla digits, lakh grouping
    qtbot.keyClick(tab.value_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.message.kind == "success" and tab.is_ready(), timeout=TIMEOUT)
    assert journal(db) == before + 1
    with db.reader() as s:
        (expected,) = [p for p in targets.progress(s, FiscalYear.parse("2023-24"),
                                                   programme_codes={"OAA"})
                       if p.measure == "active_beneficiaries"]
    assert expected.target == Count(6_000_000)
    assert tab.table.item(row, 1).text() == "60.00 lakh"
    assert tab.table.item(row, 2).text() == f"{format_decimal(expected.actual.lakh, 2)} lakh"
    assert tab.table.item(row, 3).text() == f"{format_decimal(expected.percent_achieved, 1)}%"
    assert expected.status in ("on_track", "met", "behind")
    assert tab.table.item(row, 4).text() == {"on_track": "On track",
                                             "met": "Met", "behind": "Behind"}[expected.status]

    # "Not available" is its own value, distinct from blank and zero.
    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("benefit_value"))
    qtbot.keyClicks(tab.value_edit, "NA")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.is_ready() and tab.table.item(
        measures.index("benefit_value"), 1).text() == "not available", timeout=TIMEOUT)
    assert tab.table.item(measures.index("benefit_value"), 1).font().italic()
    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("budget"))
    qtbot.keyClicks(tab.value_edit, "0")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.is_ready() and tab.table.item(
        measures.index("budget"), 1).text() == "0.00 crore Tk", timeout=TIMEOUT)
    assert tab.table.item(measures.index("budget"), 3).text() == ""  # no % of a zero target
    with db.reader() as s:
        stored = {t.measure: t.value for t in targets.targets(
            s, FiscalYear.parse("2023-24"), {"OAA"})}
    assert stored["benefit_value"] is NOT_AVAILABLE and stored["budget"].poisha == 0

    # A value that is not a number is refused under the field; nothing is written.
    before = journal(db)
    qtbot.keyClicks(tab.value_edit, "sixty")
    tab.save_button.click()
    assert tab.value_error.isVisible() and "sixty" in tab.value_error.text()
    assert journal(db) == before


def journal(db: Database) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(JournalTxn))


# --- cumulative -------------------------------------------------------------------------------


def test_cumulative_between_dates_sums_flows_and_lists_left_out_periods(qtbot, screen,  # noqa: ANN001
                                                                       db) -> None:  # noqa: ANN001
    open_programme(qtbot, screen, "OAA")
    panel = screen.detail.cumulative_tab
    screen.detail.setCurrentWidget(panel)
    start, end = date(2021, 8, 1), date(2024, 6, 30)  # 2021-22 is only partly inside
    panel.from_edit.setDate(QDate(start.year, start.month, start.day))
    panel.to_edit.setDate(QDate(end.year, end.month, end.day))
    panel.calculate_button.click()
    qtbot.waitUntil(lambda: panel.is_ready() and panel.result.start == start, timeout=TIMEOUT)
    with db.reader() as s:
        pid = s.scalar(select(Programme.id).where(Programme.code == "OAA"))
        expected = cumulative_between(s, start, end, programme_ids={pid})
    assert [lo.period for lo in panel.result.left_out] == [lo.period
                                                           for lo in expected.left_out]
    assert [str(lo.period) for lo in expected.left_out] == ["2021-22"]
    assert panel.left_out.count() == 1
    assert panel.left_out.item(0).text() == "2021-22: starts before 1 Aug 2021"
    values = expected.programmes[0].values
    shown = {panel.table.item(r, 0).text(): (panel.table.item(r, 1).text(),
                                             panel.table.item(r, 2).text())
             for r in range(panel.table.rowCount())}
    budget = values["budget"]
    assert shown["Budget (revised, else original)"] == (
        f"{format_decimal(budget.value.crore, 2)} crore Tk",
        f"sum over {budget.months} months")
    active = values["active_beneficiaries"]
    assert shown["Active beneficiaries"] == (
        f"{format_decimal(active.value.lakh, 2)} lakh", f"as of {active.as_of} (not summed)")
    # Widening the range to whole fiscal years brings 2021-22 back in and adds its budget.
    panel.set_range(date(2021, 7, 1), end)
    qtbot.waitUntil(lambda: panel.is_ready() and panel.result.start == date(2021, 7, 1),
                    timeout=TIMEOUT)
    assert panel.left_out.count() == 0
    wider = panel.result.programmes[0].values["budget"].value
    assert wider.poisha >= budget.value.poisha


# --- language ---------------------------------------------------------------------------------


def test_bangla_interface_shows_bangla_names_and_measure_labels(qtbot, screen) -> None:  # noqa: ANN001
    open_programme(qtbot, screen, "OAA")
    i18n.set_language("bn")
    row = screen.model.row_of("OAA")
    assert screen.model.index(row, column("name")).data() == "বয়স্ক ভাতা"
    headers = [screen.detail.series_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(screen.detail.series_model.columnCount())]
    assert any(h.startswith("সক্রিয় উপকারভোগী") for h in headers)
    qtbot.waitUntil(lambda: screen.ministry_combo.findText("সমাজকল্যাণ মন্ত্রণালয়") >= 0,
                    timeout=5000)  # the LanguageChange event refills the lists
    assert screen.detail.field_values["lead"].text() == "সমাজকল্যাণ মন্ত্রণালয়"
    assert screen.detail.cumulative_tab.from_edit.text()[0] in "০১২৩৪৫৬৭৮৯"
    # The screen still fits a 1366-pixel screen beside the navigation list.
    assert screen.minimumSizeHint().width() <= WINDOW_SIZE.width() - NAV_WIDTH - 24
    i18n.set_language("en")
    assert screen.model.index(row, column("name")).data() == "Old Age Allowance"
    qtbot.waitUntil(lambda: screen.ministry_combo.findText("Ministry of Social Welfare") >= 0,
                    timeout=5000)


def test_percent_targets_accept_decimals(qtbot, screen, db) -> None:  # noqa: ANN001
    open_programme(qtbot, screen, "OAA")
    tab = screen.detail.targets_tab
    tab.choose_year("2023-24")
    qtbot.waitUntil(tab.is_ready, timeout=TIMEOUT)
    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("coverage"))
    qtbot.keyClicks(tab.value_edit, "45.5%")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.message.kind == "success", timeout=TIMEOUT)
    with db.reader() as s:
        stored = {t.measure: t.value for t in targets.targets(
            s, FiscalYear.parse("2023-24"), {"OAA"})}
    assert stored["coverage"] == Decimal("45.50")
