"""Fill the programme dashboard's charts from the tables it shows (one source of numbers).

The series chart draws the view's "series" table; the share chart draws the budget of each
thematic cluster (national view) or programme (other views) against the total row, counted
once, and each bar carries the DrillKey of its table cell, so a click opens the same rows as a
double-click on that number; the stacked chart draws the gender, area or division breakdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.tables import DashboardTable
from ui import i18n
from ui.programme_charts import ChartBar, ChartSeries, LineSeriesChart, format_value
from ui.qt import translate
from ui.screens.programme_dashboard_text import category_name, exact, measure_name
from ui.screens.programme_dashboard_widgets import ChartsPage, TablePage, notes_html

if TYPE_CHECKING:
    from ui.screens.programme_dashboards import ProgrammeDashboardsScreen

MAX_BARS = 10
SERIES = (("active_beneficiaries", "lakh"), ("budget", "crore"), ("expenditure", "crore"))


def show_charts(screen: ProgrammeDashboardsScreen) -> None:
    data = screen.data
    page = screen.charts
    if data is None:
        screen.series_chart.clear()
        page.share.clear()
        page.stacked.clear()
        return
    series_chart(screen.series_chart, data.view.tables.get("series"))
    national = data.request.kind == "national"
    source = "by_cluster" if national else "programmes"
    share_chart(page, screen.pages[source], national)
    year = i18n.digits(str(data.request.fiscal_year)) if data.request.fiscal_year else ""
    title = translate("DashboardCharts", "Share of the budget by thematic cluster, {year}") \
        if national else translate("DashboardCharts", "Share of the budget by programme, {year}")
    page.share_title.setText(f"<b>{title.format(year=year)}</b>")
    table = data.breakdowns[page.dimension()]
    breakdown_chart(page, table)
    page.stacked_title.setText("<b>{}</b>".format({
        "gender": translate("DashboardCharts", "Beneficiaries by gender, by fiscal year"),
        "area": translate("DashboardCharts", "Beneficiaries by area (rural/urban), by fiscal year"),
        "division": translate("DashboardCharts", "Beneficiaries by division, by fiscal year"),
    }.get(page.dimension(), "")))
    notes = [translate("DashboardCharts",
                       "Each share is of the total counted once: programmes marked 'shared', "
                       "components of an aggregate and published national budget lines are "
                       "left out, as in the total."),
             *table.notes,
             translate("DashboardCharts", "Click a bar to see the figure rows behind it.")]
    if not table.rows:
        notes.insert(1, translate("DashboardCharts",
                                  "No programme in this view has reported this breakdown yet."))
    page.notes.setText(notes_html(translate("DashboardCharts", "Notes"), notes))


def series_chart(chart: LineSeriesChart, table: DashboardTable | None) -> None:
    if table is None or not table.rows:
        chart.clear()
        return
    years = [str(r["fiscal_year"]) for r in table.rows]
    series = []
    for key, unit in SERIES:
        values = [exact(r.get(key)) for r in table.rows]
        if any(v is not None for v in values):
            series.append(ChartSeries(key, measure_name(key), values, unit))
    if series:
        chart.set_data(years, series)
    else:
        chart.clear()


def share_chart(page: ChartsPage, source: TablePage, national: bool) -> None:
    """Bars of the budget cells that make up the total row (shared rows are not in it)."""
    model, table = source.model, source.model.table
    page.share_labels = {}
    if table is None or len(table.rows) < 2:
        page.share.clear()
        return
    last = len(table.rows) - 1
    total = exact(table.rows[last].get("budget"))
    total_key = table.drill.get((last, "budget"))
    if total is None or not isinstance(total_key, DrillKey):
        page.share.clear()
        return
    counted = set(total_key.programme_ids)
    name = next(c for c in table.columns if c.key in ("group", "name_en"))
    bars = []
    for index, row in enumerate(table.rows[:last]):
        value, key = exact(row.get("budget")), table.drill.get((index, "budget"))
        if value is None or not isinstance(key, DrillKey):
            continue
        if not national and not set(key.programme_ids) <= counted:
            continue  # a shared programme's whole figure, or a component: not in the total
        label = model.cell_text(row, name)
        bars.append(ChartBar(key, label, value))
        page.share_labels[key] = "{} ({})".format(label, format_value(value, "crore"))
    bars.sort(key=lambda b: -b.value)  # type: ignore[operator]
    if len(bars) > MAX_BARS:  # the smallest together, so the chart fits the screen
        rest = bars[MAX_BARS - 1:]
        bars = [*bars[:MAX_BARS - 1], ChartBar(None, translate(
            "DashboardCharts", "{count} other programmes").format(
                count=i18n.number(len(rest), 0)), sum(b.value for b in rest))]  # type: ignore[misc]
    if bars:
        page.share.set_data(bars, total)
    else:
        page.share.clear()


def breakdown_chart(page: ChartsPage, table: DashboardTable) -> None:
    if not table.rows:
        page.stacked.clear()
        return
    years = [str(r["fiscal_year"]) for r in table.rows]
    parts = [ChartSeries(c.key, category_name(c.key), [exact(r.get(c.key)) for r in table.rows],
                         "lakh")
             for c in table.columns if c.kind == "lakh"]
    if parts:
        page.stacked.set_data(years, parts)
    else:
        page.stacked.clear()
