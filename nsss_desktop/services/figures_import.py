"""Import programme figures from a ministry's template or the Finance Division's table.

Both imports are all or nothing. `preview_*` is the dry run: it reads the file, resolves
programme and ministry codes against the database, runs `figure_entry.validate`, and says per
row what is new, what changes (measure by measure) and what is unchanged. `import_*` does the
same and then, only if no error was found, writes every row in one unit of work with
`figure_entry.save`; any error raises `ImportRefused` and nothing is written. An import that
changes nothing leaves no journal entry.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop import __version__
from nsss_desktop.domain import Count, FiscalYear, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.errors import ImportRefused, Problem, UsageError
from nsss_desktop.io.figures_template import TemplateProgramme, write_template
from nsss_desktop.io.figures_template_read import read_template
from nsss_desktop.io.finance_table_read import (
    FinanceRead,
    SkippedRow,
    normalise,
    read_finance_table,
)
from nsss_desktop.services import figure_entry
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput, Issue, Value
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    Figure,
    FigureDisaggregation,
    Ministry,
    Programme,
    ProgrammeMinistry,
    Source,
)
from nsss_desktop.tasks import TaskState

__all__ = ["ImportPreview", "ImportResult", "PreviewRow", "ValueChange", "import_finance_table",
           "import_template", "issue_problem", "preview_finance_table", "preview_template",
           "refusal", "save_preview", "template_programmes", "write_ministry_template"]

REFUSAL_LIMIT = 50  # problems carried by ImportRefused; the preview lists them all
_SOURCE_CODE = re.compile(r"[A-Za-z0-9_.\-]{1,80}")
# "sheet Figures, row 7, column E" (readers) or "sheet Figures, row 7, cell E7" (figure_entry)
_WHERE = re.compile(r"sheet (?P<sheet>.+?)(?:, row (?P<row>[0-9]+))?(?:, (?:column "
                    r"(?P<column>[A-Z]{1,3})|cell (?P<cell>[A-Z]{1,3})(?P<cell_row>[0-9]+)))?$")


@dataclass(frozen=True)
class ValueChange:
    measure: str
    before: str
    after: str


@dataclass(frozen=True)
class PreviewRow:
    """One programme of the file: `status` is new, changed or unchanged."""

    programme_code: str
    programme_name: str
    where: str
    status: str
    changes: tuple[ValueChange, ...] = ()
    values: tuple[tuple[str, str], ...] = ()  # (measure, shown value) as the file has them


@dataclass
class ImportPreview:
    """What an import would do; `inputs` are what `figure_entry.save` would be given."""

    source: str
    kind: str  # "template" or "finance"
    ministry_code: str | None = None
    period: Period | None = None
    stage: str = ""
    source_code: str = ""
    source_is_new: bool = False
    rows: list[PreviewRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    inputs: list[FigureInput] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


@dataclass
class ImportResult:
    preview: ImportPreview
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    txn_id: str | None = None


class _NothingToWrite(Exception):
    """Raised inside the unit of work to roll back an import that changed nothing."""


def issue_problem(issue: Issue) -> Problem:
    """An Issue as the located `Problem` that `ImportRefused` carries."""
    match = _WHERE.match(issue.where or "")
    if match is None:
        return Problem(issue.where or "file", None, None, issue.code, issue.message)
    row = match.group("row") or match.group("cell_row")
    return Problem(match.group("sheet"), int(row) if row else None,
                   match.group("column") or match.group("cell"), issue.code, issue.message)


def refusal(preview: ImportPreview) -> ImportRefused:
    errors = preview.errors
    problems = [issue_problem(i) for i in errors[:REFUSAL_LIMIT]]
    more = f" (the first {REFUSAL_LIMIT} are listed)" if len(errors) > REFUSAL_LIMIT else ""
    return ImportRefused(problems, message=f"{preview.source} was not imported: {len(errors)} "
                         f"problem{'s' * (len(errors) != 1)} found{more}. Nothing was written.")


def _shown(value: object, measure: str) -> str:
    if value is None:
        return ""
    if value is NOT_AVAILABLE:
        return "NA"
    if isinstance(value, Money):
        return f"{value.taka} taka" if measure == "benefit_value" else f"{value.crore} crore"
    if isinstance(value, Count):
        return f"{value.persons} persons"
    return str(value)


def _breakdown_key(dimension: str, category: str, geo_code: str) -> str:
    scope = f" in {geo_code}" if geo_code and geo_code != category else ""
    return f"{dimension}:{category}{scope}"


def _comparable(values: dict[str, Value], breakdowns: Iterable[tuple], explanation: str
                ) -> dict[str, object]:
    """Measures, breakdowns ("gender:female", "district:Pabna amount") and the explanation of
    one figure as a flat mapping, so the file and the database compare key by key."""
    flat: dict[str, object] = {k: v for k, v in values.items() if v is not None}
    for dimension, category, geo_code, beneficiaries, amount in breakdowns:
        key = _breakdown_key(dimension, category, geo_code)
        if beneficiaries is not None:
            flat[key] = beneficiaries
        if amount is not None:
            flat[f"{key} amount"] = amount
    if explanation:
        flat["explanation"] = explanation
    return flat


def _of_input(fi: FigureInput) -> dict[str, object]:
    return _comparable(fi.values, ((d.dimension, d.category, d.geo_code, d.beneficiaries,
                                    d.amount) for d in fi.disaggregations),
                       fi.explanation.strip())


def _diff(fi: FigureInput, before: dict[str, object] | None, name: str) -> PreviewRow:
    after = _of_input(fi)
    shown = tuple((k, _shown(v, k)) for k, v in after.items())
    if before is None:
        return PreviewRow(fi.programme_code, name, fi.where, "new", values=shown)
    changes = tuple(ValueChange(k, _shown(before.get(k), k), _shown(after.get(k), k))
                    for k in dict.fromkeys([*after, *before]) if before.get(k) != after.get(k))
    return PreviewRow(fi.programme_code, name, fi.where, "changed" if changes else "unchanged",
                      changes, shown)


def _names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Programme.code, Programme.name_en)).all())


# --- the ministry template ------------------------------------------------------------------


def _ministry(session: Session, code: str) -> Ministry:
    ministry = session.scalar(select(Ministry).where(Ministry.code == code))
    if ministry is None:
        codes = ", ".join(session.scalars(select(Ministry.code).order_by(Ministry.code)))
        raise UsageError(f"No ministry with the code '{code}'.",
                         hint=f"Ministry codes: {codes or 'none yet'}.")
    return ministry


def _programmes_of(session: Session, ministry: Ministry) -> list[TemplateProgramme]:
    linked = set(session.scalars(select(ProgrammeMinistry.programme_id)
                                 .where(ProgrammeMinistry.ministry_id == ministry.id)))
    ministries: dict[str, set[str]] = {}
    for pid, mid in session.execute(select(ProgrammeMinistry.programme_id,
                                           ProgrammeMinistry.ministry_id)):
        ministries.setdefault(pid, set()).add(mid)
    found = []
    for p in session.scalars(select(Programme).where(Programme.is_budget_total.is_(False))
                             .order_by(Programme.code)):
        if p.id not in linked and p.lead_ministry_id != ministry.id:
            continue
        members = ministries.get(p.id, set()) | ({p.lead_ministry_id} - {None})
        found.append(TemplateProgramme(p.code, p.name_en, p.name_bn or "", len(members) > 1))
    return found


def template_programmes(db: Database, ministry_code: str) -> list[TemplateProgramme]:
    """The programmes a ministry reports on: those it leads or implements (`shared` when
    another ministry implements it too)."""
    with db.reader() as session:
        return _programmes_of(session, _ministry(session, ministry_code))


_STATE_ORDER = {"draft": 0, "returned": 1, "submitted": 2, "approved": 3}


def _entered(session: Session, ministry_code: str, period: Period
             ) -> dict[str, tuple[Figure, list[FigureDisaggregation]]]:
    """The ministry's entered row per programme for the period (the one
    `figure_entry.existing_values` reads: no source, stage actual, newest state) and its
    breakdowns."""
    fy, kind, number = period.key
    query = (select(Programme.code, Figure).join(Programme, Programme.id == Figure.programme_id)
             .join(Ministry, Ministry.id == Figure.ministry_id)
             .where(Ministry.code == ministry_code, Figure.fiscal_year == fy,
                    Figure.period_kind == kind, Figure.period_no == number,
                    Figure.source_id.is_(None), Figure.stage == "actual"))
    best: dict[str, Figure] = {}
    for code, f in session.execute(query):
        if code not in best or _STATE_ORDER[f.approval_state] < \
                _STATE_ORDER[best[code].approval_state]:
            best[code] = f
    parts: dict[str, list[FigureDisaggregation]] = {f.id: [] for f in best.values()}
    if parts:
        for d in session.scalars(select(FigureDisaggregation)
                                 .where(FigureDisaggregation.figure_id.in_(list(parts)))
                                 .order_by(FigureDisaggregation.id)):
            parts[d.figure_id].append(d)
    return {code: (f, parts[f.id]) for code, f in best.items()}


def _as_input(d: FigureDisaggregation) -> DisaggregationInput:
    return DisaggregationInput(
        d.dimension, d.category, Count(d.beneficiaries) if d.beneficiaries is not None else None,
        Money(d.amount_poisha) if d.amount_poisha is not None else None, d.geo_code)


def _stored(session: Session, ministry_code: str, period: Period) -> dict[str, dict[str, object]]:
    """What the database holds for the template's rows, comparable with `_of_input`."""
    measures = figure_entry.existing_values(session, ministry_code, period)
    out = {}
    for code, (f, parts) in _entered(session, ministry_code, period).items():
        breakdowns = [(d.dimension, d.category, d.geo_code, d.beneficiaries, d.amount)
                      for d in map(_as_input, parts)]
        out[code] = _comparable(dict(measures.get(code, {})), breakdowns, f.explanation or "")
    return out


