"""Shared parts of the programme charts: exact values in, exact text out.

Values arrive as Decimal or int (None: no figure); floats are refused, so binary rounding can
never reach the screen. They become floats only for drawing; every number shown as text (ticks,
bar labels, the hover read-out) is formatted from the exact value by `ui.i18n.number`, with
Indian grouping and, in the Bangla interface, Bangla digits. pyqtgraph draws with Qt's text
engine, so Bangla labels shape correctly.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402 - the binding must be chosen first
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent  # noqa: E402

from ui import i18n  # noqa: E402
from ui.qt import (  # noqa: E402
    QApplication,
    QEvent,
    QFont,
    QFontMetrics,
    QLabel,
    QPointF,
    QRectF,
    QResizeEvent,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)

Value = Decimal | int | None
UNITS = {"lakh": 2, "crore": 2, "percent": 1}  # unit -> decimal places shown
# Okabe-Ito colours that keep at least 3:1 contrast on white, then two dark extras.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#6A3D9A", "#8C6D1F", "#444444")
SEP = " · "
TEXT_COLOUR = "#333333"
LABEL_OVERHANG = 16  # pixels a tick label may reach past the end of its axis


def check_value(value: object) -> Value:
    if value is None or (isinstance(value, Decimal | int) and not isinstance(value, bool)):
        return value  # type: ignore[return-value]
    raise TypeError(f"chart values must be Decimal, int or None, not {type(value).__name__}")


def check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; expected one of {tuple(UNITS)}")
    return unit


@dataclass(frozen=True)
class ChartSeries:
    """One named line (or stacked part) over the x categories; None is a gap, not a zero."""

    key: object
    label: str
    values: Sequence[Value]
    unit: str
    colour: str | None = None

    def __post_init__(self) -> None:
        check_unit(self.unit)
        object.__setattr__(self, "values", tuple(check_value(v) for v in self.values))


@dataclass(frozen=True)
class ChartBar:
    """One category of a bar chart: `key` is what a click emits, `label` what is shown."""

    key: object
    label: str
    value: Value

    def __post_init__(self) -> None:
        check_value(self.value)


def plain_number(value: Value, unit: str) -> str:
    """The exact number in the unit's decimal places, or "n/a"."""
    if value is None:
        return translate("ProgrammeChart", "n/a")
    return i18n.number(value, UNITS[unit])


def format_value(value: Value, unit: str) -> str:
    """The exact number with its unit: "57.01 lakh", "8,250.00 crore Tk", "12.5%"."""
    if value is None:
        return translate("ProgrammeChart", "n/a")
    text = plain_number(value, unit)
    if unit == "lakh":
        return translate("ProgrammeChart", "{value} lakh").format(value=text)
    if unit == "crore":
        return translate("ProgrammeChart", "{value} crore Tk").format(value=text)
    return f"{text}%"


def total_text(value: Value, unit: str) -> str:
    """"Total 1,36,026.00 crore Tk"."""
    return translate("ProgrammeChart", "Total {value}").format(value=format_value(value, unit))


def unit_text(unit: str) -> str:
    if unit == "lakh":
        return translate("ProgrammeChart", "lakh")
    if unit == "crore":
        return translate("ProgrammeChart", "crore Tk")
    return "%"


def as_float(value: Value) -> float:
    return math.nan if value is None else float(value)


def swatch_legend(entries: Sequence[tuple[str, str, str]]) -> str:
    """Rich text of (colour, glyph, label) entries; a label never breaks inside itself."""
    swatch = "<span style='color:{0}'>{1}</span>&nbsp;{2}"
    return "&nbsp;&nbsp;&nbsp; ".join(
        swatch.format(colour, glyph, label.replace("&", "&amp;").replace("<", "&lt;")
                      .replace(" ", "&nbsp;"))
        for colour, glyph, label in entries)


def category_ticks(labels: Sequence[str], axis_width: float, span: float,
                   font: QFont) -> list[list[tuple[float, str]]]:
    """A tick on every category, a label on every n-th one so that labels never overlap."""
    if not labels:
        return [[], []]
    widest = max(QFontMetrics(font).horizontalAdvance(t) for t in labels) + 16
    per_item = axis_width / span if axis_width > 0 and span > 0 else 0
    step = max(1, math.ceil(widest / per_item)) if per_item else math.ceil(len(labels) / 8)
    return [[(float(i), t) for i, t in enumerate(labels) if i % step == 0],
            [(float(i), "") for i in range(len(labels)) if i % step]]


