"""The reform screens (committee, ministries, clusters, search, reports) on a demo database
with a recorded history, driven as a user would and checked against the core's own numbers.

Expected values are computed here by the services (`reform_views`, `search`,
`build_reform_report`), never hard-coded, so a counting or formatting slip in the UI shows up.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from nsss_desktop.domain.fiscal_year import FiscalYear
from nsss_desktop.domain.numbers import format_decimal
from nsss_desktop.services import reform_views
from nsss_desktop.services.demo import build_demo
from nsss_desktop.services.reform_views import SHARED, STATUS_ORDER, StatusCounts
from nsss_desktop.services.search import search
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from tests.gui.conftest import PASSPHRASE
from tests.gui.reform_seed import BANGLA_TERM, ENGLISH_TERM, seed
from ui import i18n
from ui.main_window import MainWindow
from ui.models.list_model import CELL_ROLE
from ui.qt import Qt, QTableView
from ui.reform_widgets import count_text
from ui.rich_text import HIGHLIGHT, HTML_ROLE, highlight_html

TIMEOUT = 30_000


@pytest.fixture(scope="module")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reform-screens") / "seeded.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    with db:
        build_demo(db)
        seed(db, date.today())
    return path


@pytest.fixture
def window(qtbot, app, _seeded_template: Path, tmp_path: Path):  # noqa: ANN001, ANN201
    """The main window on a private copy of the seeded demo database."""
    path = tmp_path / "seeded.nsssdb"
    shutil.copyfile(_seeded_template, path)
    shutil.copyfile(keys.key_file_for(_seeded_template), keys.key_file_for(path))
    win = MainWindow(Database.open(path, passphrase=PASSPHRASE, use_keyring=False))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def show(qtbot, window: MainWindow, key: str):  # noqa: ANN001, ANN201
    screen = window.show_screen(key)
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
    return screen


def click_cell(qtbot, view: QTableView, row: int, column: int) -> None:  # noqa: ANN001
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def assert_counts_row(view: QTableView, row: int, expected: StatusCounts, lang: str) -> None:
    """Every status column shows "count (percent%)" of the core and carries its Cell."""
    model = view.model()
    for column, status in enumerate(STATUS_ORDER, start=1):
        cell = expected.by_status[status]
        shown = model.index(row, column).data()
        assert model.index(row, column).data(CELL_ROLE) == cell
        want = count_text(cell.count, expected.percent[status] if expected.total.count else None)
        assert shown == want, (row, status)
        assert shown.split(" ")[0] == formatted(cell.count, lang)
    total = model.index(row, len(STATUS_ORDER) + 1)
    assert total.data(CELL_ROLE) == expected.total
    assert total.data() == formatted(expected.total.count, lang)


def formatted(count: int, lang: str) -> str:
    return format_decimal(count, 0, lang)


# --- committee ----------------------------------------------------------------------------------


def test_committee_numbers_equal_the_service_and_drill_down(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "committee")
    today = date.today()
    with window.db.reader() as session:
        expected = reform_views.committee_summary(session, today)
        series = reform_views.progress_series(
            session, FiscalYear.containing(today).previous().start, today)
    assert expected.total.total.count > 0
    assert {s for s in STATUS_ORDER if expected.total.by_status[s].count} >= {
        "completed", "in_progress", "delayed", "dropped"}  # the seed recorded a history

    for view, groups in ((screen.ministry_table, expected.per_ministry),
                         (screen.cluster_table, expected.per_cluster)):
        assert view.model().rowCount() == len(groups) + 1  # and the totals row
        for row, group in enumerate(groups):
            assert_counts_row(view, row, group.counts, "en")
        assert_counts_row(view, len(groups), expected.total, "en")  # each activity once
    assert screen.overdue_list.activity_ids() == [i.row.activity_id for i in expected.overdue]
    assert screen.recent_list.activity_ids() == [
        i.row.activity_id for i in expected.recently_completed]
    assert len(screen.recent_list.activity_ids()) >= 1
    assert [(p.period, p.counts) for p in screen.chart.points] == [
        (p.period, p.counts) for p in series]

    # Drill-down: a count lists exactly its activities, in the core's order.
    totals_row = len(expected.per_ministry)
    for row, status in ((totals_row, "delayed"), (totals_row, "completed"), (0, "completed")):
        column = STATUS_ORDER.index(status) + 1
        click_cell(qtbot, screen.ministry_table, row, column)
        counts = expected.total if row == totals_row else expected.per_ministry[row].counts
        cell = counts.by_status[status]
        assert screen.lists.currentWidget() is screen.drill_list
        assert screen.drill_list.activity_ids() == list(cell.activity_ids)
        assert screen.drill_list.model.rowCount() == cell.count
    shown = screen.drill_list.model.index(0, 3).data()  # the status column of a drilled row
    assert shown == "Completed"

    # Bangla: the same numbers in Bangla digits, translated status headers.
    i18n.set_language("bn")
    assert_counts_row(screen.ministry_table, totals_row, expected.total, "bn")
    header = screen.ministry_table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "সম্পন্ন"


def test_committee_as_of_date_recomputes(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "committee")
    earlier = date.today() - timedelta(days=300)
    screen.as_of.setDate(earlier)
    qtbot.waitUntil(lambda: screen.summary is not None and screen.summary.as_of == earlier
                    and screen.is_ready(), timeout=TIMEOUT)
    with window.db.reader() as session:
        expected = reform_views.committee_summary(session, earlier)
        now = reform_views.committee_summary(session, date.today())
    assert_counts_row(screen.ministry_table, len(expected.per_ministry), expected.total, "en")
    assert expected.total != now.total  # the seeded history moved on since then


# --- ministries and clusters --------------------------------------------------------------------


def test_ministries_screen_counts_lead_and_shared(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "ministries")
    with window.db.reader() as session:
        expected = {g.key: g for g in reform_views.by_ministry(session, date.today())}
    assert any(r.role == SHARED for g in expected.values() for r in g.rows)
    assert len(screen.groups) >= len(expected)
    for key, group in expected.items():
        screen.select_group(key)
        assert screen.current_group().key == key
        view = screen.counts
        if key is None:
            assert_counts_row(view, 0, group.counts, "en")
            continue
        shared = StatusCounts.of(r for r in group.rows if r.role == SHARED)
        for row, counts in enumerate((group.lead_counts, shared, group.counts)):
            assert_counts_row(view, row, counts, "en")
        assert screen.activities.activity_ids() == [r.activity_id for r in group.rows]
        roles = [screen.activities.model.index(i, 5).data() for i in range(len(group.rows))]
        assert roles == [{"lead": "Lead", "shared": "Shared"}[r.role] for r in group.rows]
        # Drill down into the first non-empty count, then back to all.
        status = next(s for s in STATUS_ORDER if group.counts.by_status[s].count)
        click_cell(qtbot, view, 2, STATUS_ORDER.index(status) + 1)
        assert screen.activities.activity_ids() == list(group.counts.by_status[status]
                                                        .activity_ids)
        assert screen.show_all.isVisible()
        screen.show_all.click()
        assert len(screen.activities.activity_ids()) == group.counts.total.count
    without = [g for g in screen.groups if g.key not in expected]
    assert all(g.counts.total.count == 0 for g in without)  # ministries with no activity


def test_clusters_screen_counts_by_basis(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "clusters")
    with window.db.reader() as session:
        expected = reform_views.by_cluster(session, date.today())
    assert [g.key for g in screen.groups] == [g.key for g in expected]
    for group in expected:
        screen.select_group(group.key)
        if group.key is None:
            assert_counts_row(screen.counts, 0, group.counts, "en")
            continue
        for row, basis in enumerate(("objective", "ministry")):
            assert_counts_row(screen.counts, row,
                              StatusCounts.of(r for r in group.rows if r.basis == basis), "en")
        assert_counts_row(screen.counts, 2, group.counts, "en")
        assert screen.activities.activity_ids() == [r.activity_id for r in group.rows]


# --- search -------------------------------------------------------------------------------------


def search_for(qtbot, screen, text: str) -> None:  # noqa: ANN001
    """Type the query (QTest types ASCII only; Bangla arrives as from an input method)."""
    screen.query.clear()
    if text.isascii():
        qtbot.keyClicks(screen.query, text)
    else:
        screen.query.insert(text)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.result is not None
                    and screen.result.query == text, timeout=TIMEOUT)


@pytest.mark.parametrize("term", [ENGLISH_TERM, BANGLA_TERM])
def test_search_finds_and_highlights(qtbot, window, term: str,  # noqa: ANN001
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(qtbot, window, "search")
    search_for(qtbot, screen, term)
    with window.db.reader() as session:
        expected = search(session, term, as_of=date.today(), limit=20)
    assert expected.total >= 1
    assert screen.result.total == expected.total
    assert screen.results.count() == len(expected.hits)
    assert f"1–{len(expected.hits)}" in screen.summary.text()
    marked = 0
    for row in range(screen.results.count()):
        html = screen.results.item(row).data(HTML_ROLE)
        assert html.count("<span style='background-color") >= 1
        marked += term.lower() in html.lower()
    assert marked == screen.results.count()

    # Enter on a result opens its activity in the Action Plan screen.
    opened: list[str] = []
    plan_screen = window.screens["action_plan"]
    monkeypatch.setattr(plan_screen, "open_activity", opened.append, raising=False)
    hit = next(h for h in expected.hits if h.activity_id)
    row = [h.ref_id for h in expected.hits].index(hit.ref_id)
    screen.results.setCurrentRow(row)
    screen.results.setFocus()
    qtbot.keyClick(screen.results, Qt.Key.Key_Return)
    assert opened == [hit.activity_id]
    assert window.current_screen() is plan_screen


def test_search_filters_and_typing_never_block(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "search")
    search_for(qtbot, screen, BANGLA_TERM)
    before = screen.result.total
    screen.status_filter.setCurrentIndex(STATUS_ORDER.index("dropped") + 1)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.result.total == 0, timeout=TIMEOUT)
    assert "No results" in screen.summary.text() and before > 0
    screen.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.result.total == before,
                    timeout=TIMEOUT)


def test_snippet_markup_is_escaped() -> None:
    html = highlight_html("<img src=x> a «ভাতা» & «b")
    assert "<img" not in html and "&lt;img src=x&gt;" in html and "&amp;" in html
    assert HIGHLIGHT.format("ভাতা") in html and HIGHLIGHT.format("b") in html


# --- reports ------------------------------------------------------------------------------------


def test_reports_preview_and_export(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    from nsss_desktop.reports import build_reform_report

    screen = show(qtbot, window, "reports")
    screen.preview()
    qtbot.waitUntil(lambda: screen.document is not None and screen.is_ready(), timeout=TIMEOUT)
    with window.db.reader() as session:
        expected = build_reform_report(session, **screen.options())
    summary = screen.document.sections[0].tables[0]
    assert summary.rows == expected.sections[0].tables[0].rows
    text = screen.preview_view.toPlainText()
    assert expected.title in text and expected.sections[1].heading in text

    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    screen.export_pdf(pdf)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.last_export == pdf, timeout=TIMEOUT)
    assert pdf.read_bytes().startswith(b"%PDF")
    screen.export_xlsx(xlsx)
    qtbot.waitUntil(lambda: screen.is_ready() and screen.last_export == xlsx, timeout=TIMEOUT)
    assert zipfile.is_zipfile(xlsx)
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    assert len(book.sheetnames) == len(expected.tables()) + 1  # and the notes sheet


def test_reports_follow_the_interface_language(qtbot, window) -> None:  # noqa: ANN001
    screen = show(qtbot, window, "reports")
    assert screen.options()["lang"] == "en"
    i18n.set_language("bn")
    assert screen.options()["lang"] == "bn"
    screen.language.setCurrentIndex(1)  # English, whatever the interface
    assert screen.options()["lang"] == "en"