def _prefill(session: Session, ministry_code: str, period: Period
             ) -> dict[str, dict[str, object]]:
    """Stored values as the template's cells: measures, whole-programme gender and area
    columns, the explanation, and the Districts rows."""
    prefill: dict[str, dict[str, object]] = {
        code: dict(values) for code, values in
        figure_entry.existing_values(session, ministry_code, period).items()}
    for code, (f, parts) in _entered(session, ministry_code, period).items():
        cells = prefill.setdefault(code, {})
        cells["explanation"] = f.explanation or ""
        districts = []
        for d in map(_as_input, parts):
            if d.dimension in ("gender", "area") and not d.geo_code:
                cells[f"{d.dimension}:{d.category}"] = d.beneficiaries
            else:
                districts.append(d)
        cells["districts"] = districts
    return prefill


def write_ministry_template(db: Database, path: Path, ministry_code: str, period: Period,
                            generated_at: str) -> Path:
    """Write the ministry's template for `period`, pre-filled with what is already stored."""
    with db.reader() as session:
        ministry = _ministry(session, ministry_code)
        programmes = _programmes_of(session, ministry)
        existing = _prefill(session, ministry.code, period)
    return write_template(Path(path), ministry_code=ministry.code,
                          ministry_name_en=ministry.name_en,
                          ministry_name_bn=ministry.name_bn or "", period=period,
                          programmes=programmes, existing=existing,
                          generated_at=generated_at, app_version=__version__)


