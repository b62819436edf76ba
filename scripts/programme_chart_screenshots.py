"""Screenshots of the programme charts for docs/screens/ (offscreen, real figures, no database).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/programme_chart_screenshots.py [DATA_CSV]

Takes the figures from the programmes CSV (default /work/shared/data/programmes.csv): where
several sources give one programme-year, the first row with a figure wins. Saves
chart-series.png, chart-series-bn.png, chart-bars.png, chart-stacked.png and chart-share.png.
"""

from __future__ import annotations

import csv
import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ui import i18n  # noqa: E402
from ui.programme_charts import (  # noqa: E402
    BarChart,
    ChartBar,
    ChartSeries,
    LineSeriesChart,
    ShareChart,
    StackedBarChart,
)
from ui.qt import QApplication, QEventLoop, QTimer, QWidget  # noqa: E402

DATA = Path("/work/shared/data/programmes.csv")
OUT = REPO / "docs" / "screens"
YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2008, 2026)]
SHORT = {"OAA": "Old Age Allowance", "WDDW": "Widow, Deserted and Destitute Women",
         "DISA": "Persons with Disabilities", "MCBP": "Mother and Child Benefit",
         "PSTIP": "Primary Education Stipend", "FFHA": "Freedom Fighters' Honorarium",
         "GOVPEN": "Government employees' pensions", "NSC_INTEREST": "National Savings interest",
         "TEA": "Tea garden workers", "BACKWARD_ALW": "Backward communities allowance"}
BANGLA = {"people": "উপকারভোগী", "budget": "বাজেট"}

Figures = dict[tuple[str, str], dict[str, Decimal]]


def load(path: Path) -> Figures:
    """(programme code, fiscal year) -> {"lakh": ..., "crore": ...}; first figure wins."""
    figures: Figures = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cell = figures.setdefault((row["programme_code"], row["fiscal_year"]), {})
            for unit, column in (("lakh", "beneficiaries_lakh"), ("crore", "budget_crore_taka")):
                if row[column].strip() and unit not in cell:
                    cell[unit] = Decimal(row[column].strip())
    return figures


def settle() -> None:
    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        QApplication.processEvents()


def save(widget: QWidget, name: str, hover: int | None = None) -> None:
    widget.show()
    settle()
    if hover is not None:
        widget.hover_index(hover)  # type: ignore[attr-defined]
        settle()
    out = OUT / name
    widget.grab().save(str(out))
    print(out)


def series_chart(figures: Figures, bangla: bool) -> LineSeriesChart:
    chart = LineSeriesChart()
    chart.resize(900, 520)
    label = BANGLA if bangla else {"people": "Beneficiaries", "budget": "Budget"}
    chart.set_data(YEARS, [
        ChartSeries("people", label["people"],
                    [figures.get(("OAA", y), {}).get("lakh") for y in YEARS], "lakh"),
        ChartSeries("budget", label["budget"],
                    [figures.get(("OAA", y), {}).get("crore") for y in YEARS], "crore")])
    return chart


def main() -> None:
    figures = load(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    i18n.set_language("en")
    OUT.mkdir(parents=True, exist_ok=True)

    save(series_chart(figures, bangla=False), "chart-series.png", hover=YEARS.index("2021-22"))

    bars = BarChart()
    bars.resize(900, 420)
    codes = ["OAA", "PSTIP", "DISA", "WDDW", "MCBP", "BACKWARD_ALW"]
    bars.set_data([ChartBar(c, SHORT[c], figures.get((c, "2024-25"), {}).get("lakh"))
                   for c in codes], "lakh", value_label="Beneficiaries 2024-25")
    save(bars, "chart-bars.png", hover=1)

    stacked = StackedBarChart()
    stacked.resize(900, 480)
    years = YEARS[YEARS.index("2017-18"):]
    stacked.set_data(years, [
        ChartSeries(c, SHORT[c], [figures.get((c, y), {}).get("lakh") for y in years], "lakh")
        for c in ("OAA", "WDDW", "DISA")])
    save(stacked, "chart-stacked.png", hover=years.index("2024-25"))

    share = ShareChart()
    share.resize(900, 360)
    codes = ["GOVPEN", "NSC_INTEREST", "OAA", "WDDW", "TEA"]
    share.set_data([ChartBar(c, SHORT[c], figures[(c, "2024-25")]["crore"]) for c in codes],
                   figures[("TOTAL_SSP", "2024-25")]["crore"])
    save(share, "chart-share.png", hover=2)

    i18n.set_language("bn")
    save(series_chart(figures, bangla=True), "chart-series-bn.png", hover=YEARS.index("2023-24"))
    i18n.set_language("en")


if __name__ == "__main__":
    main()
