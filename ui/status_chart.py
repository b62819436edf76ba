"""The committee's progress chart: activities by status at the end of each quarter, stacked.

One stacked bar per fiscal-year quarter shows how the same activities moved from "not started"
to "completed" (each bar counts every activity once, so the bars have equal height and the
colours show the progress). pyqtgraph draws with Qt's text engine, so Bangla labels shape.
Pointing at a bar reads out its exact counts; the legend is a Qt label, translated live.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402 - the binding must be chosen first

from nsss_desktop.services.reform_views import STATUS_ORDER, SeriesPoint  # noqa: E402
from ui import i18n, reform_text  # noqa: E402
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
    translate,
)

BAR_WIDTH = 0.6
HIGHLIGHT = (0, 0, 0, 28)


class _CountAxis(pg.AxisItem):
    """Whole-number ticks in the interface's digits (a count of activities has no fraction)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [i18n.number(round(v * scale), 0) if abs(v * scale - round(v * scale)) < 1e-6
                else "" for v in values]


def period_label(point: SeriesPoint, two_lines: bool = True, with_year: bool = True) -> str:
    """"Q1\n2025-26": the quarter on top, its fiscal year below, in the interface's digits."""
    quarter = translate("StatusProgressChart", "Q{number}").format(
        number=i18n.digits(str(point.period.number)))
    year = i18n.digits(str(point.period.fiscal_year))
    if not two_lines:
        return f"{year} {quarter}"
    return f"{quarter}\n{year}" if with_year else quarter


def tick_labels(points: Sequence[SeriesPoint], fits: int) -> list[tuple[float, str]]:
    """A label on every bar when they fit, else on every n-th one (hover gives the rest); the
    fiscal year under the first bar and under each first quarter, where the year changes."""
    step = max(1, -(-len(points) // max(fits, 1)))
    return [(float(i), period_label(p, with_year=i == 0 or p.period.number == 1))
            for i, p in enumerate(points) if i % step == 0]


class StatusProgressChart(QWidget):
    """Stacked bars by status per quarter, a legend, and a read-out of the bar pointed at."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[SeriesPoint] = []
        self._shown: int | None = None
        self._view = pg.PlotWidget(axisItems={"left": _CountAxis("left"),
                                              "bottom": pg.AxisItem("bottom")})
        self._view.setBackground("w")
        plot = self._plot = self._view.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(y=True, alpha=0.25)
        for name in ("left", "bottom"):
            plot.getAxis(name).setTextPen("#333")
            plot.getAxis(name).setPen("#999")
        plot.getAxis("left").setWidth(44)
        self._highlight = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(*HIGHLIGHT),
                                              pen=pg.mkPen(None))
        self._title = QLabel()
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.hover = QLabel()
        self.hover.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hover)
        qconnect(self._view.scene().sigMouseMoved, self._mouse_moved)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def set_series(self, points: Sequence[SeriesPoint]) -> None:
        self._points = list(points)
        self._shown = None
        self._plot.clear()
        xs = list(range(len(self._points)))
        base = [0.0] * len(self._points)
        for status in STATUS_ORDER:
            heights = [float(p.counts.by_status[status].count) for p in self._points]
            if xs and any(heights):
                self._plot.addItem(pg.BarGraphItem(
                    x=xs, y0=list(base), height=heights, width=BAR_WIDTH,
                    brush=reform_text.STATUS_COLOURS[status], pen=pg.mkPen("w", width=1)))
            base = [b + h for b, h in zip(base, heights, strict=True)]
        self._plot.addItem(self._highlight, ignoreBounds=True)
        self._highlight.hide()
        self._plot.setXRange(-0.7, max(len(self._points) - 0.3, 0.7), padding=0)
        self._plot.setYRange(0, max(base, default=1) or 1, padding=0.05)
        self._update_ticks()
        self._show_default_text()

    @property
    def points(self) -> list[SeriesPoint]:
        return list(self._points)

    def _update_ticks(self) -> None:
        axis = self._plot.getAxis("bottom")
        metrics = QFontMetrics(QApplication.font())
        widest = max((metrics.horizontalAdvance(line) for p in self._points
                      for line in period_label(p).split("\n")), default=0) + 12
        width = axis.geometry().width() or self._view.width()
        per_bar = width / max(len(self._points) + 0.4, 1)
        fits = len(self._points) if widest <= per_bar else int(width // widest)
        axis.setTicks([tick_labels(self._points, fits), []])
        self._plot.getAxis("left").picture = None  # re-run tickStrings in the new digits
        self._plot.getAxis("left").update()

    # --- hover -------------------------------------------------------------------------------

    def describe(self, index: int) -> str:
        """The exact counts of one quarter, in the legend's order."""
        point = self._points[index]
        parts = [f"{reform_text.status(s)}: {i18n.number(point.counts.by_status[s].count, 0)}"
                 for s in STATUS_ORDER]
        return self.tr("{period} (to {date}): {counts}").format(
            period=period_label(point, two_lines=False), date=reform_text.day(point.as_of),
            counts="; ".join(parts))

    def show_period(self, index: int) -> None:
        self._shown = index
        self._highlight.setRegion((index - 0.45, index + 0.45))
        self._highlight.show()
        self.hover.setText(self.describe(index))

    def _mouse_moved(self, pos: QPointF) -> None:
        if not self._points or not self._plot.sceneBoundingRect().contains(pos):
            return
        index = round(self._plot.vb.mapSceneToView(pos).x())
        if 0 <= index < len(self._points) and index != self._shown:
            self.show_period(index)

    def _show_default_text(self) -> None:
        if self._shown is not None and self._shown < len(self._points):
            self.hover.setText(self.describe(self._shown))
        elif self._points:
            self.hover.setText(self.tr("Point at a bar to read its exact counts."))
        else:
            self.hover.setText(self.tr("No quarter has ended yet in this period."))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        font = QApplication.font()
        for name in ("left", "bottom"):
            self._plot.getAxis(name).setTickFont(font)
        self._plot.getAxis("bottom").setHeight(2 * QFontMetrics(font).height() + 12)
        self._title.setText("<b>{}</b>".format(self.tr(
            "Activities by status at the end of each quarter")))
        swatch = "<span style='color:{colour}'>&#9632;</span>&nbsp;{label}"
        self.legend.setText("&nbsp;&nbsp; ".join(  # a status name never breaks across lines
            swatch.format(colour=reform_text.STATUS_COLOURS[s],
                          label=reform_text.status(s).replace(" ", "&nbsp;"))
            for s in STATUS_ORDER))
        self._update_ticks()
        self._show_default_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._update_ticks)  # after the axis has its new width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