class ValueAxis(pg.AxisItem):
    """Value ticks with Indian grouping and the interface's digits, no SI prefixes."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        step = spacing * scale
        places = 0 if step >= 1 else 1 if step >= 0.1 else 2
        return [i18n.number(Decimal(f"{v * scale:.{places}f}"), places) for v in values]

    def boundingRect(self) -> QRectF:
        """Room for the end labels ("0" at the corner), which a plain axis drops with a grid."""
        rect = super().boundingRect()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -LABEL_OVERHANG, 0, LABEL_OVERHANG)
        return rect.adjusted(-LABEL_OVERHANG, 0, LABEL_OVERHANG, 0)


class ProgrammeChart(QWidget):
    """A plot (or the empty-state text), a legend and a read-out of the item hovered.

    Subclasses keep their data, draw it in `_draw()` and answer `_count`, `_has_figures`,
    `_index_at`, `_mark` and `_describe`; this class does the language, resize and hover plumbing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self._hovered: int | None = None
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self._empty = QLabel()
        self._empty.setObjectName("empty_state")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setStyleSheet("color: #555555; background: white;")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._empty)
        self._legend = QLabel()
        self._legend.setObjectName("legend")
        self._legend.setWordWrap(True)
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._readout = QLabel()
        self._readout.setObjectName("readout")
        self._readout.setWordWrap(True)
        self._readout.setTextFormat(Qt.TextFormat.PlainText)  # names may contain "<" or "&"
        self._readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._legend)
        layout.addWidget(self._readout)
        qconnect(self.view.scene().sigMouseMoved, self._mouse_moved)

    # --- public ------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the data and show the empty-state text."""
        self._reset()
        self._hovered = None
        self._redraw()

    def is_empty(self) -> bool:
        return self._count() == 0 or not self._has_figures()

    def readout_text(self) -> str:
        """The read-out shown for the hovered item ("" while nothing is hovered)."""
        return self._readout.text() if self._hovered is not None else ""

    def hover_index(self, index: int) -> None:
        """Hover item `index` (a year or a category) as the mouse would."""
        if self.is_empty() or not 0 <= index < self._count():
            raise IndexError(f"no item {index} in this chart")
        self._hovered = index
        self._mark(index)
        self._readout.setText(self._describe(index))

    def retranslate_ui(self) -> None:
        self._empty.setText(translate("ProgrammeChart", "No figures for this selection"))
        self._redraw()

    # --- plumbing ----------------------------------------------------------------------------

    def _redraw(self) -> None:
        empty = self.is_empty()
        self._stack.setCurrentWidget(self._empty if empty else self.view)
        self.view.clear()
        legend = "" if empty else self._draw()
        self._legend.setText(legend)
        self._legend.setVisible(bool(legend))
        if empty:
            self._hovered = None
            self._readout.setText("")
            return
        self._update_layout()
        if self._hovered is not None and self._hovered < self._count():
            self.hover_index(self._hovered)
        else:
            self._hovered = None
            self._readout.setText(translate("ProgrammeChart",
                                            "Point at the chart to read its exact values."))

    def _add_plot(self, row: int, left: pg.AxisItem, bottom: pg.AxisItem) -> pg.PlotItem:
        plot = self.view.addPlot(row=row, col=0, axisItems={"left": left, "bottom": bottom})
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        font = QApplication.font()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(TEXT_COLOUR)
            axis.setPen("#999999")
            axis.setTickFont(font)
            axis.setStyle(hideOverlappingLabels=False)
        plot.getAxis("bottom").setHeight(QFontMetrics(font).height() + 14)
        return plot

    def _axis_label(self, plot: pg.PlotItem, side: str, text: str) -> None:
        plot.setLabel(side, text, color=TEXT_COLOUR, **{"font-size": "10pt"})

    def _mouse_moved(self, pos: QPointF) -> None:
        if self.is_empty():
            return
        index = self._index_at(pos)
        if index is not None and index != self._hovered:
            self.hover_index(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._relayout)  # after the plots have their new geometry

    def _relayout(self) -> None:
        if not self.is_empty():
            self._update_layout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- for subclasses ----------------------------------------------------------------------

    def _reset(self) -> None:
        raise NotImplementedError

    def _count(self) -> int:
        raise NotImplementedError

    def _has_figures(self) -> bool:
        raise NotImplementedError

    def _draw(self) -> str:
        """Add the plots and items to `self.view`; return the legend's rich text."""
        raise NotImplementedError

    def _update_layout(self) -> None:
        """Fit ticks and ranges to the current size (called after drawing and on resize)."""

    def _index_at(self, pos: QPointF) -> int | None:
        raise NotImplementedError

    def _mark(self, index: int) -> None:
        raise NotImplementedError

    def _describe(self, index: int) -> str:
        raise NotImplementedError


class ClickableChart(ProgrammeChart):
    """A chart whose bars drill down: a left click on a bar emits `barClicked(key)`."""

    barClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        qconnect(self.view.scene().sigMouseClicked, self._mouse_clicked)

    def _mouse_clicked(self, event: MouseClickEvent) -> None:
        if self.is_empty() or event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        index, key = self._index_at(event.scenePos()), self._key_at(event.scenePos())
        if index is not None:
            self.hover_index(index)  # a touch screen has no hover: a tap reads out too
        if key is not None:
            self.barClicked.emit(key)

    def _mouse_moved(self, pos: QPointF) -> None:
        super()._mouse_moved(pos)
        on_bar = not self.is_empty() and self._key_at(pos) is not None
        self.view.setCursor(Qt.CursorShape.PointingHandCursor if on_bar
                            else Qt.CursorShape.ArrowCursor)

    def _key_at(self, pos: QPointF) -> object | None:
        raise NotImplementedError
