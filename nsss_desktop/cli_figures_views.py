"""`nsss-desktop figures dashboard|export|report|search|cumulative|targets`: reading the figures.

The same services as the screens: the dashboards (`programme_dashboards`), programme reports
(`programme_pivot` + `reports.programme_report`), programme search, figures between two dates
(`cumulative`) and annual targets (`targets`). Handlers import them lazily, so `--help` loads
neither the store nor the report stack (tests/test_cli_startup.py). Tables print as aligned
text with Indian digit grouping (lakh persons, crore taka); Bangla name columns are left out
of the text (a terminal cannot align them) but kept by `export`.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nsss_desktop.errors import UsageError

if TYPE_CHECKING:
    from nsss_desktop.domain import FiscalYear
    from nsss_desktop.services.tables import DashboardTable

# Spelled out so `--help` imports no service; tests/figures_views check they match the core.
VIEWS = ("national", "ministry", "cluster", "life-cycle", "all-ministries")
SCOPES = ("approved", "submitted", "working")
DIMENSIONS = ("ministry", "cluster", "life_cycle", "programme", "fiscal_year", "period",
              "gender", "area")
MEASURES = ("active_beneficiaries", "cumulative_beneficiaries", "budget", "budget_original",
            "budget_revised", "expenditure", "amount_disbursed", "benefit_value")
FILTERS = {"fiscal_year": "first_year", "ministry": "ministries", "cluster": "clusters",
           "life_cycle": "life_cycles", "programme": "programmes", "scope": "scope"}
PLACES = {"lakh": 2, "crore": 2, "taka": 2, "int": 0, "percent": 1}
TEXT_MAX = 44  # characters of a text cell in the printed table


def _fiscal_year(text: str | None) -> FiscalYear | None:
    from nsss_desktop.domain import FiscalYear

    if not text:
        return None
    try:
        return FiscalYear.parse(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' is not a fiscal year.", hint="Write it as 2023-24.") from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' is not a date.", hint="Write it as YYYY-MM-DD.") from exc


def _list(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(",") if p.strip())


# --- printing tables ----------------------------------------------------------------------------


def cell_text(value: object, kind: str) -> str:
    """One cell as printed: Indian grouping for numbers, '–' for nothing reported."""
    from nsss_desktop.domain.numbers import format_decimal

    if value is None or value == "":
        return "–" if kind in PLACES else ""
    if kind in PLACES and isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = format_decimal(value, PLACES[kind])
        return text + "%" if kind == "percent" else text
    text = " ".join(str(value).split())
    return text if len(text) <= TEXT_MAX else text[:TEXT_MAX - 1] + "…"


def print_table(table: DashboardTable) -> None:
    """Title, aligned columns (numbers right-aligned), then the table's notes."""
    columns = [c for c in table.columns if not c.key.endswith("_bn")]
    cells = [[c.label for c in columns]] + [[cell_text(r.get(c.key), c.kind) for c in columns]
                                           for r in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    print(f"{table.title}")
    for n, row in enumerate(cells):
        print("  " + "  ".join(text.rjust(w) if c.kind in PLACES else text.ljust(w)
                               for text, w, c in zip(row, widths, columns, strict=True)).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
    if not table.rows:
        print("  (no figures)")
    for note in table.notes:
        print(f"  Note: {note}")


# --- figures dashboard / export -----------------------------------------------------------------


def _view_tables(args: argparse.Namespace, session: Any) -> tuple[str, dict[str, DashboardTable]]:
    from nsss_desktop.services import programme_dashboards as pd

    fy, scope, view = _fiscal_year(args.fiscal_year), args.scope, args.view
    if view == "all-ministries":
        table = pd.all_ministries(session, scope=scope, fiscal_year=fy)
        return table.title, {"all-ministries": table}
    if view == "national":
        shown = pd.national_view(session, scope=scope, fiscal_year=fy)
    else:
        if not args.code:
            raise UsageError(f"The {view} view needs --code.",
                             hint="For example: --view ministry --code MoSW.")
        make = {"ministry": pd.ministry_view, "cluster": pd.cluster_view,
                "life-cycle": pd.life_cycle_view}[view]
        shown = make(session, args.code, scope=scope, fiscal_year=fy)
    title = shown.title + (f", {shown.fiscal_year}" if shown.fiscal_year else "")
    for note in shown.notes:
        title += f"\n  {note}"
    return title, shown.tables


def _chosen(tables: dict[str, DashboardTable], name: str | None) -> dict[str, DashboardTable]:
    if name is None:
        return tables
    if name not in tables:
        raise UsageError(f"This view has no table '{name}'.",
                         hint="Tables: " + ", ".join(tables) + ".")
    return {name: tables[name]}


def cmd_dashboard(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db

    with open_db(args) as db, db.reader() as session:
        title, tables = _view_tables(args, session)
        tables = _chosen(tables, args.table)
    print(f"{title} ({args.scope} figures)")
    for table in tables.values():
        print()
        print_table(table)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.io.table_export import export_table

    with open_db(args) as db, db.reader() as session:
        _title, tables = _view_tables(args, session)
        (table,) = _chosen(tables, args.table).values()
    out = export_table(table, Path(args.out))
    print(f"Wrote '{table.title}' ({len(table.rows)} rows) to {out}.")
    return 0


def _add_view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=VIEWS, default="national", help="which dashboard")
    p.add_argument("--code", metavar="CODE",
                   help="the ministry, cluster or life-cycle stage (e.g. MoSW, SA, OLD)")
    p.add_argument("--fiscal-year", metavar="YYYY-YY",
                   help="the year of the per-programme tables (default: the latest)")
    p.add_argument("--scope", choices=SCOPES, default="approved",
                   help="approved figures (default), with submitted ones, or drafts too")


# --- figures report -----------------------------------------------------------------------------


def _definition(args: argparse.Namespace, session: Any) -> Any:
    from nsss_desktop.services.programme_pivot import PivotDefinition, load_definition

    if args.name:
        if args.dims or args.columns or args.filter or args.measures:
            raise UsageError("--name runs a saved report as it was saved.",
                             hint="Leave out --dims, --columns, --measures and --filter.")
        saved = load_definition(session, args.name)
        if args.save:  # --name A --save B: a copy under a new name
            saved = PivotDefinition.from_dict({**saved.to_dict(), "name": args.save})
        return saved
    if not args.dims:
        raise UsageError("Say what the rows are.", hint="For example: --dims ministry,"
                         "fiscal_year --columns fiscal_year (or --name SAVED).")
    dims = _list(args.dims)
    fields: dict[str, Any] = {
        "name": args.save or "", "columns": args.columns,
        "rows": tuple(d for d in dims if d != args.columns),
        "measures": _list(args.measures or "active_beneficiaries,budget"), "scope": args.scope}
    for item in args.filter or ():
        key, sep, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in FILTERS:
            raise UsageError(f"'{item}' is not a filter.",
                             hint="Use KEY=VALUE with KEY one of: " + ", ".join(FILTERS) + ".")
        if key == "fiscal_year":
            first, _, last = value.partition("..")
            fields["first_year"] = _fiscal_year(first.strip())
            fields["last_year"] = _fiscal_year((last or first).strip())
        elif key == "scope":
            fields["scope"] = value.strip()
        else:
            fields[FILTERS[key]] = _list(value)
    return PivotDefinition(**fields)


def cmd_report(args: argparse.Namespace) -> int:
    from datetime import datetime

    from nsss_desktop.cli import open_db
    from nsss_desktop.reports.programme_report import build_programme_report, data_state
    from nsss_desktop.services import programme_pivot as pivot

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".pdf", ".xlsx"):
        raise UsageError(f"Cannot write a report to '{args.out}'.",
                         hint="Use a file name ending in .pdf or .xlsx.")
    with open_db(args) as db:
        if args.list or args.delete:
            if args.delete:
                if not pivot.delete_definition(db, args.delete):
                    raise UsageError(f"There is no saved report named '{args.delete}'.",
                                     hint="List them with: figures report --list")
                print(f"Deleted the saved report '{args.delete}'.")
                return 0
            with db.reader() as session:
                for name in pivot.saved_names(session):
                    d = pivot.load_definition(session, name)
                    across = f" × {d.columns}" if d.columns else ""
                    print(f"{name}: {', '.join(d.rows)}{across}: {', '.join(d.measures)} "
                          f"({d.scope})")
                return 0
        with db.reader() as session:
            definition = _definition(args, session)
            result = pivot.run_pivot(session, definition)
            seq = data_state(session)
        if args.save:
            pivot.save_definition(db, definition)
            print(f"Saved the report definition '{definition.name}'.")
    if out is None:
        if not args.save:
            print_table(pivot.pivot_table(result, "en"))
        return 0
    now = datetime.now().astimezone()  # the CLI is the edge that may read the clock
    doc = build_programme_report(result, generated_at=now, lang=args.lang, change_seq=seq,
                                 print_layout=out.suffix.lower() == ".pdf")
    if out.suffix.lower() == ".pdf":
        from ui.pdf_render import render_pdf  # Qt only when a PDF is asked for

        render_pdf(doc, out)
    else:
        from nsss_desktop.reports import export_report_xlsx

        export_report_xlsx(doc, out)
    print(f"Wrote the programme report to {out}.")
    print(doc.provenance)
    return 0


# --- figures search -----------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.programme_search import search_programmes

    with open_db(args) as db, db.reader() as session:
        hits = search_programmes(session, args.query, limit=args.limit)
    for hit in hits:
        name = hit.name_en if hit.field != "name_bn" else hit.name_bn
        where = "" if hit.field in ("code", "name_en", "name_bn") else \
            f"  [{hit.field.replace('_', ' ')}: {hit.matched}]"
        print(f"{hit.code:<20} {name}{where}")
    print(f"{len(hits)} programme(s).")
    return 0


# --- figures cumulative -------------------------------------------------------------------------


def _value_text(value: Any, measure: str) -> str:
    """Money in crore taka (taka for the benefit), persons in lakh, percent, n/a or '–'."""
    from nsss_desktop.domain import Count, Money
    from nsss_desktop.domain.measures import MEASURES, NOT_AVAILABLE, MeasureKind

    if value is None:
        return "–"
    if value is NOT_AVAILABLE:
        return "n/a"
    if isinstance(value, Count):
        return f"{value.format_lakh()} lakh"
    if isinstance(value, Money):
        if MEASURES[measure].kind is MeasureKind.RATE:
            return f"Tk {value.format_taka()}"
        return f"Tk {value.format_crore()} crore"
    return f"{value} %"


def cmd_cumulative(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services import programme_catalogue
    from nsss_desktop.services.cumulative import cumulative_between

    start, end = _day(args.start), _day(args.end)
    with open_db(args) as db, db.reader() as session:
        ids = None
        if args.ministry:
            cat = programme_catalogue.load(session)
            ids = set(cat.programmes_of_ministry(cat.by_code("ministry", args.ministry).id))
        result = cumulative_between(session, start, end, scope=args.scope, programme_ids=ids)
    who = f", programmes of {args.ministry}" if args.ministry else ""
    print(f"Figures from {start} to {end} ({result.range_months} whole months{who}; "
          f"{args.scope} figures)")
    for p in result.programmes:
        print(f"  {p.programme_code:<20} {p.name_en}")
        for measure, v in p.values.items():
            as_of = f" as of {v.as_of}" if v.as_of else ""
            kept = "" if v.counted else "  (not in the total)"
            print(f"      {measure:<26} {_value_text(v.value, measure)}{as_of}, "
                  f"{v.months} months{kept}")
    if result.totals or result.family_totals:
        print("Totals (each programme once):")
    for measure, value in result.totals.items():
        print(f"  {measure:<28} {_value_text(value, measure)}")
    for measure, value in result.family_totals.items():
        print(f"  {measure + ' (families)':<28} {_value_text(value, measure)}")
    if result.stock_year is not None and result.totals:
        print(f"  Stocks (beneficiaries) are as of {result.stock_year}, never summed over time.")
    for note in result.notes:
        print(f"Note: {note.message}")
    return 0


# --- figures targets ----------------------------------------------------------------------------


def _target_value(measure: str, text: str) -> Any:
    """VALUE as typed: budget in crore taka, benefit in taka, persons, coverage in percent."""
    from nsss_desktop.domain import Count, Money
    from nsss_desktop.domain.measures import MEASURES, NOT_AVAILABLE, NOT_AVAILABLE_WORDS
    from nsss_desktop.domain.numbers import parse_decimal

    if text.strip().lower() in NOT_AVAILABLE_WORDS:
        return NOT_AVAILABLE
    if measure not in MEASURES:
        raise UsageError(f"There is no measure '{measure}'.")
    try:
        number = parse_decimal(text)
    except (ValueError, ArithmeticError) as exc:
        raise UsageError(f"'{text}' is not a number.") from exc
    unit = MEASURES[measure].unit
    if unit == "money":
        try:
            return Money.from_taka(number) if measure == "benefit_value" else \
                Money.from_crore(number)
        except ValueError as exc:
            raise UsageError(f"'{text}' is not a whole number of poisha.",
                             hint="Budget is in crore taka, the benefit in taka, to the poisha.") \
                from exc
    if unit == "count":
        if number != number.to_integral_value():
            raise UsageError(f"'{text}' is not a whole number of persons.",
                             hint="Give beneficiaries in persons, e.g. 5801000.")
        return Count(int(number))
    return number


def cmd_targets(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services import targets

    fy = _fiscal_year(args.fiscal_year)
    with open_db(args) as db:
        if args.set:
            code, measure, text = args.set
            value = _target_value(measure, text)
            with db.unit_of_work(description=f"Set target {code} {fy} {measure}") as uow:
                targets.set_target(uow.session, code, fy, measure, value,  # type: ignore[arg-type]
                                   ministry_code=args.ministry, note=args.note)
            share = f" ({args.ministry}'s share)" if args.ministry else ""
            print(f"Target set: {code}{share} {fy} {measure} = {_value_text(value, measure)}.")
        with db.reader() as session:
            rows = targets.progress(session, fy, scope=args.scope)  # type: ignore[arg-type]
    print(f"Targets and progress, {fy} ({args.scope} figures)")
    for r in rows:
        share = f" [{r.ministry_code}]" if r.ministry_code else ""
        percent = f"{r.percent_achieved} %" if r.percent_achieved is not None else "–"
        print(f"  {r.programme_code + share:<24} {r.measure:<22} target "
              f"{_value_text(r.target, r.measure):<24} actual "
              f"{_value_text(r.actual, r.measure):<24} {percent:>8}  {r.status}")
    if not rows:
        print("  No targets set for this year.")
    return 0


# --- registration -------------------------------------------------------------------------------


def register(figures_sub: argparse._SubParsersAction) -> None:
    p = figures_sub.add_parser("dashboard", help="print a programme dashboard's tables")
    _add_view_options(p)
    p.add_argument("--table", metavar="NAME", help="only this table (e.g. series, programmes)")
    p.set_defaults(func=cmd_dashboard)

    p = figures_sub.add_parser("export", help="write one dashboard table to CSV or Excel")
    _add_view_options(p)
    p.add_argument("--table", required=True, metavar="NAME",
                   help="the table (series, programmes, by_cluster, by_life_cycle, ...)")
    p.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx")
    p.set_defaults(func=cmd_export)

    p = figures_sub.add_parser(
        "report", help="a programme report: figures by any dimensions, to Excel or PDF")
    p.add_argument("--dims", metavar="DIM,DIM",
                   help="dimensions, rows first: " + ", ".join(DIMENSIONS))
    p.add_argument("--columns", choices=DIMENSIONS, metavar="DIM",
                   help="the dimension that runs across (e.g. fiscal_year)")
    p.add_argument("--measures", metavar="M,M",
                   help="default active_beneficiaries,budget; any of: " + ", ".join(MEASURES))
    p.add_argument("--filter", action="append", metavar="KEY=VALUE",
                   help="repeatable: fiscal_year=2019-20..2023-24, ministry=MoSW,MoWCA, "
                        "cluster=SA, life_cycle=OLD, programme=OAA, scope=submitted")
    p.add_argument("--scope", choices=SCOPES, default="approved")
    p.add_argument("--save", metavar="NAME", help="save this definition under NAME")
    p.add_argument("--name", metavar="SAVED", help="run a saved definition")
    p.add_argument("--list", action="store_true", help="list the saved definitions")
    p.add_argument("--delete", metavar="NAME", help="delete a saved definition")
    p.add_argument("--out", metavar="FILE.xlsx|FILE.pdf",
                   help="write the report (without it the table is printed)")
    p.add_argument("--lang", choices=("en", "bn"), default="en", help="report language")
    p.set_defaults(func=cmd_report)

    p = figures_sub.add_parser("search", help="find programmes by code, name, ministry, cluster")
    p.add_argument("query", help="words in English or Bangla, or a programme code")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)

    p = figures_sub.add_parser(
        "cumulative", help="flows summed and stocks as of the end, between two dates")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--ministry", metavar="CODE", help="only this ministry's programmes")
    p.add_argument("--scope", choices=SCOPES, default="approved")
    p.set_defaults(func=cmd_cumulative)

    p = figures_sub.add_parser("targets", help="annual targets and progress; --set one")
    p.add_argument("--fiscal-year", required=True, metavar="YYYY-YY")
    p.add_argument("--set", nargs=3, metavar=("PROGRAMME", "MEASURE", "VALUE"),
                   help="set a target: budget in crore taka, benefit_value in taka, "
                        "active_beneficiaries and eligible_population in persons, coverage in "
                        "percent, or n/a")
    p.add_argument("--ministry", metavar="CODE", help="with --set: this ministry's share")
    p.add_argument("--note", default="", help="with --set: a note kept with the target")
    p.add_argument("--scope", choices=SCOPES, default="approved")
    p.set_defaults(func=cmd_targets)
