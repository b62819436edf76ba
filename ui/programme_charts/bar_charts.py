"""Horizontal bars by category (programme, ministry): values, and shares of a total.

Bars run sideways so that long names, Bangla ones too, stay readable on the left; a name too
long for the axis is elided there and given in full by the read-out. Each bar carries its exact
value as a label; clicking a bar's row (bar or name) emits the category's key for drill-down.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pyqtgraph as pg

from ui.programme_charts.chart_base import (
    PALETTE,
    SEP,
    TEXT_COLOUR,
    ChartBar,
    ClickableChart,
    Value,
    ValueAxis,
    check_unit,
    check_value,
    format_value,
    total_text,
    unit_text,
)
from ui.qt import QApplication, QFontMetrics, QPointF, Qt, QWidget

THICKNESS = 0.7  # of a bar, in rows
LABEL_GAP = 6  # pixels between a bar's end and its label


def share_percent(value: Value, total: Value) -> Decimal | None:
    """value × 100 / total, rounded half-up to 0.1, in exact rational arithmetic."""
    if value is None or total is None or total == 0:
        return None
    exact = abs(Fraction(value) * 100 / Fraction(total))
    tenths = math.floor(exact * 10 + Fraction(1, 2))
    share = Decimal(tenths).scaleb(-1)
    return -share if (value < 0) != (total < 0) and tenths else share


class _HorizontalBars(ClickableChart):
    """One row per category, the first at the top; subclasses decide length and label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[ChartBar] = []
        self._colour = PALETTE[0]
        self._plot: pg.PlotItem | None = None
        self._labels: list[pg.TextItem] = []
        self._highlight: pg.LinearRegionItem | None = None

    def _reset(self) -> None:
        self._bars = []

    def _count(self) -> int:
        return len(self._bars)

    def _has_figures(self) -> bool:
        return any(b.value is not None for b in self._bars)  # other rows read "n/a"

    def value_labels(self) -> list[str]:
        """The labels drawn at the bars' ends, top to bottom (as shown)."""
        return [label.textItem.toPlainText() for label in self._labels]

    def _lengths(self) -> list[Value]:
        raise NotImplementedError

    def _bar_text(self, index: int) -> str:
        raise NotImplementedError

    def _axis_unit(self) -> str:
        raise NotImplementedError

    def _draw(self) -> str:
        plot = self._plot = self._add_plot(0, pg.AxisItem("left"), ValueAxis("bottom"))
        plot.showGrid(x=True, alpha=0.25)
        plot.vb.invertY(True)
        self._axis_label(plot, "bottom", unit_text(self._axis_unit()))
        rows = [(i, float(v)) for i, v in enumerate(self._lengths()) if v is not None]
        if rows:
            plot.addItem(pg.BarGraphItem(
                x0=0, y=[r[0] for r in rows], width=[r[1] for r in rows], height=THICKNESS,
                brush=self._colour, pen=pg.mkPen(None)))
        font = QApplication.font()
        self._labels = []
        for index in range(len(self._bars)):
            label = pg.TextItem(self._bar_text(index), color=TEXT_COLOUR, anchor=(0, 0.5))
            label.setFont(font)
            plot.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        self._highlight = pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=pg.mkBrush(0, 0, 0, 24),
            pen=pg.mkPen(None))
        self._highlight.setZValue(-10)
        plot.addItem(self._highlight, ignoreBounds=True)
        self._highlight.hide()
        plot.setYRange(-0.6, len(self._bars) - 0.4, padding=0)
        metrics = QFontMetrics(font)
        self.view.setMinimumHeight(len(self._bars) * (metrics.height() + 8)
                                   + 2 * metrics.height() + 40)
        return ""

    def _update_layout(self) -> None:
        """Elide the names to the axis and leave room right of the longest bar for its label."""
        plot = self._plot
        if plot is None:
            return
        metrics = QFontMetrics(QApplication.font())
        room = max(120, int(self.view.width() * 0.38))
        widest = max(metrics.horizontalAdvance(b.label) for b in self._bars)
        names = min(widest + 1, room)  # widest is rounded: +1 keeps the widest label whole
        axis = plot.getAxis("left")
        axis.setWidth(names + 14)
        axis.setTicks([[(float(i), metrics.elidedText(b.label, Qt.TextElideMode.ElideRight,
                                                     names))
                        for i, b in enumerate(self._bars)], []])
        width = max(self.view.width() - names - 14 - 40, 100)  # the view box, in pixels
        lengths = [0.0 if v is None else max(float(v), 0.0) for v in self._lengths()]
        end = max(lengths) or 1.0
        for length, label in zip(lengths, self._labels, strict=True):
            free = max(width - metrics.horizontalAdvance(label.textItem.toPlainText())
                       - 2 * LABEL_GAP, width * 0.3)
            end = max(end, length * width / free)
        plot.setXRange(0, end, padding=0)
        pixel = end / width  # one pixel in value units
        for row, (length, label) in enumerate(zip(lengths, self._labels, strict=True)):
            label.setPos(length + LABEL_GAP * pixel, row)

    def _row_at(self, pos: QPointF) -> tuple[int, float] | None:
        if self._plot is None or not self._plot.sceneBoundingRect().contains(pos):
            return None
        y = self._plot.vb.mapSceneToView(pos).y()
        index = round(y)
        return (index, y) if 0 <= index < len(self._bars) else None

    def _index_at(self, pos: QPointF) -> int | None:
        row = self._row_at(pos)
        return None if row is None else row[0]

    def _key_at(self, pos: QPointF) -> object | None:
        row = self._row_at(pos)
        if row is None or abs(row[1] - row[0]) > THICKNESS / 2:
            return None  # between two rows
        return self._bars[row[0]].key

    def _mark(self, index: int) -> None:
        if self._highlight is not None:
            self._highlight.setRegion((index - 0.45, index + 0.45))
            self._highlight.show()


