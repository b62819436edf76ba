"""The programme charts show exact figures (no float tails), Bangla digits, gaps and drill-down.

Every expected string is written out by hand: a float anywhere between the Decimal and the
screen (1974.34 → 1974.3399999…, 123456.785 → …78, 6.25 % → 6.2 %) makes these tests fail.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pyqtgraph as pg
import pytest

from ui import i18n
from ui.programme_charts import (
    BarChart,
    ChartBar,
    ChartSeries,
    LineSeriesChart,
    ShareChart,
    StackedBarChart,
    format_value,
    share_percent,
)
from ui.programme_charts.chart_base import ValueAxis, category_ticks
from ui.qt import QApplication, QFontMetrics, QLabel, QPointF, Qt

D = Decimal
YEARS = ["2019-20", "2020-21", "2021-22", "2022-23"]
FLOAT_TAIL = re.compile(r"\d\.\d{3,}|e[+-]\d")  # 1974.340000000001, 1.97434e+03


def shown(qtbot, chart, width: int = 800, height: int = 500):  # noqa: ANN001, ANN201
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()  # the deferred relayout after the resize
    return chart


def widget_pos(chart, x: float, y: float, row: int = 0):  # noqa: ANN001, ANN201
    """Where the data point (x, y) of plot `row` is, in the view's viewport coordinates."""
    plot = chart.view.getItem(row, 0)
    return chart.view.mapFromScene(plot.vb.mapViewToScene(QPointF(x, y)))


def click(qtbot, chart, x: float, y: float) -> None:  # noqa: ANN001
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos(chart, x, y))


def line_chart(qtbot) -> LineSeriesChart:  # noqa: ANN001
    chart = shown(qtbot, LineSeriesChart())
    chart.set_data(YEARS, [
        ChartSeries("people", "Beneficiaries",
                    [D(44), None, D("57.01"), D("0.1") + D("0.2")], "lakh"),
        ChartSeries("budget", "Budget",
                    [None, D("1974.34"), D("8250"), D("123456.785")], "crore")])
    return chart


# --- exact numbers -------------------------------------------------------------------------------


def test_values_are_formatted_exactly_with_their_unit(app) -> None:  # noqa: ANN001
    assert format_value(D("1974.34"), "crore") == "1,974.34 crore Tk"
    assert format_value(D("0.1") + D("0.2"), "lakh") == "0.30 lakh"
    assert format_value(D("123456.785"), "crore") == "1,23,456.79 crore Tk"  # float: …78
    assert format_value(D("12.25"), "percent") == "12.3%"  # half-up, not to even
    assert format_value(None, "lakh") == "n/a"


def test_floats_and_unknown_units_are_refused(app) -> None:  # noqa: ANN001
    with pytest.raises(TypeError):
        ChartSeries("x", "X", [D(1), 1974.34], "lakh")
    with pytest.raises(TypeError):
        ChartBar("x", "X", 0.3)
    with pytest.raises(ValueError):
        ChartSeries("x", "X", [D(1)], "taka")


def test_value_axis_ticks_have_no_float_artefacts(app) -> None:  # noqa: ANN001
    axis = ValueAxis("left")
    assert axis.tickStrings([0.0, 1000.0, 123456.0], 1.0, 1000.0) == ["0", "1,000", "1,23,456"]
    assert axis.tickStrings([0.1 + 0.2, 0.7000000000000001], 1.0, 0.1) == ["0.3", "0.7"]


def test_year_labels_thin_out_instead_of_overlapping(app) -> None:  # noqa: ANN001
    years = [f"{y}-{(y + 1) % 100:02d}" for y in range(2008, 2026)]
    font = QApplication.font()
    wide_major, wide_minor = category_ticks(years, 3000, 19, font)
    assert [t for _, t in wide_major] == years and wide_minor == []
    major, minor = category_ticks(years, 400, 19, font)
    assert 1 < len(major) < len(years) and len(major) + len(minor) == len(years)
    step = major[1][0] - major[0][0]
    assert step * 400 / 19 >= max(QFontMetrics(font).horizontalAdvance(y) for y in years)


