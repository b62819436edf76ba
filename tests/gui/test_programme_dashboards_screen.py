"""The programme dashboards screen on a real demo database, driven as a user would drive it.

Every number on screen is checked against `services.programme_dashboards` for the same filters
(one source of numbers), and a few against the published figures in the demo data
(/work/shared/data/programmes.csv: 2017-18, 75.06 lakh beneficiaries and Tk 25,998.50 crore,
as tests/test_demo_data.py verifies), so a formatting, counting or wiring slip shows up.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from nsss_desktop.domain import Count, FiscalYear, Money, Period
from nsss_desktop.domain.fiscal_year import PeriodKind
from nsss_desktop.domain.numbers import format_decimal
from nsss_desktop.services import figure_entry
from nsss_desktop.services import programme_dashboards as dashboards
from nsss_desktop.services.demo import build_demo
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Figure, Ministry, Programme, ProgrammeMinistry
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.main_window import MainWindow
from ui.models.table_model import NUMERIC_PLACES
from ui.qt import QPointF, Qt, QWidget
from ui.screens.programme_dashboard_text import DRILL_ROLE
from ui.screens.programme_dashboards import ProgrammeDashboardsScreen

TIMEOUT = 30_000
LONG_TAIL = re.compile(r"[.][0-9\u09e6-\u09ef]{3,}|e[+-]?[0-9]")  # 1974.340000000001, 1e-05


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dashboards") / "demo.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    with db:
        build_demo(db)
    return path


@pytest.fixture
def db(_template: Path, tmp_path: Path) -> Database:
    """A private copy of the demo database (tests may write to it before the screen opens)."""
    path = tmp_path / "demo.nsssdb"
    shutil.copyfile(_template, path)
    shutil.copyfile(keys.key_file_for(_template), keys.key_file_for(path))
    return Database.open(path, passphrase=PASSPHRASE, use_keyring=False)


@pytest.fixture
def open_screen(qtbot, app, db: Database):  # noqa: ANN001, ANN201
    """Open the main window on `db` and show the dashboards screen, loaded."""
    windows: list[MainWindow] = []

    def opener() -> ProgrammeDashboardsScreen:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        screen = window.show_screen("dashboards")
        assert isinstance(screen, ProgrammeDashboardsScreen)
        qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
        return screen

    yield opener
    for window in windows:
        window.close()


# --- helpers ----------------------------------------------------------------------------------


def core(db: Database, make, *args, **kw):  # noqa: ANN001, ANN201
    with db.reader() as session:
        return make(session, *args, **kw)


def wait_ready(qtbot, screen: ProgrammeDashboardsScreen) -> None:  # noqa: ANN001
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)


def text(page, row: int, key: str) -> str:  # noqa: ANN001
    model = page.model
    column = model.column_of(key)
    assert column >= 0, key
    return model.index(row, column).data()


def row_named(page, name: str) -> int:  # noqa: ANN001
    """The row whose name (programme, group or fiscal year) column shows `name`."""
    model = page.model
    column = next(i for i, c in enumerate(model.table.columns)
                  if c.key in ("name_en", "group", "fiscal_year", "programme"))
    rows = [r for r in range(model.rowCount()) if model.index(r, column).data() == name]
    assert rows, f"no row {name!r}"
    return rows[0]


def shown(value: object, kind: str, lang: str = "en") -> str:
    if value is None:
        return "—"
    return format_decimal(value, NUMERIC_PLACES[kind], lang)  # type: ignore[arg-type]


def assert_same_table(page, expected: DashboardTable, lang: str = "en") -> None:  # noqa: ANN001
    """Every number of the core's table is shown, formatted, with its drill-down key."""
    model = page.model
    assert model.rowCount() == len(expected.rows)
    assert [c.key for c in model.table.columns] == [c.key for c in expected.columns]
    for r, row in enumerate(expected.rows):
        for c, column in enumerate(expected.columns):
            if column.kind not in NUMERIC_PLACES:
                continue
            value = row.get(column.key)
            want = "n/a" if value == "n/a" else shown(value, column.kind, lang)
            assert model.index(r, c).data() == want, (r, column.key)
            assert model.index(r, c).data(DRILL_ROLE) == expected.drill.get((r, column.key))