def _bad_rows(issues: Iterable[Issue]) -> set[str]:
    """The "sheet X, row N" of every row with a reading error (its values are incomplete)."""
    return {i.where.split(", column")[0] for i in issues if i.is_error}


def preview_template(db: Database, path: Path, task: TaskState | None = None) -> ImportPreview:
    """Dry run of `import_template`: every issue, and per row what would change."""
    task = task or TaskState()
    path = Path(path)
    task.set_status(f"Reading {path.name}…")
    read = read_template(path, task=task)
    preview = ImportPreview(path.name, "template", read.ministry_code, read.period,
                            issues=list(read.issues), inputs=read.inputs)
    if read.period is None or read.ministry_code is None:
        return preview
    task.set_status("Checking the figures…")
    with db.reader() as session:
        if session.scalar(select(Ministry.id).where(Ministry.code == read.ministry_code)) is None:
            preview.issues.append(Issue("error", "unknown_ministry", f"The template is for "
                                        f"ministry '{read.ministry_code}', which this database "
                                        "does not know.", "", "sheet Meta, row 3, column B"))
            return preview
        bad = _bad_rows(read.issues)
        checkable = [fi for fi in read.inputs if fi.where not in bad]
        preview.issues.extend(figure_entry.validate(session, checkable))
        task.check()
        existing = _stored(session, read.ministry_code, read.period)
        names = _names(session)
    preview.rows = [_diff(fi, existing.get(fi.programme_code), names.get(fi.programme_code, ""))
                    for fi in read.inputs]
    task.set_progress(0.6)
    return preview


