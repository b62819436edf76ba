"""The Overview chart: budget bars (crore taka) over beneficiaries (lakh) by fiscal year.

pyqtgraph draws with Qt's own text engine, so Bangla axis labels shape correctly (matplotlib
does not shape Indic scripts). Two stacked plots with a shared x axis read more clearly than
two y axes on one plot. Values are converted to float only for drawing; every number shown as
text (ticks, hover) comes from the exact Decimal through `format_decimal`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from decimal import Decimal

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402 - the binding must be chosen first

from ui import i18n  # noqa: E402
from ui.qt import (  # noqa: E402
    QApplication,
    QEvent,
    QFontMetrics,
    QLabel,
    QPointF,
    QResizeEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    qconnect,
)

BUDGET_COLOUR = "#006a4e"  # the green of the national flag
PEOPLE_COLOUR = "#c8102e"
MAX_YEAR_LABELS = 8
X_MARGIN = 0.9  # room left and right of the first and last year, in years


class _NumberAxis(pg.AxisItem):
    """Value ticks with Indian grouping and the interface's digits, no SI prefixes."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        places = 0 if spacing * scale >= 1 else 1
        return [i18n.number(Decimal(f"{v * scale:.{places}f}"), places) for v in values]


def _year_ticks(years: Sequence[str], step: int) -> list[list[tuple[float, str]]]:
    """Every year as a tick; a label on every `step`-th so that labels never overlap."""
    major = [(float(i), i18n.digits(y)) for i, y in enumerate(years) if i % step == 0]
    minor = [(float(i), "") for i, _ in enumerate(years) if i % step]
    return [major, minor]


class SeriesChart(QWidget):
    """Two linked plots and a hover line that reads out exact values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._years: list[str] = []
        self._budget: list[Decimal | None] = []
        self._people: list[Decimal | None] = []
        self._shown: int | None = None  # the year the hover line is on
        pg.setConfigOptions(antialias=True)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground("w")
        self._budget_plot = self._make_plot(0)
        self._people_plot = self._make_plot(1)
        self._people_plot.setXLink(self._budget_plot)
        self._budget_plot.getAxis("bottom").setStyle(showValues=False)  # the lower plot has them
        self._cursor = [pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine))
                        for _ in range(2)]
        for plot, line in zip((self._budget_plot, self._people_plot), self._cursor, strict=True):
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        self._hover = QLabel()
        self._hover.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._hover)
        qconnect(self._view.scene().sigMouseMoved, self._mouse_moved)
        self.retranslate_ui()

    def _make_plot(self, row: int) -> pg.PlotItem:
        plot = self._view.addPlot(row=row, col=0, axisItems={
            "left": _NumberAxis("left"),
            "bottom": pg.AxisItem("bottom")})
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(y=True, alpha=0.25)
        for name in ("left", "bottom"):
            plot.getAxis(name).setTextPen("#333")
            plot.getAxis(name).setPen("#999")
        plot.getAxis("left").setWidth(64)
        return plot

    # --- data --------------------------------------------------------------------------------

    def set_data(self, years: Sequence[str], budget_crore: Sequence[Decimal | None],
                 beneficiaries_lakh: Sequence[Decimal | None]) -> None:
        self._years = list(years)
        self._budget, self._people = list(budget_crore), list(beneficiaries_lakh)
        self._budget_plot.clear()
        self._people_plot.clear()
        bars = [(i, float(v)) for i, v in enumerate(self._budget) if v is not None]
        if bars:
            self._budget_plot.addItem(pg.BarGraphItem(
                x=[b[0] for b in bars], height=[b[1] for b in bars], width=0.6,
                brush=BUDGET_COLOUR, pen=pg.mkPen(None)))
        xs = [float(i) for i in range(len(self._people))]
        ys = [float(v) if v is not None else math.nan for v in self._people]
        if any(v is not None for v in self._people):
            self._people_plot.plot(xs, ys, connect="finite", pen=pg.mkPen(PEOPLE_COLOUR, width=2),
                                   symbol="o", symbolSize=7, symbolBrush=PEOPLE_COLOUR,
                                   symbolPen=pg.mkPen(None))
        self._shown = None
        for plot, line in zip((self._budget_plot, self._people_plot), self._cursor, strict=True):
            plot.addItem(line, ignoreBounds=True)
            line.hide()
            plot.setXRange(-X_MARGIN, max(len(self._years) - 1 + X_MARGIN, X_MARGIN),
                           padding=0)
            plot.enableAutoRange(axis="y")
            plot.setLimits(yMin=0)
        self._update_ticks()

    def _label_step(self) -> int:
        """How many years apart labels must be to fit the axis's current width."""
        count = len(self._years)
        width = self._people_plot.getAxis("bottom").geometry().width()
        if not count or width <= 0:
            return max(1, math.ceil(count / MAX_YEAR_LABELS))
        metrics = QFontMetrics(QApplication.font())
        label = max(metrics.horizontalAdvance(i18n.digits(y)) for y in self._years) + 16
        per_year = width / (count - 1 + 2 * X_MARGIN)
        return max(1, math.ceil(label / per_year))

    def _update_ticks(self) -> None:
        ticks = _year_ticks(self._years, self._label_step())
        for plot in (self._budget_plot, self._people_plot):
            plot.getAxis("bottom").setTicks(ticks)
            plot.getAxis("left").picture = None  # re-run tickStrings in the new digits
            plot.getAxis("left").update()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        font = QApplication.font()  # the Bangla font is taller: axes must measure with it
        for plot in (self._budget_plot, self._people_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)
        self._people_plot.getAxis("bottom").setHeight(QFontMetrics(font).height() + 14)
        style = {"color": "#333", "font-size": "10pt"}
        self._budget_plot.setLabel("left", self.tr("Budget (crore taka)"), **style)
        self._people_plot.setLabel("left", self.tr("Beneficiaries (lakh)"), **style)
        self._budget_plot.setTitle(self.tr("Budget of listed programmes, by fiscal year"),
                                   size="10pt", color="#333")
        self._people_plot.setTitle(self.tr("Beneficiaries of listed programmes, by fiscal year"),
                                   size="10pt", color="#333")
        self._update_ticks()
        if self._shown is not None and self._shown < len(self._years):
            self._hover.setText(self.describe(self._shown))
        else:
            self._hover.setText(self.tr("Point at a year in the chart to read its exact values."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._update_ticks)  # after the plots have their new geometry

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- hover -------------------------------------------------------------------------------

    def describe(self, index: int) -> str:
        """The hover read-out for one fiscal year, with exact values in lakh and crore."""
        budget, people = self._budget[index], self._people[index]
        missing = self.tr("not available")
        return self.tr("{year}: budget {budget} crore taka; beneficiaries {people} lakh").format(
            year=i18n.digits(self._years[index]),
            budget=i18n.number(budget) if budget is not None else missing,
            people=i18n.number(people) if people is not None else missing)

    def _mouse_moved(self, pos: QPointF) -> None:
        for plot in (self._budget_plot, self._people_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                index = round(x)
                if 0 <= index < len(self._years):
                    self.show_year(index)
                return

    def show_year(self, index: int) -> None:
        self._shown = index
        for line in self._cursor:
            line.setValue(index)
            line.show()
        self._hover.setText(self.describe(index))