def assert_no_float_artefacts(screen: ProgrammeDashboardsScreen) -> int:
    checked = 0
    for page in screen.pages.values():
        model = page.model
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                cell = model.index(r, c).data() or ""
                assert not LONG_TAIL.search(cell), cell
                checked += 1
    return checked


def activate_by_double_click(qtbot, screen, page_key: str, row: int, key: str) -> None:  # noqa: ANN001
    page = screen.pages[page_key]
    screen.tabs.setCurrentWidget(page)
    index = page.model.index(row, page.model.column_of(key))
    page.view.scrollTo(index)
    rect = page.view.visualRect(index)
    assert rect.isValid() and page.view.viewport().rect().contains(rect.center())
    # QTest's double click is a press and a double-click event; a real one starts with a click.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def activate_by_enter(qtbot, screen, page_key: str, row: int, key: str) -> None:  # noqa: ANN001
    page = screen.pages[page_key]
    screen.tabs.setCurrentWidget(page)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, page.model.column_of(key)))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)


def choose(qtbot, screen, combo, data) -> None:  # noqa: ANN001
    index = combo.findData(data)
    assert index >= 0, data
    if combo.currentIndex() == index:
        return
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        combo.setCurrentIndex(index)


def show_ministry(qtbot, screen, code: str) -> None:  # noqa: ANN001
    choose(qtbot, screen, screen.view_combo, "ministry")
    choose(qtbot, screen, screen.item_combo, code)
    assert (screen.data.request.kind, screen.data.request.code) == ("ministry", code)


# --- tests ------------------------------------------------------------------------------------


def test_national_view_shows_the_core_series_and_the_published_figures(open_screen, db) -> None:  # noqa: ANN001
    screen = open_screen()
    expected = core(db, dashboards.national_view)
    assert screen.data.request.kind == "national"
    assert screen.data.view.fiscal_year == expected.fiscal_year
    series = screen.pages["series"]
    assert_same_table(series, expected.tables["series"])
    for key in ("programmes", "by_cluster", "by_life_cycle"):
        assert_same_table(screen.pages[key], expected.tables[key])
    assert_same_table(screen.pages["by_ministry"],
                      core(db, dashboards.all_ministries, fiscal_year=expected.fiscal_year))
    # The published figures of 2017-18, as in programmes.csv.
    row = row_named(series, "2017-18")
    assert text(series, row, "active_beneficiaries") == "75.06"
    assert text(series, row, "budget") == "25,998.50"
    # The chart draws the same numbers.
    chart = screen.series_chart
    assert not chart.is_empty()
    chart.hover_index(row)
    assert "75.06 lakh" in chart.readout_text() and "25,998.50 crore Tk" in chart.readout_text()
    # Notes under the tables, and nothing marked as submitted.
    assert "counted once" in series.notes.text()
    assert not screen.banner.isVisible()
    assert not screen.charts.share.is_empty()  # budget share by cluster
    assert assert_no_float_artefacts(screen) > 100