def save_preview(db: Database, preview: ImportPreview, task: TaskState | None = None, *,
                 user_id: str | None = None, description: str = "", source_title: str = "",
                 state: str = "draft") -> ImportResult:
    """Write what a preview showed (its inputs, validated again in the unit of work).

    Lets the GUI and CLI show the dry run and then save exactly that, without reading the
    file twice. Raises `ImportRefused` if the preview (or the check in the unit of work) has
    errors; nothing is written then. A save that changes nothing writes no journal entry.
    """
    task = task or TaskState()
    if preview.errors:
        raise refusal(preview)
    task.check()
    task.set_status("Saving…")
    result = ImportResult(preview)
    try:
        with db.unit_of_work(user_id=user_id, description=description or
                             f"Import figures from {preview.source}") as uow:
            task.set_progress(0.7)
            if preview.kind == "finance":
                counts = _save_finance(uow.session, preview, source_title, state)
            else:
                _check_again(uow.session, preview, preview.inputs)
                saved = figure_entry.save(uow.session, preview.inputs, state=state)
                counts = (saved.inserted, saved.updated, saved.unchanged)
            result.inserted, result.updated, result.unchanged = counts
            task.check()
            if not (result.inserted or result.updated or preview.source_is_new):
                raise _NothingToWrite
    except _NothingToWrite:
        task.set_progress(1.0)
        return result
    result.written, result.txn_id = True, uow.txn_id
    task.set_progress(1.0)
    return result


def _check_again(session: Session, preview: ImportPreview, inputs: list[FigureInput]) -> None:
    """Validate inside the unit of work: the database may have changed since the preview."""
    errors = [i for i in figure_entry.validate(session, inputs) if i.is_error]
    if errors:
        raise refusal(replace(preview, issues=errors))


def import_template(db: Database, path: Path, *, user_id: str | None = None,
                    task: TaskState | None = None) -> ImportResult:
    """Import a filled-in template as draft figures, all or nothing.

    Raises:
        ImportRefused: any error in the file or its figures; nothing was written.
        Cancelled: the task was cancelled; nothing was written.
    """
    task = task or TaskState()
    preview = preview_template(db, path, task)
    return save_preview(db, preview, task, user_id=user_id,
                        description=f"Import figures template {preview.source} "
                                    f"({preview.ministry_code}, {preview.period})")


# --- the Finance Division table -------------------------------------------------------------


