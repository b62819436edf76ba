"""`nsss-desktop plan …`: the NSSS Action Plan commands (list, import, export, status, search).

Each subcommand is one `add_*` function that adds its parser and handler; `register` calls
every function in `SUBCOMMANDS`, so a new command is one function and one entry there.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nsss_desktop.errors import ImportRefused, UsageError

# The report groupings, spelled out so `--help` does not import the report stack (openpyxl,
# services); tests/test_cli_startup.py checks they equal reports.reform_report.GROUP_BYS.
REPORT_GROUP_BYS = ("ministry", "cluster", "status", "objective", "plan")

if TYPE_CHECKING:
    from nsss_desktop.services.action_plan_import import ImportReport

Adder = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
PREVIEW_LIMIT = 50


def _as_of(text: str | None) -> date:
    """The reporting date given, else today (the CLI is the edge that may read the clock)."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' is not a date.", hint="Write it as YYYY-MM-DD.") from exc


# --- plan list ----------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.action_plan import get_plan, list_plans, register_rows

    with open_db(args) as db, db.reader() as session:
        if not args.plan:
            plans = list_plans(session)
            for p in plans:
                years = f"{p.first_year}-{p.last_year}" if p.first_year else ""
                print(f"{p.code or '-':<10} {p.title}  [{p.phase or '-'} {years}]  "
                      f"{p.objectives} objectives, {p.activities} activities")
            if not plans:
                print("No action plans yet: nsss-desktop plan import FILE.xlsx --plan CODE")
            return 0
        plan = get_plan(session, args.plan)
        rows = register_rows(session, plan.id, as_of=_as_of(args.as_of))
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else (r.recurrence or "-")
        print(f"{r.number or '-':>5}  {r.status:<11} {due:<10}  {r.responsible or '-'}: "
              f"{_short(r.activity, 70)}")
    return 0


def add_list(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the plans, or the register of one plan")
    p.add_argument("--plan", metavar="CODE", help="show this plan's activities")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="status date (default: today)")
    p.set_defaults(func=cmd_list)


# --- plan import --------------------------------------------------------------------------------


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(report: ImportReport, *, show_all: bool = False) -> None:
    """The import preview: counts, then each insert, update (field by field) and missing row."""
    state = "new plan" if report.plan_is_new else "existing plan"
    print(f"Plan {report.plan_code} ({state}) \"{report.plan_title}\" from {report.source}, "
          f"sheet '{report.sheet}'")
    print(f"  to insert: {len(report.to_insert)}   to update: {len(report.to_update)}   "
          f"unchanged: {len(report.unchanged)}   not in sheet: {len(report.not_in_sheet)}")
    for change in [*report.plan_changes, *report.objective_changes]:
        print(f"  {change.field}: '{change.before}' -> '{change.after}'")
    sections = (("+ insert", report.to_insert), ("~ update", report.to_update),
                ("? not in sheet (kept)", report.not_in_sheet))
    for label, refs in sections:
        shown = refs if show_all else refs[:PREVIEW_LIMIT]
        for ref in shown:
            where = f" (row {ref.row})" if ref.row else ""
            print(f"  {label} No. {ref.number or '-'}{where}: {_short(ref.activity, 70)}")
            for change in ref.changes:
                print(f"      {change.field}: '{_short(change.before, 60)}' -> "
                      f"'{_short(change.after, 60)}'")
        if len(refs) > len(shown):
            print(f"  … and {len(refs) - len(shown)} more ({label.split()[1]}); --all shows all")
    for note in report.notes:
        print(f"  note {note}")


def cmd_import(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.action_plan import import_plan

    with open_db(args) as db:
        try:
            report = import_plan(db, Path(args.file), plan_code=args.plan,
                                 plan_title=args.title, dry_run=args.dry_run)
        except ImportRefused as exc:
            for problem in exc.problems:
                print(str(problem), file=sys.stderr)
            raise
    print_report(report, show_all=args.all)
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif report.written:
        print(f"Imported: {len(report.to_insert)} inserted, {len(report.to_update)} updated.")
    else:
        print("Nothing to change: the plan already matches the sheet.")
    return 0


def add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a plan workbook (.xlsx, official layout)")
    p.add_argument("file", help="the .xlsx workbook")
    p.add_argument("--plan", required=True, metavar="CODE", help="plan code, e.g. AP2021")
    p.add_argument("--title", help="plan title (for a new plan, or to rename one)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--all", action="store_true", help="list every row in the preview")
    p.set_defaults(func=cmd_import)


# --- plan export --------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services.action_plan import export_plan

    if Path(args.out).suffix.lower() != ".xlsx":
        raise UsageError(f"Cannot export a plan to '{args.out}'.",
                         hint="Use a file name ending in .xlsx.")
    with open_db(args) as db:
        out = export_plan(db, args.plan, Path(args.out), _as_of(args.as_of), lang=args.lang)
    print(f"Wrote plan {args.plan} to {out}.")
    return 0


def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export a plan as the official table (.xlsx)")
    p.add_argument("--plan", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="status date (default: today)")
    p.add_argument("--lang", choices=("en", "bn"), default="en",
                   help="header and ministry-name language")
    p.set_defaults(func=cmd_export)


SUBCOMMANDS: list[Adder] = [add_list, add_import, add_export]


def register(sub: argparse._SubParsersAction) -> None:
    plan = sub.add_parser("plan", help="NSSS Action Plan: list, import, export, status, search")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="PLAN_COMMAND")
    for add in SUBCOMMANDS:
        add(plan_sub)
    plan.set_defaults(func=lambda args: plan.print_help() or 2)


