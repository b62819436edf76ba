"""A programme report (a pivot of the programme figures) as a `ReportDocument`, and what the
Programme reports screen needs from the core by database (`ui/` never opens a session).

The table is `programme_pivot.pivot_table`, the very table the screen shows, so Excel, PDF and
screen never disagree. Its numbers stay exact Decimals (lakh, crore, taka) to the writers:
Excel gets numbers with the lakh/crore formats, the PDF formats them with Indian grouping
(Bangla digits in Bangla). The builder reads no clock and no database: the caller passes the
generation time and, where it has one, the local change number the data is as of, so the same
result always gives the same document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nsss_desktop.domain import FiscalYear
from nsss_desktop.domain.numbers import to_bangla_digits
from nsss_desktop.reports.document import (
    LANGS,
    ROW_STYLE,
    Column,
    DashboardTable,
    ReportDocument,
    Section,
)
from nsss_desktop.reports.xlsx import export_report_xlsx
from nsss_desktop.services import programme_pivot as pivot
from nsss_desktop.services.programme_dashboards import catalogue, fiscal_years
from nsss_desktop.services.programme_pivot import (
    DIMENSION_LABELS,
    TOTAL_LABELS,
    MeasureColumn,
    PivotDefinition,
    PivotResult,
    default_title,
    pivot_table,
)
from nsss_desktop.store.models import JournalTxn

__all__ = ["PRINT_COLUMNS", "SCOPE_LABELS", "FilterChoices", "build_programme_report",
           "data_state", "filter_choices", "filters_text", "run_table", "saved", "write_report"]

PRINT_COLUMNS = 8  # numbers per printed table: with a name column they fit an A4 page

SCOPE_LABELS = {
    "approved": {"en": "approved figures only", "bn": "কেবল অনুমোদিত তথ্য"},
    "submitted": {"en": "approved and submitted figures", "bn": "অনুমোদিত ও জমাকৃত তথ্য"},
    "working": {"en": "all figures, drafts included", "bn": "খসড়াসহ সকল তথ্য"},
}
TEXTS: dict[str, dict[str, str]] = {
    "subtitle": {"en": "NSSS social protection programmes: {measures}",
                 "bn": "এনএসএসএস সামাজিক সুরক্ষা কর্মসূচি: {measures}"},
    "heading": {"en": "Programme report", "bn": "কর্মসূচি প্রতিবেদন"},
    "layout": {"en": "Rows: {rows}. Columns: {columns}.", "bn": "সারি: {rows}। কলাম: {columns}।"},
    "no_columns": {"en": "measures only", "bn": "কেবল পরিমাপ"},
    "filters": {"en": "Filters: {filters}.", "bn": "ছাঁকনি: {filters}।"},
    "all": {"en": "all programmes", "bn": "সকল কর্মসূচি"},
    "years": {"en": "fiscal years {first} to {last}", "bn": "অর্থবছর {first} থেকে {last}"},
    "no_years": {"en": "no fiscal year with figures", "bn": "তথ্যসহ কোনো অর্থবছর নেই"},
    "ministries": {"en": "ministries {value}", "bn": "মন্ত্রণালয় {value}"},
    "clusters": {"en": "clusters {value}", "bn": "ক্লাস্টার {value}"},
    "life_cycles": {"en": "life-cycle stages {value}", "bn": "জীবনচক্রের পর্যায় {value}"},
    "programmes": {"en": "programmes {value}", "bn": "কর্মসূচি {value}"},
    "scope": {"en": "Data: {scope}.", "bn": "তথ্য: {scope}।"},
    "provenance": {"en": "Programme figures ({scope}){state}, generated {time}",
                   "bn": "কর্মসূচির তথ্য ({scope}){state}, প্রস্তুত {time}"},
    "state": {"en": ", as of local change #{seq}", "bn": ", স্থানীয় পরিবর্তন #{seq} পর্যন্ত"},
}


def _t(key: str, lang: str, **values: str) -> str:
    return TEXTS[key][lang].format(**values)


def data_state(session: Session) -> int:
    """The local change number the database is at (printed so a page can be traced)."""
    return session.scalar(select(func.max(JournalTxn.seq))) or 0


def filters_text(result: PivotResult, lang: str = "en") -> str:
    """'Filters: fiscal years 2019-20 to 2023-24; ministries MoSW, MoWCA.'"""
    d = result.definition
    years = result.fiscal_years
    parts = [_t("years", lang, first=years[0].label(lang), last=years[-1].label(lang))
             if years else _t("no_years", lang)]
    for name in ("ministries", "clusters", "life_cycles", "programmes"):
        codes = getattr(d, name)
        if codes:
            parts.append(_t(name, lang, value=", ".join(codes)))
    if len(parts) == 1 and years:
        parts.append(_t("all", lang))
    return _t("filters", lang, filters="; ".join(parts))


def build_programme_report(result: PivotResult, *, generated_at: datetime, lang: str = "en",
                           change_seq: int | None = None,
                           print_layout: bool = False) -> ReportDocument:
    """The report of one pivot: title, what it covers, the table and its notes, provenance.

    Args:
        result: the pivot, from `programme_pivot.run_pivot`.
        generated_at: when the report is made (aware datetime; the caller reads the clock).
        lang: "en" or "bn"; every text, label and digit follows it.
        change_seq: the local change number the data is as of (`data_state`), if known.
        print_layout: for a PDF: one table per measure, at most PRINT_COLUMNS numbers wide
            (an A4 page), instead of the one wide table a spreadsheet wants.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported report language {lang!r}")
    d = result.definition
    table = pivot_table(result, lang)
    dims = [DIMENSION_LABELS[x][1 if lang == "bn" else 0] for x in d.rows]
    columns = DIMENSION_LABELS[d.columns][1 if lang == "bn" else 0] if d.columns else \
        _t("no_columns", lang)
    measures = ", ".join(MeasureColumn(m, m, False, "").label(lang) for m in d.measures)
    scope = SCOPE_LABELS[d.scope][lang]
    paragraphs = [_t("layout", lang, rows=", ".join(dims), columns=columns),
                  filters_text(result, lang), _t("scope", lang, scope=scope)]
    offset = generated_at.strftime("%z")
    when = f"{generated_at:%Y-%m-%d %H:%M}" + (f" UTC{offset[:3]}:{offset[3:]}" if offset else "")
    state = _t("state", lang, seq=str(change_seq)) if change_seq is not None else ""
    provenance = _t("provenance", lang, scope=scope, state=state, time=when)
    if lang == "bn":  # codes in the paragraphs stay as written; times and numbers in Bangla
        provenance = to_bangla_digits(provenance)
    notes, table.notes = table.notes, []
    tables = _print_tables(result, table, lang) if print_layout else [table]
    sections = [Section(_t("heading", lang), paragraphs=paragraphs)]
    sections += [Section(t.title, tables=[t]) for t in tables]
    sections[-1].notes.extend(notes)
    return ReportDocument(
        title=d.name or default_title(d, lang),
        subtitle=_t("subtitle", lang, measures=measures if d.name else scope), lang=lang,
        sections=sections, provenance=provenance,
        generated_at=generated_at.isoformat(timespec="seconds"))


