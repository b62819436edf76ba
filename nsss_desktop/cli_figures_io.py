"""`nsss-desktop figures template|import|import-finance`: the Excel round trip of programme
figures with ministries, and the Finance Division's programme table.

Handlers import the store and services lazily so `--help` stays fast. A refused import prints
every problem as "Sheet!Cell: code: message" on stderr and exits 11 (`ImportRefused`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nsss_desktop.errors import UsageError

if TYPE_CHECKING:
    from nsss_desktop.domain import FiscalYear, Period
    from nsss_desktop.services.figures_import import ImportPreview, ImportResult

PREVIEW_LIMIT = 50
STAGES = ("proposed", "revised")


def _period(text: str) -> Period:
    from nsss_desktop.domain import Period

    try:
        return Period.parse(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' is not a reporting period.",
                         hint="Write it as 2023-24, 2023-24 H1, 2023-24 Q1 or 2023-24 Jul.") \
            from exc


def _fiscal_year(text: str | None) -> FiscalYear | None:
    from nsss_desktop.domain import FiscalYear

    if not text:
        return None
    try:
        return FiscalYear.parse(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' is not a fiscal year.", hint="Write it as 2023-24.") from exc


def print_preview(preview: ImportPreview, *, show_all: bool = False) -> None:
    """The dry-run report: what the file is for, counts, each row's changes, every issue."""
    if preview.kind == "template":
        print(f"Template {preview.source}: ministry {preview.ministry_code or '?'}, period "
              f"{preview.period or '?'}")
    else:
        new = " (new source)" if preview.source_is_new else ""
        print(f"Finance Division table {preview.source}: {preview.period or '?'}, stage "
              f"{preview.stage}, source {preview.source_code}{new}")
    print(f"  new: {preview.count('new')}   changed: {preview.count('changed')}   "
          f"unchanged: {preview.count('unchanged')}   errors: {len(preview.errors)}   "
          f"warnings: {len(preview.warnings)}")
    rows = [r for r in preview.rows if r.status != "unchanged"]
    shown = rows if show_all else rows[:PREVIEW_LIMIT]
    for row in shown:
        mark = "+" if row.status == "new" else "~"
        print(f"  {mark} {row.programme_code} {row.programme_name} ({row.where})")
        if row.status == "new":
            for measure, value in row.values:
                print(f"      {measure}: {value}")
        for change in row.changes:
            print(f"      {change.measure}: '{change.before}' -> '{change.after}'")
    if len(rows) > len(shown):
        print(f"  … and {len(rows) - len(shown)} more rows; --all shows all")
    for skipped in preview.skipped:
        print(f"  skipped row {skipped.row} ({skipped.reason}): {skipped.text}")
    for issue in preview.issues:
        print(f"  {issue.level} {issue.where}: {issue.code}: {issue.message}")


def _refuse_if_errors(preview: ImportPreview) -> None:
    from nsss_desktop.services.figures_import import issue_problem, refusal

    if preview.errors:
        for issue in preview.errors:
            print(str(issue_problem(issue)), file=sys.stderr)
        raise refusal(preview)


def cmd_template(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.figures_import import write_ministry_template

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"Cannot write a template to '{out}'.",
                         hint="Use a file name ending in .xlsx.")
    period = _period(args.period)
    generated_at = datetime.now(UTC).isoformat(timespec="seconds")  # the CLI may read the clock
    with open_db(args) as db:
        written = write_ministry_template(db, out, args.ministry, period, generated_at)
    print(f"Wrote the {args.ministry} template for {period} to {written}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.figures_import import preview_template, save_preview

    with open_db(args) as db:
        preview = preview_template(db, Path(args.file))
        print_preview(preview, show_all=args.all)
        _refuse_if_errors(preview)
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        result = save_preview(db, preview, description=f"Import figures template "
                              f"{preview.source} ({preview.ministry_code}, {preview.period})")
    _print_result(result)
    return 0


def cmd_import_finance(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.figures_import import preview_finance_table, save_preview

    fiscal_year = _fiscal_year(args.fiscal_year)
    with open_db(args) as db:
        preview = preview_finance_table(db, Path(args.file), fiscal_year, args.stage,
                                        args.source, state=args.state)
        print_preview(preview, show_all=args.all)
        _refuse_if_errors(preview)
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        result = save_preview(db, preview, source_title=args.source_title or "",
                              state=args.state,
                              description=f"Import Finance Division table {preview.source} "
                                          f"({preview.period}, {args.stage}, source "
                                          f"{args.source})")
    _print_result(result, args.state)
    return 0


def _print_result(result: ImportResult, state: str = "draft") -> None:
    if result.written:
        print(f"Imported as {state}: {result.inserted} inserted, {result.updated} updated, "
              f"{result.unchanged} unchanged.")
    else:
        print("Nothing to change: the database already holds these figures.")


def register(figures_sub: argparse._SubParsersAction) -> None:
    p = figures_sub.add_parser("template", help="write a ministry's Excel template for a period")
    p.add_argument("--ministry", required=True, metavar="CODE", help="ministry code, e.g. MoSW")
    p.add_argument("--period", required=True, metavar="PERIOD",
                   help="2023-24, or a part of it: '2023-24 Q1', '2023-24 H1', '2023-24 Jul'")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_template)

    p = figures_sub.add_parser("import", help="import a filled-in template (as draft figures)")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--all", action="store_true", help="list every changed row in the preview")
    p.set_defaults(func=cmd_import)

    p = figures_sub.add_parser("import-finance",
                               help="import the Finance Division programme table (xlsx or csv)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--fiscal-year", metavar="YYYY-YY",
                   help="the table's fiscal year (default: read from its title)")
    p.add_argument("--stage", required=True, choices=STAGES,
                   help="proposed budget or revised budget")
    p.add_argument("--source", required=True, metavar="CODE",
                   help="source code recorded with the figures, e.g. FD_SSP_2023")
    p.add_argument("--source-title", metavar="TEXT", help="title of a new source")
    p.add_argument("--state", choices=("approved", "draft"), default="approved",
                   help="published figures are approved (default); draft keeps them for review")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--all", action="store_true", help="list every changed row in the preview")
    p.set_defaults(func=cmd_import_finance)
