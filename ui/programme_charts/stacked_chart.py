"""Stacked bars by fiscal year: the parts of one figure (female/male/third gender, rural/urban).

Each bar stacks the parts in the legend's order, bottom to top. Hovering a year reads out every
part and their exact total; clicking a segment emits (year key, part key) for drill-down.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pyqtgraph as pg

from ui import i18n
from ui.programme_charts.chart_base import (
    PALETTE,
    SEP,
    ChartSeries,
    ClickableChart,
    ValueAxis,
    category_ticks,
    format_value,
    swatch_legend,
    total_text,
    unit_text,
)
from ui.qt import QApplication, QPointF, QWidget

BAR_WIDTH = 0.6
X_MARGIN = 0.7


class StackedBarChart(ClickableChart):
    """One stacked bar per fiscal year, a legend of the parts, the total in the read-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._years: list[str] = []
        self._parts: list[ChartSeries] = []
        self._plot: pg.PlotItem | None = None
        self._highlight: pg.LinearRegionItem | None = None
        self.retranslate_ui()

    def set_data(self, years: Sequence[str], parts: Sequence[ChartSeries]) -> None:
        """Stack `parts` (one value per year each, all in the same unit) over `years`."""
        if len({p.unit for p in parts}) > 1:
            raise ValueError("the parts of a stacked bar must share one unit")
        for part in parts:
            if len(part.values) != len(years):
                raise ValueError(f"part {part.key!r} has {len(part.values)} values for "
                                 f"{len(years)} years")
        self._years, self._parts = list(years), list(parts)
        self._hovered = None
        self._redraw()

    def total(self, index: int) -> Decimal | None:
        """The exact sum of the parts given for year `index` (None if none is given)."""
        given = [p.values[index] for p in self._parts if p.values[index] is not None]
        return sum(given, Decimal(0)) if given else None

    def _reset(self) -> None:
        self._years, self._parts = [], []

    def _count(self) -> int:
        return len(self._years)

    def _has_figures(self) -> bool:
        return any(v is not None for p in self._parts for v in p.values)

    def _colour(self, index: int) -> str:
        return self._parts[index].colour or PALETTE[index % len(PALETTE)]

    def _draw(self) -> str:
        plot = self._plot = self._add_plot(0, ValueAxis("left"), pg.AxisItem("bottom"))
        plot.showGrid(y=True, alpha=0.25)
        plot.getAxis("left").setWidth(72)
        unit = self._parts[0].unit
        self._axis_label(plot, "left", unit_text(unit))
        xs = [float(i) for i in range(len(self._years))]
        base = [0.0] * len(self._years)
        for index, part in enumerate(self._parts):
            heights = [0.0 if v is None else float(v) for v in part.values]
            if any(heights):
                plot.addItem(pg.BarGraphItem(
                    x=xs, y0=list(base), height=heights, width=BAR_WIDTH,
                    brush=self._colour(index), pen=pg.mkPen("w", width=1)))
            base = [b + h for b, h in zip(base, heights, strict=True)]
        self._highlight = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(0, 0, 0, 24),
                                              pen=pg.mkPen(None))
        self._highlight.setZValue(-10)
        plot.addItem(self._highlight, ignoreBounds=True)
        self._highlight.hide()
        top = max(float(self.total(i) or 0) for i in range(len(self._years)))
        top = top * 1.08 if top > 0 else 1.0
        plot.setYRange(0, top, padding=0)
        plot.setXRange(-X_MARGIN, len(self._years) - 1 + X_MARGIN, padding=0)
        return swatch_legend([(self._colour(i), "\u25a0", p.label)
                              for i, p in enumerate(self._parts)])

    def _update_layout(self) -> None:
        if self._plot is None:
            return
        axis = self._plot.getAxis("bottom")
        width = axis.geometry().width() or self.view.width() - 80
        axis.setTicks(category_ticks([i18n.digits(y) for y in self._years], width,
                                     len(self._years) - 1 + 2 * X_MARGIN, QApplication.font()))

    def _view_point(self, pos: QPointF) -> QPointF | None:
        if self._plot is None or not self._plot.sceneBoundingRect().contains(pos):
            return None
        return self._plot.vb.mapSceneToView(pos)

    def _index_at(self, pos: QPointF) -> int | None:
        point = self._view_point(pos)
        if point is None:
            return None
        index = round(point.x())
        return index if 0 <= index < len(self._years) else None

    def _key_at(self, pos: QPointF) -> object | None:
        point, index = self._view_point(pos), self._index_at(pos)
        if point is None or index is None or abs(point.x() - index) > BAR_WIDTH / 2:
            return None
        base = 0.0
        for part in self._parts:
            value = part.values[index]
            height = 0.0 if value is None else float(value)
            if height > 0 and base <= point.y() < base + height:
                return (self._years[index], part.key)
            base += height
        return None

    def _mark(self, index: int) -> None:
        if self._highlight is not None:
            self._highlight.setRegion((index - 0.45, index + 0.45))
            self._highlight.show()

    def _describe(self, index: int) -> str:
        """"2021-22 · Female 30.12 lakh · Male 26.89 lakh · Third gender n/a · Total ..."."""
        unit = self._parts[0].unit
        parts = [f"{p.label} {format_value(p.values[index], unit)}" for p in self._parts]
        return SEP.join([i18n.digits(self._years[index]), *parts,
                         total_text(self.total(index), unit)])