class _NameIndex:
    """Programmes (or ministries) by normalised code and names, for matching printed names."""

    def __init__(self) -> None:
        self.keys: dict[str, set[str]] = {}
        self.label: dict[str, str] = {}

    def add(self, code: str, label: str, *names: str | None) -> None:
        self.label[code] = label
        for name in names:
            if not name:
                continue
            for variant in (name, re.sub(r"\([^)]*\)", " ", name)):
                key = normalise(variant)
                if key:
                    self.keys.setdefault(key, set()).add(code)

    def find(self, text: str) -> set[str]:
        return self.keys.get(normalise(text), set())

    def suggest(self, text: str) -> list[str]:
        close = difflib.get_close_matches(normalise(text), list(self.keys), n=6, cutoff=0.6)
        codes = list(dict.fromkeys(code for key in close for code in sorted(self.keys[key])))
        return [self.label[c] for c in codes[:3]]


def _programme_index(session: Session) -> tuple[_NameIndex, dict[str, set[str]]]:
    index = _NameIndex()
    codes = {}
    for p in session.scalars(select(Programme)):
        codes[p.id] = p.code
        label = f"{p.name_en} ({p.code})"
        if p.is_budget_total:
            index.add(p.code, label, p.code)  # totals match by code only, never by name
        else:
            index.add(p.code, label, p.code, p.name_en, p.name_bn)
    ministries_of: dict[str, set[str]] = {}
    mcode = dict(session.execute(select(Ministry.id, Ministry.code)).all())
    for pid, mid in session.execute(select(ProgrammeMinistry.programme_id,
                                           ProgrammeMinistry.ministry_id)):
        ministries_of.setdefault(codes[pid], set()).add(mcode[mid])
    for p in session.scalars(select(Programme).where(Programme.lead_ministry_id.is_not(None))):
        ministries_of.setdefault(p.code, set()).add(mcode[p.lead_ministry_id])
    return index, ministries_of


def _ministry_index(session: Session) -> _NameIndex:
    index = _NameIndex()
    for m in session.scalars(select(Ministry)):
        index.add(m.code, f"{m.name_en} ({m.code})", m.code, m.name_en, m.name_bn, m.short_name)
    return index


def _finance_inputs(session: Session, read: FinanceRead, preview: ImportPreview) -> None:
    programmes, ministries_of = _programme_index(session)
    ministries = _ministry_index(session)
    period = read.fiscal_year.whole()  # type: ignore[union-attr]
    budget = "budget_original" if read.stage == "proposed" else "budget_revised"
    first: dict[str, int] = {}
    letters = read.columns
    bad = _bad_rows(read.issues)
    for row in read.rows:
        place = f"sheet {read.sheet}, row {row.row}"
        found = programmes.find(row.programme)
        if len(found) != 1:
            column = letters.get("programme")
            if found:
                message = (f"'{row.programme}' matches several programmes: "
                           f"{', '.join(programmes.label[c] for c in sorted(found))}; write the "
                           "programme's code in the name cell.")
            else:
                hint = programmes.suggest(row.programme)
                message = (f"The programme '{row.programme}' is not known."
                           + (f" Did you mean: {'; '.join(hint)}?" if hint else "")
                           + " Use the programme's name as in the programme list, or its code.")
            preview.issues.append(Issue("error", "unknown_programme", message, "",
                                        f"{place}, column {column}"))
            continue
        code = next(iter(found))
        if code in first:
            preview.issues.append(Issue("error", "duplicate_programme", f"{code} "
                                        f"('{row.programme}') appears again (first on row "
                                        f"{first[code]}); keep one row per programme.", "",
                                        f"{place}, column {letters.get('programme')}"))
            continue
        first[code] = row.row
        if row.ministry:
            _check_ministry(preview, ministries, ministries_of.get(code, set()), row.ministry,
                            code, f"{place}, column {letters.get('ministry')}")
        if row.beneficiaries is None and row.allocation is None:
            if place not in bad:  # else its unreadable cells are reported already
                preview.issues.append(Issue("warning", "no_figures", f"{code} has no figure "
                                            "in this table (not available); nothing is "
                                            "imported for it.", "", place))
            continue
        values: dict[str, Value] = {}
        cells: dict[str, str] = {}
        if row.beneficiaries is not None:
            values["active_beneficiaries"] = row.beneficiaries
            cells["active_beneficiaries"] = f"{letters.get('beneficiaries')}{row.row}"
        if row.allocation is not None:
            values[budget] = row.allocation
            cells[budget] = f"{letters.get('allocation')}{row.row}"
        preview.inputs.append(FigureInput(
            code, None, period, values, stage=read.stage,  # type: ignore[arg-type]
            source_code=None if preview.source_is_new else read.source_code,  # made on save
            where=place, cells=cells))


