"""`nsss-desktop figures dashboard|export|report|search|cumulative|targets` in real subprocesses.

Expected figures are computed with the services in this process and formatted as the CLI
says it prints them (Indian grouping), so a wrong total or a float slip fails here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from nsss_desktop import cli_figures_views as views_cli
from nsss_desktop.domain import Count, Money
from nsss_desktop.domain.numbers import format_decimal
from nsss_desktop.services import programme_dashboards as pd
from nsss_desktop.services import programme_pivot as pv
from nsss_desktop.services.cumulative import cumulative_between
from tests.conftest import run_cli
from tests.figures_views.conftest import (
    FY22,
    FY23,
    PASSPHRASE,
    QUARTER_DISBURSED,
    SHARE_BUDGET,
)

ENV = {"NSSS_PASSPHRASE": PASSPHRASE}


def figures(seeded, *args: str):  # noqa: ANN001, ANN201
    return run_cli("--db", str(seeded.path), "--no-keyring", "figures", *args, env=ENV)


def test_the_cli_spells_the_cores_choices() -> None:
    assert views_cli.DIMENSIONS == pv.DIMENSIONS
    assert views_cli.MEASURES == pv.MEASURE_KEYS
    assert views_cli.SCOPES == pd.SCOPES


def test_dashboard_prints_the_national_series(views) -> None:  # noqa: ANN001
    done = figures(views, "dashboard", "--table", "series")
    assert done.returncode == 0, done.stderr
    with views.db.reader() as s:
        series = pd.national_view(s).tables["series"]
    for row in series.rows:
        line = next(x for x in done.stdout.splitlines() if x.strip().startswith(
            row["fiscal_year"]))
        for m in ("active_beneficiaries", "budget"):
            if row[m] is not None:
                assert format_decimal(row[m], 2) in line, (row["fiscal_year"], m, line)
    assert "Each programme is counted once" in done.stdout
    assert "Programmes (Bangla)" not in done.stdout


def test_dashboard_of_a_ministry_and_a_wrong_table(views) -> None:  # noqa: ANN001
    done = figures(views, "dashboard", "--view", "ministry", "--code", "MoWCA",
                   "--fiscal-year", "2023-24", "--table", "programmes")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if "PV_SHARED" in x)
    assert format_decimal(Money(SHARE_BUDGET[FY23]["MoWCA"]).crore, 2) in line  # 70.00
    done = figures(views, "dashboard", "--table", "nothing")
    assert done.returncode == 2
    assert "no table 'nothing'" in done.stderr and "series" in done.stderr
    done = figures(views, "dashboard", "--view", "cluster")
    assert done.returncode == 2 and "--code" in done.stderr


def test_export_a_dashboard_table(views, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "series.xlsx"
    done = figures(views, "export", "--table", "series", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with views.db.reader() as s:
        series = pd.national_view(s).tables["series"]
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    budgets = {r[0].value: r[header.index("Budget (crore Tk)")].value
               for r in ws.iter_rows(min_row=2)}
    for row in series.rows:
        if row["budget"] is not None:
            assert Decimal(str(budgets[row["fiscal_year"]])) == row["budget"]
    csv = tmp_path / "series.csv"
    assert figures(views, "export", "--table", "series", "--out", str(csv)).returncode == 0
    assert "Fiscal year" in csv.read_text(encoding="utf-8-sig")


def test_report_save_then_run_saved_to_excel_and_pdf(views, tmp_path) -> None:  # noqa: ANN001
    done = figures(views, "report", "--dims", "ministry,fiscal_year", "--columns",
                   "fiscal_year", "--measures", "budget,active_beneficiaries",
                   "--filter", "fiscal_year=2022-23..2023-24",
                   "--filter", "programme=PV_SHARED,PV_QUARTERLY", "--save", "Shared")
    assert done.returncode == 0, done.stderr
    assert "Saved the report definition 'Shared'." in done.stdout
    listed = figures(views, "report", "--list")
    assert "Shared: ministry × fiscal_year: budget, active_beneficiaries (approved)" in \
        listed.stdout
    out = tmp_path / "shared.xlsx"
    done = figures(views, "report", "--name", "Shared", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert f"Wrote the programme report to {out}." in done.stdout
    ws = load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    total = next(r for r in ws.iter_rows(min_row=2)
                 if r[0].value == "Total (each programme once)")
    assert Decimal(str(total[header.index("Budget (crore Tk), total")].value)) == \
        Money(sum(sum(by.values()) for by in SHARE_BUDGET.values())).crore
    pdf = tmp_path / "shared.pdf"
    done = figures(views, "report", "--name", "Shared", "--out", str(pdf), "--lang", "bn")
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    with views.db.reader() as s:
        assert pv.load_definition(s, "Shared").programmes == ("PV_SHARED", "PV_QUARTERLY")
    done = figures(views, "report", "--delete", "Shared")
    assert done.returncode == 0 and "Deleted" in done.stdout
    assert figures(views, "report", "--name", "Shared").returncode == 2


def test_report_printed_and_refused(views) -> None:  # noqa: ANN001
    done = figures(views, "report", "--dims", "programme", "--measures", "budget",
                   "--filter", "programme=PV_SHARED", "--filter", "fiscal_year=2022-23")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if "PV_SHARED" in x)
    assert format_decimal(Money(sum(SHARE_BUDGET[FY22].values())).crore, 2) in line  # 222.22
    bad = figures(views, "report", "--dims", "gender,area")
    assert bad.returncode == 2 and "cannot be combined" in bad.stderr
    bad = figures(views, "report", "--dims", "ministry", "--filter", "colour=red")
    assert bad.returncode == 2 and "'colour=red' is not a filter" in bad.stderr
    bad = figures(views, "report", "--dims", "ministry", "--out", "report.docx")
    assert bad.returncode == 2 and "Cannot write a report" in bad.stderr


def test_search(views) -> None:  # noqa: ANN001
    done = figures(views, "search", "বয়স্ক")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("OAA ")
    done = figures(views, "search", "women and children")
    assert "PV_SHARED" in done.stdout and "[ministry: Ministry of Women" in done.stdout


def test_cumulative_between_dates(views) -> None:  # noqa: ANN001
    done = figures(views, "cumulative", "--from", "2023-07-01", "--to", "2023-12-31",
                   "--ministry", "MoSW")
    assert done.returncode == 0, done.stderr
    disbursed = Money(QUARTER_DISBURSED[1] + QUARTER_DISBURSED[2]).format_crore()
    assert f"amount_disbursed             Tk {disbursed} crore" in done.stdout
    with views.db.reader() as s:
        result = cumulative_between(s, date(2023, 7, 1), date(2023, 12, 31))
    assert result.totals["amount_disbursed"] == Money(QUARTER_DISBURSED[1]
                                                      + QUARTER_DISBURSED[2])
    assert "left out" in done.stdout  # the whole-year figures of 2023-24 end after the range
    bad = figures(views, "cumulative", "--from", "2023-12-31", "--to", "2023-07-01")
    assert bad.returncode == 2


def test_targets_set_and_progress(views) -> None:  # noqa: ANN001
    done = figures(views, "targets", "--fiscal-year", "2023-24", "--set", "PV_SHARED",
                   "budget", "25")
    assert done.returncode == 0, done.stderr
    assert "Target set: PV_SHARED 2023-24 budget = Tk 25.00 crore." in done.stdout
    line = next(x for x in done.stdout.splitlines() if "PV_SHARED" in x and "budget" in x
                and "target" in x)
    actual = Money(sum(SHARE_BUDGET[FY23].values()))
    assert f"actual Tk {actual.format_crore()} crore" in line
    percent = (actual.crore * 100 / 25).quantize(Decimal("0.1"))
    assert f"{percent} %" in line and "behind" in line  # 80.0 %
    done = figures(views, "targets", "--fiscal-year", "2023-24", "--set", "PV_SHARED",
                   "active_beneficiaries", "170001", "--ministry", "MoSW")
    assert done.returncode == 0, done.stderr
    assert f"= {Count(170001).format_lakh()} lakh" in done.stdout
    bad = figures(views, "targets", "--fiscal-year", "2023-24", "--set", "PV_SHARED",
                  "budget", "1.0000000001")
    assert bad.returncode == 2 and "poisha" in bad.stderr