def test_ministry_to_cluster_to_life_cycle_drill_down_and_back(qtbot, open_screen, db) -> None:  # noqa: ANN001
    screen = open_screen()
    fy = screen.data.view.fiscal_year
    show_ministry(qtbot, screen, "MoSW")
    mosw = core(db, dashboards.ministry_view, "MoSW", fiscal_year=fy)
    for key in ("series", "programmes", "by_cluster", "by_life_cycle"):
        assert_same_table(screen.pages[key], mosw.tables[key])
    assert not screen.tabs.isTabVisible(screen.tabs.indexOf(screen.pages["by_ministry"]))
    assert "Ministry of Social Welfare" in screen.title.text()

    # A cluster row of the ministry opens the cluster's own dashboard.
    page = screen.pages["by_cluster"]
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        activate_by_double_click(qtbot, screen, "by_cluster", row_named(page, "Social Allowance"),
                                 "group")
    assert (screen.data.request.kind, screen.data.request.code) == ("cluster", "SA")
    cluster = core(db, dashboards.cluster_view, "SA", fiscal_year=fy)
    for key in ("series", "programmes", "by_ministry"):
        assert_same_table(screen.pages[key], cluster.tables[key])
    by_ministry = screen.pages["by_ministry"]
    total = row_named(by_ministry, "Total (each programme once)")
    assert text(by_ministry, total, "budget") == shown(
        cluster.tables["by_ministry"].rows[-1]["budget"], "crore")
    assert screen.back_button.isEnabled()

    # Its ministry row (Enter) leads back to the ministry, whose life-cycle row opens the stage.
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        activate_by_enter(qtbot, screen, "by_ministry",
                          row_named(by_ministry, "Ministry of Social Welfare"), "group")
    assert (screen.data.request.kind, screen.data.request.code) == ("ministry", "MoSW")
    page = screen.pages["by_life_cycle"]
    old_age = row_named(page, "Old age")
    assert text(page, old_age, "budget") == shown(
        mosw.tables["by_life_cycle"].rows[old_age]["budget"], "crore")
    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        activate_by_double_click(qtbot, screen, "by_life_cycle", old_age, "group")
    assert (screen.data.request.kind, screen.data.request.code) == ("life_cycle", "OLD")
    stage = core(db, dashboards.life_cycle_view, "OLD", fiscal_year=fy)
    for key in ("series", "programmes", "by_ministry"):
        assert_same_table(screen.pages[key], stage.tables[key])
    programmes = screen.pages["programmes"]
    assert text(programmes, row_named(programmes, "Old Age Allowance"), "budget") == shown(
        next(r for r in stage.tables["programmes"].rows if r["code"] == "OAA")["budget"], "crore")
    assert screen.item_combo.currentData() == "OLD"

    # Back returns through the views in reverse order.
    for kind, code in (("ministry", "MoSW"), ("cluster", "SA"), ("ministry", "MoSW")):
        with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
            qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
        assert (screen.data.request.kind, screen.data.request.code) == (kind, code)
    assert_same_table(screen.pages["programmes"], mosw.tables["programmes"])
    assert assert_no_float_artefacts(screen) > 50


def test_drilldown_dialog_lists_the_rows_behind_a_number(qtbot, open_screen, db) -> None:  # noqa: ANN001
    screen = open_screen()
    series = screen.pages["series"]
    row = row_named(series, "2017-18")
    key = series.model.index(row, series.model.column_of("budget")).data(DRILL_ROLE)
    assert isinstance(key, DrillKey) and key.fiscal_years == (2017,) and len(key.programme_ids) > 1
    activate_by_enter(qtbot, screen, "series", row, "budget")
    dialog = screen.drill_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    assert dialog.isVisible() and "25,998.50" in dialog.heading.text()
    expected = core(db, dashboards.drilldown, key)
    model = dialog.model
    assert model.rowCount() == len(expected.rows) >= len(key.programme_ids)
    codes = {model.index(r, model.column_of("programme")).data() for r in range(model.rowCount())}
    assert codes == {r["programme"] for r in expected.rows}
    used = [r for r in range(model.rowCount()) if model.index(r, model.column_of("used")).data()
            == "yes"]
    # The rows used make up the number: their values add up to the budget shown.
    assert sum(Decimal(model.index(r, model.column_of("value")).data().replace(",", ""))
               for r in used) == Decimal("25998.50")
    assert {model.index(r, model.column_of("stage")).data() for r in used} <= \
        {"actual", "revised", "reported", "proposed"}
    assert all(model.index(r, model.column_of("source")).data() for r in range(model.rowCount()))
    dialog.close()

    # A bar of the budget share chart opens the same rows as its table cell.
    screen.tabs.setCurrentWidget(screen.charts)
    chart = screen.charts.share
    qtbot.waitUntil(lambda: chart.isVisible() and chart.view.width() > 100)
    by_cluster = screen.pages["by_cluster"]
    sa = row_named(by_cluster, "Social Allowance")
    cell_key = by_cluster.model.index(sa, by_cluster.model.column_of("budget")).data(DRILL_ROLE)
    index = next(i for i, b in enumerate(chart._bars) if b.key == cell_key)
    plot = chart._plot
    scene = plot.vb.mapViewToScene(QPointF(0.5 * float(chart._lengths()[index]), index))
    pos = chart.view.mapFromScene(scene)
    with qtbot.waitSignal(chart.barClicked, timeout=TIMEOUT) as clicked:
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert clicked.args == [cell_key]
    qtbot.waitUntil(lambda: screen.drill_dialog is not dialog and screen.drill_dialog.is_ready(),
                    timeout=TIMEOUT)
    assert screen.drill_dialog.key == cell_key
    screen.drill_dialog.close()