# --- plan status / plan evidence (reform status, history and evidence files) -----------------


def register_status(plan_sub: argparse._SubParsersAction) -> None:
    """Add `plan status` and `plan evidence add|list|save` to the `plan` sub-commands."""
    from datetime import date
    from pathlib import Path

    from nsss_desktop.domain.enums import ActivityStatus, ApprovalState, EvidenceKind

    p = plan_sub.add_parser(
        "status", help="show, record (--set) or list (--history) an activity's status")
    p.add_argument("activity", metavar="ACTIVITY_NO", help="the activity's number in the plan")
    p.add_argument("--plan", required=True, metavar="CODE", help="the action plan's code")
    p.add_argument("--set", choices=[s.value for s in ActivityStatus], metavar="STATUS",
                   help="record a new status: " + ", ".join(s.value for s in ActivityStatus))
    p.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="date of the new status (required with --set)")
    p.add_argument("--note", default="", help="progress note for the new status")
    p.add_argument("--period", default="", metavar="PERIOD",
                   help="reporting period, e.g. '2023-24 Q2'")
    p.add_argument("--approval", choices=[a.value for a in ApprovalState],
                   default=ApprovalState.DRAFT.value,
                   help="approval state of the new status (default: draft)")
    p.add_argument("--history", action="store_true", help="list every recorded status")
    p.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="date for the current status (default: today)")
    p.set_defaults(func=cmd_plan_status)

    ev = plan_sub.add_parser("evidence", help="attach, list or save evidence files")
    ev_sub = ev.add_subparsers(dest="evidence_command", metavar="EVIDENCE_COMMAND")
    ev.set_defaults(func=lambda args: ev.print_help() or 2)
    a = ev_sub.add_parser("add", help="attach a file (PDF, image, Word, Excel, PowerPoint)")
    a.add_argument("activity", metavar="ACTIVITY_NO")
    a.add_argument("--plan", required=True, metavar="CODE")
    a.add_argument("file", type=Path, metavar="FILE")
    a.add_argument("--title", required=True)
    a.add_argument("--kind", required=True, choices=[k.value for k in EvidenceKind])
    a.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="the document's date")
    a.add_argument("--event", metavar="STATUS_EVENT_ID",
                   help="the status report this file supports")
    a.set_defaults(func=cmd_plan_evidence_add)
    ls = ev_sub.add_parser("list", help="list an activity's evidence")
    ls.add_argument("activity", metavar="ACTIVITY_NO")
    ls.add_argument("--plan", required=True, metavar="CODE")
    ls.set_defaults(func=cmd_plan_evidence_list)
    s = ev_sub.add_parser("save", help="save a verified copy of an evidence file into DIR")
    s.add_argument("evidence_id", metavar="EVIDENCE_ID")
    s.add_argument("dest", type=Path, metavar="DIR")
    s.set_defaults(func=cmd_plan_evidence_save)


def _activity_by_number(session, plan_code: str, number: str):  # noqa: ANN001, ANN202
    """The activity numbered `number` in the plan coded `plan_code` (UsageError if none)."""
    from sqlalchemy import select

    from nsss_desktop.errors import UsageError
    from nsss_desktop.store.models import ActionPlan, Activity, Objective

    plan = session.scalar(select(ActionPlan).where(ActionPlan.code == plan_code))
    if plan is None:
        codes = [c for c in session.scalars(select(ActionPlan.code).order_by(ActionPlan.code))
                 if c]
        raise UsageError(f"No action plan with the code '{plan_code}'.",
                         hint="Plan codes: " + (", ".join(codes) or "none yet"))
    activity = session.scalar(
        select(Activity).join(Objective, Objective.id == Activity.objective_id)
        .where(Objective.action_plan_id == plan.id, Activity.number == number))
    if activity is None:
        raise UsageError(f"Plan {plan_code} has no activity number {number}.",
                         hint="Use the number printed in the plan's 'No.' column.")
    return activity