def _check_ministry(preview: ImportPreview, ministries: _NameIndex, implementing: set[str],
                    name: str, code: str, place: str) -> None:
    found = ministries.find(name)
    if not found:
        preview.issues.append(Issue("warning", "unknown_ministry", f"The ministry '{name}' is "
                                    "not known; the figures are recorded for the programme as a "
                                    "whole.", "", place))
    elif implementing and not found & implementing:
        preview.issues.append(Issue("warning", "other_ministry", f"'{name}' is not recorded as "
                                    f"implementing {code}; the figures are recorded for the "
                                    "programme as a whole.", "", place))


_FINANCE_MEASURES = ("active_beneficiaries", "budget_original", "budget_revised")


def _finance_values(f: Figure) -> dict[str, object]:
    values: dict[str, object] = {}
    if f.active_beneficiaries is not None:
        values["active_beneficiaries"] = Count(f.active_beneficiaries)
    for key in ("budget_original", "budget_revised"):
        poisha = getattr(f, f"{key}_poisha")
        if poisha is not None:
            values[key] = Money(poisha)
    return values


@dataclass
class _Planned:
    """How one table row meets the stored figures of the same year, stage and source."""

    status: str  # new, changed, unchanged
    before: dict[str, object] | None
    draft: Figure | None = None  # a draft to update in place; else a change inserts a draft


def _finance_plan(session: Session, preview: ImportPreview,
                  state: str = "draft") -> dict[str, _Planned]:
    """Per programme: new, unchanged, or changed (a draft updated in place, or, over an
    approved or submitted figure, a new draft: approved figures are never edited).

    Imported as approved (a corrected edition of the same published table), the figure of the
    same source is corrected in place: the journal keeps the old value.
    """
    editable = ("draft", "returned", "approved") if state == "approved" else ("draft",
                                                                              "returned")
    rows: dict[str, list[Figure]] = {}
    if not preview.source_is_new and preview.period is not None:
        fy, kind, number = preview.period.key
        query = (select(Programme.code, Figure)
                 .join(Programme, Programme.id == Figure.programme_id)
                 .join(Source, Source.id == Figure.source_id)
                 .where(Figure.ministry_id.is_(None), Figure.fiscal_year == fy,
                        Figure.period_kind == kind, Figure.period_no == number,
                        Figure.stage == preview.stage, Source.code == preview.source_code)
                 .order_by(Figure.id))
        for code, f in session.execute(query):
            rows.setdefault(code, []).append(f)
    plan = {}
    for fi in preview.inputs:
        wanted = {k: v for k, v in fi.values.items() if v is not None}
        found = rows.get(fi.programme_code, [])
        draft = next((f for f in found if f.approval_state in editable), None)
        if draft is not None:
            before = _finance_values(draft)
            status = "unchanged" if before == wanted else "changed"
            plan[fi.programme_code] = _Planned(status, before, draft)
        elif any(_finance_values(f) == wanted for f in found):
            plan[fi.programme_code] = _Planned("unchanged", wanted)
        elif found:
            plan[fi.programme_code] = _Planned("changed", _finance_values(found[0]))
        else:
            plan[fi.programme_code] = _Planned("new", None)
    return plan