def test_a_ministry_total_drills_down_to_all_its_rows(qtbot, open_screen, db) -> None:  # noqa: ANN001
    screen = open_screen()
    show_ministry(qtbot, screen, "MoSW")
    page = screen.pages["programmes"]
    total = page.model.rowCount() - 1
    number = text(page, total, "active_beneficiaries")
    activate_by_enter(qtbot, screen, "programmes", total, "active_beneficiaries")
    dialog = screen.drill_dialog
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    model = dialog.model
    used = [r for r in range(model.rowCount())
            if model.index(r, model.column_of("used")).data() == "yes"]
    assert sum(Decimal(model.index(r, model.column_of("value")).data().replace(",", ""))
               for r in used) == Decimal(number.replace(",", ""))
    dialog.close()


def _submit_oaa(db: Database) -> None:
    """A submitted (not yet approved) actual figure for OAA in 2025-26, with a gender split."""
    with db.unit_of_work(description="submitted figure") as uow:
        figure_entry.save(uow.session, [FigureInput(
            "OAA", None, Period(FiscalYear(2025), PeriodKind.YEAR, 1),
            values={"active_beneficiaries": Count.from_lakh("62.5")},
            disaggregations=[DisaggregationInput("gender", "female", Count.from_lakh("30")),
                             DisaggregationInput("gender", "male", Count.from_lakh("32.5"))])],
            state="submitted")