# --- line series ---------------------------------------------------------------------------------


def test_line_readout_shows_every_series_exactly(qtbot, app) -> None:  # noqa: ANN001
    chart = line_chart(qtbot)
    assert chart.readout_text() == ""
    chart.hover_index(2)
    assert chart.readout_text() == "2021-22 · Beneficiaries 57.01 lakh · Budget 8,250.00 crore Tk"
    chart.hover_index(1)
    assert chart.readout_text() == "2020-21 · Beneficiaries n/a · Budget 1,974.34 crore Tk"
    chart.hover_index(3)
    assert chart.readout_text() == \
        "2022-23 · Beneficiaries 0.30 lakh · Budget 1,23,456.79 crore Tk"
    assert not FLOAT_TAIL.search(chart.readout_text())
    with pytest.raises(IndexError):
        chart.hover_index(4)


def test_a_missing_figure_breaks_the_line_instead_of_dropping_to_zero(qtbot, app) -> None:  # noqa: ANN001
    chart = line_chart(qtbot)
    curves = [item for item in chart.view.scene().items() if isinstance(item, pg.PlotDataItem)]
    people = next(c for c in curves if len(c.yData) == 4 and c.yData[0] == 44.0)
    assert math.isnan(people.yData[1]) and people.yData[2] == pytest.approx(57.01)
    assert people.opts["connect"] == "finite"
    assert chart.view.getItem(1, 0) is not None  # lakh and crore get a plot each


def test_line_hover_follows_the_mouse(qtbot, app) -> None:  # noqa: ANN001
    chart = line_chart(qtbot)
    plot = chart.view.getItem(1, 0)
    chart.view.scene().sigMouseMoved.emit(plot.vb.mapViewToScene(QPointF(0.9, 100.0)))
    assert chart.readout_text().startswith("2020-21 · ")
    chart.view.scene().sigMouseMoved.emit(plot.vb.mapViewToScene(QPointF(2.2, 100.0)))
    assert chart.readout_text().startswith("2021-22 · ")


def test_line_chart_speaks_bangla_digits_live(qtbot, app) -> None:  # noqa: ANN001
    chart = line_chart(qtbot)
    chart.hover_index(2)
    try:
        i18n.set_language("bn")  # no explicit redraw: the LanguageChange event must do it
        qtbot.waitUntil(lambda: "২০২১-২২" in chart.readout_text(), timeout=2000)
        text = chart.readout_text()
        assert "২০২১-২২" in text and "৫৭.০১" in text and "৮,২৫০.০০" in text
        assert not re.search("[0-9]", text)
        assert ValueAxis("left").tickStrings([100000.0], 1.0, 1000.0) == ["১,০০,০০০"]
    finally:
        i18n.set_language("en")
    qtbot.waitUntil(lambda: chart.readout_text() == ("2021-22 · Beneficiaries 57.01 lakh · "
                                                     "Budget 8,250.00 crore Tk"), timeout=2000)


# --- bars ----------------------------------------------------------------------------------------


def bar_chart(qtbot) -> BarChart:  # noqa: ANN001
    chart = shown(qtbot, BarChart())
    chart.set_data([ChartBar("OAA", "Old Age Allowance", D("1974.34")),
                    ChartBar("MCBP", "মা ও শিশু সহায়তা কর্মসূচি", None),
                    ChartBar("DISA", "Disability Allowance", D("0.1") + D("0.2"))],
                   "crore", value_label="Budget")
    return chart


def test_bar_labels_and_readout_are_exact(qtbot, app) -> None:  # noqa: ANN001
    chart = bar_chart(qtbot)
    assert chart.value_labels() == ["1,974.34 crore Tk", "n/a", "0.30 crore Tk"]
    chart.hover_index(0)
    assert chart.readout_text() == "Old Age Allowance · Budget 1,974.34 crore Tk"
    chart.hover_index(1)
    assert chart.readout_text() == "মা ও শিশু সহায়তা কর্মসূচি · Budget n/a"