def cmd_plan_status(args: argparse.Namespace) -> int:
    """`plan status ACTIVITY_NO --plan CODE [--set STATUS --date D | --history | --as-of D]`."""
    from datetime import date

    from nsss_desktop.cli import open_db
    from nsss_desktop.errors import UsageError
    from nsss_desktop.services.reform_status import current_statuses, history, record_status

    if args.set and args.date is None:
        raise UsageError("Say on which date the status applies.", hint="Add --date YYYY-MM-DD.")
    if args.set and args.history:
        raise UsageError("Use either --set or --history, not both.")
    label = f"Activity {args.activity} of {args.plan}"
    with open_db(args) as db:
        with db.reader() as session:
            activity = _activity_by_number(session, args.plan, args.activity)
        if args.set:
            event_id = record_status(db, activity.id, status=args.set, event_date=args.date,
                                     reporting_period=args.period, note=args.note,
                                     approval_state=args.approval)
            print(f"{label}: recorded '{args.set}' on {args.date} ({args.approval}; "
                  f"event {event_id}).")
            if args.approval != "approved":
                print("The current status changes once this report is approved.")
            return 0
        with db.reader() as session:
            if args.history:
                events = history(session, activity.id)
                print(f"{label}: {activity.text_en}")
                for e in events:
                    period = f" [{e.reporting_period}]" if e.reporting_period else ""
                    note = f": {e.note}" if e.note else ""
                    print(f"  {e.event_date}{period} {e.status} ({e.approval_state}){note}")
                print(f"{len(events)} status report(s); the history is never rewritten.")
                return 0
            as_of = args.as_of or date.today()  # the CLI is the edge that may read the clock
            now = current_statuses(session, as_of, [activity.id])[activity.id]
    due = f"; due {now.due_date}" if now.due_date else ""
    since = f" since {now.as_of_event}" if now.as_of_event else ""
    print(f"{label}: {now.status} as of {as_of} (approved: {now.recorded_status}{since}){due}.")
    if now.pending_status:
        print(f"Pending: {now.pending_status} ({now.pending_approval}).")
    return 0