def _print_tables(result: PivotResult, table: DashboardTable,
                  lang: str) -> list[DashboardTable]:
    """The wide table cut for print: per measure (when a dimension runs across), at most
    PRINT_COLUMNS numbers a table, headed by the column member alone; rows without a number
    in a piece are left out of it (the total row never is)."""
    lead = [c for c in table.columns if c.key.startswith("dim:") or c.key == "basis"]
    values = [c for c in table.columns if c not in lead]
    pieces: list[tuple[str, list[Column]]] = []
    if result.definition.columns is None:
        pieces = [(table.title, values[i:i + PRINT_COLUMNS])
                  for i in range(0, len(values), PRINT_COLUMNS)]
    else:
        labels = {m.key: m.label(lang) for m in result.columns}
        labels["total"] = TOTAL_LABELS["column"][lang].capitalize()
        for mc in result.measures:
            mine = [Column(c.key, labels[c.key.split("@", 1)[1]], c.kind) for c in values
                    if c.key.split("@", 1)[0] == mc.key]
            chunks = [mine[i:i + PRINT_COLUMNS] for i in range(0, len(mine), PRINT_COLUMNS)]
            for chunk in chunks:
                span = f" ({chunk[0].label} – {chunk[-1].label})" if len(chunks) > 1 else ""
                pieces.append((mc.label(lang) + span, chunk))
    out = []
    for title, chunk in pieces:
        rows = [{c.key: r.get(c.key) for c in [*lead, *chunk]} | (
                {ROW_STYLE: r[ROW_STYLE]} if ROW_STYLE in r else {})
                for r in table.rows
                if ROW_STYLE in r or any(r.get(c.key) is not None for c in chunk)]
        out.append(DashboardTable(table.name, title, [*lead, *chunk], rows))
    return out


