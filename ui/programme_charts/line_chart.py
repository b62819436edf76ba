"""Named series over fiscal years, one plot per unit (lakh, crore, percent) sharing the years.

Beneficiaries in lakh and budgets in crore differ a hundredfold, so each unit gets its own
plot, stacked with a linked x axis (clearer than two y axes on one plot). A missing figure
breaks the line instead of dropping to zero.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from ui import i18n
from ui.programme_charts.chart_base import (
    PALETTE,
    SEP,
    ChartSeries,
    ProgrammeChart,
    ValueAxis,
    as_float,
    category_ticks,
    format_value,
    swatch_legend,
    unit_text,
)
from ui.qt import QApplication, QPointF, Qt, QWidget

X_MARGIN = 0.6  # room left and right of the first and last year, in years
SYMBOLS = (("o", "\u25cf"), ("s", "\u25a0"), ("t1", "\u25b2"), ("d", "\u25c6"))  # marker, glyph


class LineSeriesChart(ProgrammeChart):
    """Lines of exact figures by fiscal year; hovering a year reads out every series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._years: list[str] = []
        self._series: list[ChartSeries] = []
        self._plots: list[pg.PlotItem] = []
        self._cursors: list[pg.InfiniteLine] = []
        self.retranslate_ui()

    def set_data(self, years: Sequence[str], series: Sequence[ChartSeries]) -> None:
        """Show `series` over `years` ("2019-20", ...); each series has one value per year."""
        for s in series:
            if len(s.values) != len(years):
                raise ValueError(f"series {s.key!r} has {len(s.values)} values for "
                                 f"{len(years)} years")
        self._years, self._series = list(years), list(series)
        self._hovered = None
        self._redraw()

    def _reset(self) -> None:
        self._years, self._series = [], []

    def _count(self) -> int:
        return len(self._years)

    def _has_figures(self) -> bool:
        return any(v is not None for s in self._series for v in s.values)

    def _style(self, index: int) -> tuple[str, str, str]:
        """Colour, marker and legend glyph of series `index` (colour and shape both differ)."""
        series = self._series[index]
        marker, glyph = SYMBOLS[index % len(SYMBOLS)]
        return series.colour or PALETTE[index % len(PALETTE)], marker, glyph

    def _draw(self) -> str:
        units = list(dict.fromkeys(s.unit for s in self._series))
        xs = [float(i) for i in range(len(self._years))]
        self._plots, self._cursors = [], []
        for row, unit in enumerate(units):
            plot = self._add_plot(row, ValueAxis("left"), pg.AxisItem("bottom"))
            plot.showGrid(y=True, alpha=0.25)
            plot.getAxis("left").setWidth(72)
            self._axis_label(plot, "left", unit_text(unit))
            present = []
            for index, series in enumerate(self._series):
                if series.unit != unit:
                    continue
                colour, marker, _ = self._style(index)
                present += [v for v in series.values if v is not None]
                if any(v is not None for v in series.values):
                    plot.plot(xs, [as_float(v) for v in series.values], connect="finite",
                              pen=pg.mkPen(colour, width=2), symbol=marker, symbolSize=8,
                              symbolBrush=colour, symbolPen=pg.mkPen(None))
            low, high = float(min([0, *present])), float(max([0, *present]))
            high = high * 1.1 if high > 0 else 1.0
            plot.setYRange(low, high, padding=0)
            plot.setXRange(-X_MARGIN, len(self._years) - 1 + X_MARGIN, padding=0)
            cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888",
                                                             style=Qt.PenStyle.DashLine))
            plot.addItem(cursor, ignoreBounds=True)
            cursor.hide()
            if self._plots:
                plot.setXLink(self._plots[0])
            self._plots.append(plot)
            self._cursors.append(cursor)
        for plot in self._plots[:-1]:  # the lowest plot carries the year labels
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.getAxis("bottom").setHeight(6)
        return swatch_legend([(self._style(i)[0], self._style(i)[2], s.label)
                              for i, s in enumerate(self._series)])

    def _update_layout(self) -> None:
        if not self._plots:
            return
        axis = self._plots[-1].getAxis("bottom")
        width = axis.geometry().width() or self.view.width() - 80
        ticks = category_ticks([i18n.digits(y) for y in self._years], width,
                               len(self._years) - 1 + 2 * X_MARGIN, QApplication.font())
        for plot in self._plots:
            plot.getAxis("bottom").setTicks(ticks)

    def _index_at(self, pos: QPointF) -> int | None:
        for plot in self._plots:
            if plot.vb.sceneBoundingRect().contains(pos):
                index = round(plot.vb.mapSceneToView(pos).x())
                return index if 0 <= index < len(self._years) else None
        return None

    def _mark(self, index: int) -> None:
        for cursor in self._cursors:
            cursor.setValue(index)
            cursor.show()

    def _describe(self, index: int) -> str:
        """"2021-22 · Beneficiaries 57.01 lakh · Budget 3,444.54 crore Tk"."""
        parts = [f"{s.label} {format_value(s.values[index], s.unit)}" for s in self._series]
        return SEP.join([i18n.digits(self._years[index]), *parts])
