"""Reusable pyqtgraph charts for the programme M&E dashboards.

Data goes in as exact values (Decimal, int, or None for "no figure"), never floats. Units:
beneficiaries in lakh and money in crore taka (2 decimals), percentages (1 decimal). Every
number shown is formatted from the exact value with `ui.i18n.number`.

    chart = LineSeriesChart()
    chart.set_data(["2021-22", "2022-23"], [
        ChartSeries("people", "Beneficiaries", [Decimal("57.01"), None], "lakh"),
        ChartSeries("budget", "Budget", [Decimal("3444.54"), None], "crore")])

Every chart has `set_data(...)`, `clear()`, `is_empty()`, `hover_index(i)`, `readout_text()`
and `retranslate_ui()`; BarChart, StackedBarChart and ShareChart emit `barClicked(object)`.
"""

from ui.programme_charts.bar_charts import BarChart, ShareChart, share_percent
from ui.programme_charts.chart_base import PALETTE, UNITS, ChartBar, ChartSeries, format_value
from ui.programme_charts.line_chart import LineSeriesChart
from ui.programme_charts.stacked_chart import StackedBarChart

__all__ = [
    "PALETTE", "UNITS", "BarChart", "ChartBar", "ChartSeries", "LineSeriesChart", "ShareChart",
    "StackedBarChart", "format_value", "share_percent",
]