def test_include_submitted_shows_a_banner_and_the_submitted_numbers(qtbot, open_screen, db) -> None:  # noqa: ANN001
    _submit_oaa(db)
    screen = open_screen()
    programmes = screen.pages["programmes"]
    oaa = row_named(programmes, "Old Age Allowance")
    series = screen.pages["series"]
    year = row_named(series, "2025-26")
    assert text(programmes, oaa, "active_beneficiaries") == "61.00"
    approved_total = text(series, year, "active_beneficiaries")
    assert not screen.banner.isVisible()
    screen.charts.breakdown.setCurrentIndex(screen.charts.breakdown.findData("gender"))
    assert screen.charts.stacked.is_empty()  # approved data has no gender split

    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.mouseClick(screen.submitted_check, Qt.MouseButton.LeftButton)
    assert screen.submitted_check.isChecked() and screen.data.request.scope == "submitted"
    assert screen.banner.isVisible() and "not yet approved" in screen.banner.text()
    expected = core(db, dashboards.national_view, scope="submitted")
    assert_same_table(series, expected.tables["series"])
    assert_same_table(programmes, expected.tables["programmes"])
    oaa = row_named(programmes, "Old Age Allowance")
    year = row_named(series, "2025-26")
    assert text(programmes, oaa, "active_beneficiaries") == "62.50"
    assert text(programmes, oaa, "stage") == "actual"
    assert Decimal(text(series, year, "active_beneficiaries")) - Decimal(approved_total) == \
        Decimal("1.50")
    stacked = screen.charts.stacked
    assert screen.charts.dimension() == "gender" and not stacked.is_empty()
    stacked.hover_index(0)
    assert "30.00 lakh" in stacked.readout_text() and "32.50 lakh" in stacked.readout_text()
    # The drill-down of a submitted number says so and lists the submitted row as used.
    activate_by_enter(qtbot, screen, "programmes", oaa, "active_beneficiaries")
    dialog = screen.drill_dialog
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    assert dialog.scope_note.isVisible()
    model = dialog.model
    states = {model.index(r, model.column_of("state")).data():
              model.index(r, model.column_of("used")).data() for r in range(model.rowCount())}
    assert states == {"approved": "", "submitted": "yes"}
    dialog.close()

    with qtbot.waitSignal(screen.ready, timeout=TIMEOUT):
        qtbot.mouseClick(screen.submitted_check, Qt.MouseButton.LeftButton)
    assert not screen.banner.isVisible()
    assert text(programmes, row_named(programmes, "Old Age Allowance"),
                "active_beneficiaries") == "61.00"


def _share_programmes(db: Database) -> None:
    """TEST_SHARED with each ministry's share (MoSW 10, MoWCA 5.5 lakh and crore) in 2023-24,
    and OAA also implemented by MoWCA, with programme-level figures only."""
    with db.reader() as s:
        mosw = s.scalar(select(Ministry.id).where(Ministry.code == "MoSW"))
        mowca = s.scalar(select(Ministry.id).where(Ministry.code == "MoWCA"))
        oaa = s.scalar(select(Programme.id).where(Programme.code == "OAA"))
    with db.unit_of_work(description="shared programmes") as uow:
        shared = Programme(code="TEST_SHARED", name_en="Shared test programme")
        uow.session.add(shared)
        uow.session.flush()
        for ministry, lakh in ((mosw, "10"), (mowca, "5.5")):
            uow.session.add(ProgrammeMinistry(programme_id=shared.id, ministry_id=ministry))
            uow.session.add(Figure(programme_id=shared.id, ministry_id=ministry, fiscal_year=2023,
                                   stage="actual",
                                   active_beneficiaries=Count.from_lakh(lakh).persons,
                                   budget_original_poisha=Money.from_crore(lakh).poisha))
        uow.session.add(ProgrammeMinistry(programme_id=oaa, ministry_id=mowca))