def test_clicking_a_bar_emits_its_key(qtbot, app) -> None:  # noqa: ANN001
    chart = bar_chart(qtbot)
    with qtbot.waitSignal(chart.barClicked, timeout=2000) as blocker:
        click(qtbot, chart, 1000.0, 0.0)
    assert blocker.args == ["OAA"]
    with qtbot.waitSignal(chart.barClicked, timeout=2000) as blocker:
        click(qtbot, chart, 0.1, 2.1)  # a tiny bar: its row still drills down
    assert blocker.args == ["DISA"]
    assert chart.readout_text() == "Disability Allowance · Budget 0.30 crore Tk"  # tap = hover
    with qtbot.assertNotEmitted(chart.barClicked):
        click(qtbot, chart, 500.0, 0.55)  # the gap between two rows
        click(qtbot, chart, 500.0, 2.58)  # below the last row


def test_bar_chart_in_bangla(qtbot, app) -> None:  # noqa: ANN001
    chart = bar_chart(qtbot)
    try:
        i18n.set_language("bn")
        qtbot.waitUntil(lambda: chart.value_labels()[0].startswith("১,৯৭৪.৩৪"), timeout=2000)
        assert chart.value_labels()[2].startswith("০.৩০")
    finally:
        i18n.set_language("en")
    qtbot.waitUntil(lambda: chart.value_labels()[0] == "1,974.34 crore Tk", timeout=2000)


# --- stacked bars --------------------------------------------------------------------------------


def stacked_chart(qtbot) -> StackedBarChart:  # noqa: ANN001
    chart = shown(qtbot, StackedBarChart())
    chart.set_data(YEARS[:3], [
        ChartSeries("female", "Female", [D("20.5"), D("30.12"), D("30.12")], "lakh"),
        ChartSeries("male", "Male", [D("18.25"), D("26.89"), None], "lakh"),
        ChartSeries("third", "Third gender", [None, D("0.1") + D("0.2"), D("0.01")], "lakh")])
    return chart


def test_stacked_readout_has_each_part_and_the_exact_total(qtbot, app) -> None:  # noqa: ANN001
    chart = stacked_chart(qtbot)
    chart.hover_index(1)
    assert chart.readout_text() == ("2020-21 · Female 30.12 lakh · Male 26.89 lakh · "
                                    "Third gender 0.30 lakh · Total 57.31 lakh")
    assert chart.total(1) == D("57.31")
    chart.hover_index(2)
    assert chart.readout_text() == ("2021-22 · Female 30.12 lakh · Male n/a · "
                                    "Third gender 0.01 lakh · Total 30.13 lakh")
    legend = chart.findChild(QLabel, "legend")
    assert legend.isVisible() and "Third&nbsp;gender" in legend.text()


def test_clicking_a_segment_emits_year_and_part(qtbot, app) -> None:  # noqa: ANN001
    chart = stacked_chart(qtbot)
    with qtbot.waitSignal(chart.barClicked, timeout=2000) as blocker:
        click(qtbot, chart, 1.0, 30.12 + 13.0)  # inside "male" of 2020-21
    assert blocker.args == [("2020-21", "male")]
    with qtbot.waitSignal(chart.barClicked, timeout=2000) as blocker:
        click(qtbot, chart, 0.1, 5.0)
    assert blocker.args == [("2019-20", "female")]
    with qtbot.assertNotEmitted(chart.barClicked):
        click(qtbot, chart, 2.0, 45.0)  # above the 2021-22 bar (30.13)


def test_stacked_parts_must_share_a_unit(qtbot, app) -> None:  # noqa: ANN001
    chart = shown(qtbot, StackedBarChart())
    with pytest.raises(ValueError):
        chart.set_data(["2019-20"], [ChartSeries("a", "A", [D(1)], "lakh"),
                                     ChartSeries("b", "B", [D(1)], "crore")])