def cmd_plan_evidence_add(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services import evidence
    from nsss_desktop.store.models import Evidence

    with open_db(args) as db:
        with db.reader() as session:
            activity = _activity_by_number(session, args.plan, args.activity)
        evidence_id = evidence.attach(db, activity.id, args.file, title=args.title,
                                      kind=args.kind, document_date=args.date,
                                      status_event_id=args.event)
        with db.reader() as session:
            row = session.get(Evidence, evidence_id)
    print(f"Attached '{row.title}' ({row.kind}, {row.media_type}, {row.size_bytes:,} bytes) to "
          f"activity {args.activity} of {args.plan}, stored encrypted as '{row.original_name}'.")
    print(f"Evidence id {evidence_id}; SHA-256 {row.sha256}.")
    return 0


def cmd_plan_evidence_list(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services import evidence

    with open_db(args) as db, db.reader() as session:
        activity = _activity_by_number(session, args.plan, args.activity)
        rows = evidence.list_for_activity(session, activity.id)
    for row in rows:
        dated = f" {row.document_date}" if row.document_date else ""
        print(f"{row.id}  {row.kind:<9}{dated}  {row.title}  ({row.original_name}, "
              f"{row.size_bytes:,} bytes)")
    print(f"{len(rows)} evidence file(s).")
    return 0


def cmd_plan_evidence_save(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.services import evidence

    with open_db(args) as db:
        path = evidence.save_copy(db, args.evidence_id, args.dest)
    print(f"Saved {path} (content checked against its SHA-256).")
    return 0


# --- plan search (full-text search of the Action Plan) ------------------------------------------

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from nsss_desktop.store.models import ActionPlan, Cluster, Ministry


def register_search(plan_sub: argparse._SubParsersAction) -> None:
    """Add `plan search QUERY` to the `plan` sub-commands (`plan_sub`)."""
    from datetime import date

    p = plan_sub.add_parser(
        "search", help="full-text search of objectives, activities, indicators, comments, "
                       "status notes and evidence titles (English and Bangla)")
    p.add_argument("query", help="words to find; the last one may be the start of a word")
    p.add_argument("--plan", metavar="CODE_OR_ID", help="only this action plan")
    p.add_argument("--ministry", metavar="CODE_OR_ID",
                   help="only activities this ministry leads or shares")
    p.add_argument("--cluster", metavar="CODE_OR_ID", help="only this thematic cluster")
    p.add_argument("--status", action="append", metavar="STATUS",
                   help="only activities with this status on --as-of (repeatable)")
    p.add_argument("--due-from", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--due-to", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="date for the derived status (default: today)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_plan_search)


def _search_resolve(session: Session, model: type[ActionPlan | Cluster | Ministry],
                    value: str | None, what: str) -> str | None:
    """A code or an id given on the command line -> the row id (UsageError if neither)."""
    from sqlalchemy import or_, select

    if value is None:
        return None
    found = session.scalar(select(model.id).where(or_(model.id == value, model.code == value)))
    if found is None:
        raise UsageError(f"No {what} '{value}'.", hint=f"Give the {what}'s code or id.")
    return found


def cmd_plan_search(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from nsss_desktop.cli import open_db
    from nsss_desktop.services.reform_status import current_statuses
    from nsss_desktop.services.search import search
    from nsss_desktop.store.models import ActionPlan, Cluster, Ministry

    as_of = args.as_of or date.today()
    with open_db(args) as db, db.reader() as session:
        result = search(
            session, args.query, as_of=as_of,
            plan_id=_search_resolve(session, ActionPlan, args.plan, "action plan"),
            ministry_id=_search_resolve(session, Ministry, args.ministry, "ministry"),
            cluster_id=_search_resolve(session, Cluster, args.cluster, "cluster"),
            status=args.status, due_from=args.due_from, due_to=args.due_to,
            limit=args.limit, offset=args.offset)
        statuses = current_statuses(session, as_of, {h.activity_id for h in result.hits
                                                      if h.activity_id})
    if args.json:
        print(json.dumps({"query": result.query, "total": result.total, "hits": [
            {**dataclasses.asdict(h), "status": statuses[h.activity_id].status
             if h.activity_id in statuses else None} for h in result.hits]},
            ensure_ascii=False, indent=2))
        return 0
    for hit in result.hits:
        where = f"activity {hit.activity_number}" if hit.activity_id else \
            f"objective {hit.objective_number}"
        status = f" [{statuses[hit.activity_id].status}]" if hit.activity_id in statuses else ""
        print(f"{where} · {hit.kind}{status}: {' '.join(hit.snippet.split())}")
    shown = f"{result.offset + 1}-{result.offset + len(result.hits)} of " if result.hits else ""
    print(f"{shown}{result.total} hit(s).")
    return 0


SUBCOMMANDS.extend([register_status, register_search])


# --- plan report (reform tracking report to PDF or Excel) ----------------------------------------


def register_report(plan_sub: argparse._SubParsersAction) -> None:
    """Add `plan report --out FILE.pdf|FILE.xlsx [filters]` to the `plan` sub-commands."""
    from nsss_desktop.domain.enums import ActivityStatus

    p = plan_sub.add_parser(
        "report", help="write the reform tracking report (status counts, activities, overdue) "
                       "to PDF or Excel")
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx",
                   help="the file to write; its extension chooses the format")
    p.add_argument("--plan", metavar="CODE", help="only this action plan")
    p.add_argument("--ministry", metavar="CODE",
                   help="only activities this ministry leads or shares")
    p.add_argument("--cluster", metavar="CODE", help="only this thematic cluster")
    p.add_argument("--status", nargs="+", action="extend",
                   choices=[s.value for s in ActivityStatus], metavar="STATUS",
                   help="only these statuses on --as-of: " +
                        ", ".join(s.value for s in ActivityStatus))
    p.add_argument("--due-from", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="only activities due on or after this date")
    p.add_argument("--due-to", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="only activities due on or before this date")
    p.add_argument("--group-by", choices=REPORT_GROUP_BYS, default="ministry",
                   help="rows of the summary table (default: ministry)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="status date (default: today)")
    p.add_argument("--lang", choices=("en", "bn"), default="en", help="report language")
    p.set_defaults(func=cmd_plan_report)


def cmd_plan_report(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.reports import build_reform_report, export_report_xlsx

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise UsageError(f"Cannot write a report to '{args.out}'.",
                         hint="Use a file name ending in .pdf or .xlsx.")
    with open_db(args) as db, db.reader() as session:
        doc = build_reform_report(
            session, as_of=_as_of(args.as_of), plan_code=args.plan, ministry_code=args.ministry,
            cluster_code=args.cluster, statuses=args.status, due_from=args.due_from,
            due_to=args.due_to, group_by=args.group_by, lang=args.lang)
    if kind == ".pdf":
        from ui.pdf_render import render_pdf  # Qt only when a PDF is asked for

        render_pdf(doc, out)
    else:
        export_report_xlsx(doc, out)
    print(f"Wrote the reform tracking report to {out}.")
    print(doc.provenance)
    return 0


SUBCOMMANDS.append(register_report)