def test_a_shared_programme_is_marked_and_counted_once(qtbot, open_screen, db) -> None:  # noqa: ANN001
    fy = FiscalYear(2023)
    before = core(db, dashboards.national_view, fiscal_year=fy)
    _share_programmes(db)
    screen = open_screen()
    choose(qtbot, screen, screen.year_combo, 2023)
    series, programmes = screen.pages["series"], screen.pages["programmes"]
    old = next(r for r in before.tables["series"].rows if r["fiscal_year"] == "2023-24")
    year = row_named(series, "2023-24")
    # National: the shares add up to the programme, counted once (10 + 5.5, not twice).
    assert text(series, year, "active_beneficiaries") == shown(
        old["active_beneficiaries"] + Decimal("15.5"), "lakh")
    assert text(series, year, "budget") == shown(old["budget"] + Decimal("15.5"), "crore")
    row = row_named(programmes, "Shared test programme")
    assert text(programmes, row, "active_beneficiaries") == "15.50"

    # MoSW: its own share; OAA (now also MoWCA's, no shares) is marked shared, out of the total.
    show_ministry(qtbot, screen, "MoSW")
    assert screen.data.request.fiscal_year == fy
    expected = core(db, dashboards.ministry_view, "MoSW", fiscal_year=fy).tables["programmes"]
    assert_same_table(programmes, expected)
    row = row_named(programmes, "Shared test programme")
    assert text(programmes, row, "basis") == "ministry share"
    assert text(programmes, row, "active_beneficiaries") == "10.00"
    oaa = row_named(programmes, "Old Age Allowance")
    assert text(programmes, oaa, "basis") == "shared"
    assert programmes.model.index(oaa, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    counted = sum(r["active_beneficiaries"] for r in expected.rows[:-1]
                  if isinstance(r["active_beneficiaries"], Decimal) and r["basis"] != "shared")
    total = row_named(programmes, "Total (each programme once)")
    assert text(programmes, total, "active_beneficiaries") == shown(counted, "lakh")
    assert "marked 'shared'" in programmes.notes.text()
    assert not programmes.view.isColumnHidden(programmes.model.column_of("basis"))

    show_ministry(qtbot, screen, "MoWCA")
    row = row_named(programmes, "Shared test programme")
    assert text(programmes, row, "active_beneficiaries") == "5.50"
    assert text(programmes, row_named(programmes, "Old Age Allowance"), "basis") == "shared"


def test_bangla_shows_bangla_digits_and_names(qtbot, open_screen, db) -> None:  # noqa: ANN001
    screen = open_screen()
    i18n.set_language("bn")  # widgets retranslate when the LanguageChange event is delivered
    qtbot.waitUntil(lambda: bool(re.search("[\u09e6-\u09ef]", screen.year_combo.currentText())))
    series, programmes = screen.pages["series"], screen.pages["programmes"]
    row = row_named(series, "২০১৭-১৮")
    assert text(series, row, "active_beneficiaries") == "৭৫.০৬"
    assert text(series, row, "budget") == "২৫,৯৯৮.৫০"
    assert row_named(programmes, "বয়স্ক ভাতা") >= 0
    lead = text(programmes, row_named(programmes, "বয়স্ক ভাতা"), "lead_ministry")
    assert lead == "সমাজকল্যাণ মন্ত্রণালয়"
    assert re.search("[\u0980-\u09ff]", screen.title.text())  # সকল মন্ত্রণালয় or a translation
    activate_by_enter(qtbot, screen, "programmes", row_named(programmes, "বয়স্ক ভাতা"),
                      "active_beneficiaries")
    dialog = screen.drill_dialog
    qtbot.waitUntil(dialog.is_ready, timeout=TIMEOUT)
    model = dialog.model
    assert {model.index(r, model.column_of("name_en")).data()
            for r in range(model.rowCount())} == {"বয়স্ক ভাতা"}
    assert "৬১.০০" in {model.index(r, model.column_of("value")).data()
                       for r in range(model.rowCount())}
    assert "৬১.০০" in dialog.heading.text()
    dialog.close()
    show_ministry(qtbot, screen, "MoSW")
    assert screen.item_combo.currentText() == "সমাজকল্যাণ মন্ত্রণালয়"
    page = screen.pages["by_life_cycle"]
    assert row_named(page, "বার্ধক্য") >= 0
    assert "সমাজকল্যাণ মন্ত্রণালয়" in screen.title.text()
    assert_no_float_artefacts(screen)
    i18n.set_language("en")
    qtbot.waitUntil(lambda: screen.item_combo.currentText() == "Ministry of Social Welfare")
    assert row_named(page, "Old age") >= 0


def test_keyboard_reaches_every_control(open_screen) -> None:  # noqa: ANN001
    screen = open_screen()
    chain: list[QWidget] = []
    widget = screen.back_button.nextInFocusChain()
    for _ in range(40):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    for control in (screen.view_combo, screen.year_combo, screen.submitted_check, screen.tabs,
                    screen.pages["series"].view):
        assert control in chain
    assert screen.view_label.buddy() is screen.view_combo