# --- shares --------------------------------------------------------------------------------------


def test_share_percent_is_exact_and_rounds_half_up() -> None:
    assert share_percent(D("4351"), D("136026")) == D("3.2")
    assert share_percent(D(1), D(16)) == D("6.3")  # 6.25: half-up (round-to-even gives 6.2)
    assert share_percent(D("0.1") + D("0.2"), D("0.6")) == D("50.0")
    assert share_percent(D(1), D(3)) == D("33.3")
    assert share_percent(D(5), D(0)) is None and share_percent(None, D(5)) is None


def test_share_chart_labels_shares_and_crore(qtbot, app) -> None:  # noqa: ANN001
    chart = shown(qtbot, ShareChart())
    total = D("2000")
    chart.set_data([ChartBar("OAA", "Old Age Allowance", D("1974.34")),
                    ChartBar("DISA", "Disability Allowance", D("0.1") + D("0.2")),
                    ChartBar("WDDW", "Widow Allowance", D("25.36")),
                    ChartBar("TEA", "Tea garden workers", None)], total)
    assert chart.shares() == [D("98.7"), D("0.0"), D("1.3"), None]
    assert chart.value_labels() == ["98.7% · 1,974.34 crore Tk", "0.0% · 0.30 crore Tk",
                                    "1.3% · 25.36 crore Tk", "n/a"]
    shown_percents = [D(label.split("%")[0]) for label in chart.value_labels()[:3]]
    assert shown_percents == chart.shares()[:3] and sum(shown_percents) == D("100.0")
    chart.hover_index(0)
    assert chart.readout_text() == \
        "Old Age Allowance · 98.7% · 1,974.34 crore Tk · Total 2,000.00 crore Tk"
    with qtbot.waitSignal(chart.barClicked, timeout=2000) as blocker:
        click(qtbot, chart, 0.5, 2.0)
    assert blocker.args == ["WDDW"]


def test_share_chart_in_bangla(qtbot, app) -> None:  # noqa: ANN001
    chart = shown(qtbot, ShareChart())
    chart.set_data([ChartBar("OAA", "বয়স্ক ভাতা", D("4351"))], D("136026"))
    chart.hover_index(0)
    try:
        i18n.set_language("bn")
        qtbot.waitUntil(lambda: chart.value_labels()[0].startswith("৩.২% · ৪,৩৫১.০০"),
                        timeout=2000)
        assert "১,৩৬,০২৬.০০" in chart.readout_text()
    finally:
        i18n.set_language("en")


# --- empty state ---------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [LineSeriesChart, BarChart, StackedBarChart, ShareChart])
def test_empty_state(qtbot, app, make) -> None:  # noqa: ANN001
    chart = shown(qtbot, make())
    empty = chart.findChild(QLabel, "empty_state")
    assert chart.is_empty() and empty.isVisible()
    assert empty.text() == "No figures for this selection"
    if make is LineSeriesChart:
        chart.set_data(YEARS[:2], [ChartSeries("p", "People", [None, None], "lakh")])
        assert chart.is_empty() and empty.isVisible()  # only gaps: nothing to draw
        chart.set_data(YEARS[:2], [ChartSeries("p", "People", [D(1), None], "lakh")])
    elif make is StackedBarChart:
        chart.set_data(YEARS[:1], [ChartSeries("p", "People", [D(1)], "lakh")])
    elif make is ShareChart:
        chart.set_data([ChartBar("a", "A", D(1))], D(4))
    else:
        chart.set_data([ChartBar("a", "A", None)], "lakh")
        assert chart.is_empty() and empty.isVisible()  # no figure at all
        chart.set_data([ChartBar("a", "A", D(1))], "lakh")
    assert not chart.is_empty() and not empty.isVisible() and chart.view.isVisible()
    chart.hover_index(0)
    assert chart.readout_text()
    chart.clear()
    assert chart.is_empty() and empty.isVisible() and chart.readout_text() == ""
    with pytest.raises(IndexError):
        chart.hover_index(0)