def _save_finance(session: Session, preview: ImportPreview, source_title: str,
                  state: str) -> tuple[int, int, int]:
    """Create the source if new, check again, then insert, update drafts, or leave alone."""
    if preview.source_is_new:
        session.add(Source(code=preview.source_code, title=source_title or preview.source_code))
        session.flush()
    inputs = [replace(fi, source_code=preview.source_code) for fi in preview.inputs]
    _check_again(session, preview, inputs)
    plan = _finance_plan(session, preview, state)
    to_insert, updated, unchanged = [], 0, 0
    for fi in inputs:
        planned = plan[fi.programme_code]
        if planned.status == "unchanged":
            unchanged += 1
        elif planned.draft is not None:
            for key in _FINANCE_MEASURES:
                column = key if key == "active_beneficiaries" else f"{key}_poisha"
                value = fi.values.get(key)
                number = value.persons if isinstance(value, Count) else \
                    value.poisha if isinstance(value, Money) else None
                if getattr(planned.draft, column) != number:
                    setattr(planned.draft, column, number)
            planned.draft.approval_state = state
            updated += 1
        else:
            to_insert.append(fi)
    inserted = figure_entry.save(session, to_insert, state=state).inserted if to_insert else 0
    return inserted, updated, unchanged


def preview_finance_table(db: Database, path: Path, fiscal_year: FiscalYear | None, stage: str,
                          source_code: str, task: TaskState | None = None, *,
                          state: str = "approved") -> ImportPreview:
    """Dry run of `import_finance_table`."""
    task = task or TaskState()
    path = Path(path)
    if not _SOURCE_CODE.fullmatch(source_code or ""):
        raise UsageError(f"'{source_code}' is not a source code.",
                         hint="Use up to 80 letters, digits, '_', '-' or '.', e.g. FD_SSP_2023.")
    task.set_status(f"Reading {path.name}…")
    read = read_finance_table(path, fiscal_year=fiscal_year, stage=stage,
                              source_code=source_code)
    preview = ImportPreview(path.name, "finance", None,
                            read.fiscal_year.whole() if read.fiscal_year else None, stage,
                            source_code, issues=list(read.issues), skipped=list(read.skipped))
    task.set_progress(0.3)
    if read.fiscal_year is None or any(i.code == "missing_header" for i in read.issues):
        return preview
    with db.reader() as session:
        preview.source_is_new = session.scalar(
            select(Source.id).where(Source.code == source_code)) is None
        _finance_inputs(session, read, preview)
        bad = _bad_rows(read.issues)
        task.check()
        preview.issues.extend(figure_entry.validate(
            session, [fi for fi in preview.inputs if fi.where not in bad]))
        plan = _finance_plan(session, preview, state)
        names = _names(session)
    preview.rows = [_diff(fi, plan[fi.programme_code].before, names.get(fi.programme_code, ""))
                    for fi in preview.inputs]
    task.set_progress(0.6)
    return preview


def import_finance_table(db: Database, path: Path, fiscal_year: FiscalYear | None, stage: str,
                         source_code: str, *, source_title: str = "",
                         user_id: str | None = None, state: str = "approved",
                         task: TaskState | None = None) -> ImportResult:
    """Import the Finance Division table as programme-level figures of `stage` from the source
    `source_code` (created, titled `source_title`, if new). All or nothing.

    A published budget table is a public source, not a ministry's submission, so its figures
    are approved by default (like the demo data); `state="draft"` keeps them for review.

    Raises:
        ImportRefused: an unknown programme, a bad number, ...; nothing was written.
    """
    task = task or TaskState()
    preview = preview_finance_table(db, path, fiscal_year, stage, source_code, task, state=state)
    return save_preview(db, preview, task, user_id=user_id, source_title=source_title,
                        state=state,
                        description=f"Import Finance Division table {preview.source} "
                                    f"({preview.period}, {stage}, source {source_code})")