class BarChart(_HorizontalBars):
    """Categories × one value (lakh, crore or percent), with the exact value at each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit = "crore"
        self._value_label = ""
        self.retranslate_ui()

    def set_data(self, bars: Sequence[ChartBar], unit: str, *, value_label: str = "",
                 colour: str | None = None) -> None:
        """Show `bars` top to bottom; `value_label` ("Budget") prefixes the read-out value."""
        self._unit = check_unit(unit)
        self._bars, self._value_label = list(bars), value_label
        self._colour = colour or PALETTE[0]
        self._hovered = None
        self._redraw()

    def _lengths(self) -> list[Value]:
        return [b.value for b in self._bars]

    def _bar_text(self, index: int) -> str:
        return format_value(self._bars[index].value, self._unit)

    def _axis_unit(self) -> str:
        return self._unit

    def _describe(self, index: int) -> str:
        """"Old Age Allowance · Budget 4,351.00 crore Tk"."""
        bar = self._bars[index]
        value = format_value(bar.value, self._unit)
        return SEP.join([bar.label, f"{self._value_label} {value}" if self._value_label
                         else value])


class ShareChart(_HorizontalBars):
    """Each category's share of an explicit total budget (crore taka), in exact percent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total: Value = None
        self._shares: list[Decimal | None] = []
        self.retranslate_ui()

    def set_data(self, bars: Sequence[ChartBar], total: Decimal | int | None, *,
                 colour: str | None = None) -> None:
        """Show each bar's crore value as a share of `total`, which the caller counted once."""
        self._total = check_value(total)
        self._bars = list(bars)
        self._shares = [share_percent(b.value, self._total) for b in self._bars]
        self._colour = colour or PALETTE[2]
        self._hovered = None
        self._redraw()

    def _reset(self) -> None:
        super()._reset()
        self._total, self._shares = None, []

    def shares(self) -> list[Decimal | None]:
        """The exact percentages shown, one per bar (None where there is no figure)."""
        return list(self._shares)

    def _lengths(self) -> list[Value]:
        return list(self._shares)

    def _share_text(self, index: int) -> str:
        return format_value(self._shares[index], "percent")

    def _bar_text(self, index: int) -> str:
        share = self._shares[index]
        value = format_value(self._bars[index].value, "crore")
        return value if share is None else f"{self._share_text(index)}{SEP}{value}"

    def _axis_unit(self) -> str:
        return "percent"

    def _describe(self, index: int) -> str:
        """"Old Age Allowance · 3.2% · 4,351.00 crore Tk · Total 1,36,026.00 crore Tk"."""
        bar = self._bars[index]
        return SEP.join([bar.label, self._share_text(index), format_value(bar.value, "crore"),
                         total_text(self._total, "crore")])