# --- for the screen: by database, each call one read or one unit of work ----------------------


@dataclass
class FilterChoices:
    """Fiscal years with figures (any scope) and (code, English, Bangla) per filter."""

    years: list[FiscalYear] = field(default_factory=list)
    lists: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)


def filter_choices(db: Any) -> FilterChoices:
    """Ministries, clusters and stages by English name, programmes by code, saved names."""
    with db.reader() as session:
        cat = catalogue(session)
        years = fiscal_years(session, "working")
        names = pivot.saved_names(session)

    def named(items: dict) -> list[tuple[str, str, str]]:
        return sorted(((n.code, n.name_en, n.name_bn or n.name_en) for n in items.values()),
                      key=lambda n: n[1].casefold())

    programmes = sorted((p.code, p.name_en, p.name_bn or p.name_en)
                        for p in cat.programmes.values() if not p.is_budget_total)
    return FilterChoices(years, {"ministries": named(cat.ministries),
                                 "clusters": named(cat.clusters),
                                 "life_cycles": named(cat.stages), "programmes": programmes},
                         names)


def run_table(db: Any, definition: PivotDefinition,
              lang: str = "en") -> tuple[PivotResult, DashboardTable]:
    with db.reader() as session:
        result = pivot.run_pivot(session, definition)
    return result, pivot_table(result, lang)


def saved(db: Any, *, load: str | None = None, save: PivotDefinition | None = None,
          delete: str | None = None) -> tuple[list[str], PivotDefinition | None]:
    """Save or delete a definition (one unit of work), then (saved names, `load`'s definition)."""
    if save is not None:
        pivot.save_definition(db, save)
    if delete is not None:
        pivot.delete_definition(db, delete)
    with db.reader() as session:
        loaded = pivot.load_definition(session, load) if load else None
        return pivot.saved_names(session), loaded


def write_report(db: Any, definition: PivotDefinition, path: Path, *, generated_at: datetime,
                 lang: str = "en", render: Callable[..., Path] | None = None,
                 task: Any = None) -> Path:
    """Run `definition` and write it: Excel, or a PDF with `render` (ui.pdf_render.render_pdf,
    passed in because the core never imports Qt)."""
    with db.reader() as session:
        result = pivot.run_pivot(session, definition)
        seq = data_state(session)
    if task is not None:
        task.check()
        task.set_progress(0.3)
    doc = build_programme_report(result, generated_at=generated_at, lang=lang, change_seq=seq,
                                 print_layout=render is not None)
    return render(doc, path, task=task) if render is not None else export_report_xlsx(doc, path)
