"""Read a filled-in figures template into `FigureInput`s, with every problem located.

The workbook is opened defensively (`action_plan_file.open_workbook`: one read into memory,
macros and encrypted or binary workbooks refused) and its sheets are streamed read-only. A
sheet whose declared size is over the row cap is refused before a single row is read; a sheet
that declares no size (or a wrong one) is read only up to the cap. Cells come back as int,
float, Decimal or text: a float becomes `Decimal(repr(value))`, the shortest decimal that reads
back as the same double, which is what Excel stored for a typed number, and is then checked
for exactness (crore to the poisha, whole persons). This module does not know the database:
unknown programmes and sums that disagree are found by `services.figure_entry`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl.utils import get_column_letter

from nsss_desktop.domain import Count, Money, Period, parse_decimal
from nsss_desktop.domain.measures import NOT_AVAILABLE, NOT_AVAILABLE_WORDS
from nsss_desktop.errors import ImportRefused
from nsss_desktop.io.action_plan_file import open_workbook
from nsss_desktop.io.figures_template import (
    COLUMNS,
    DISTRICT_COLUMNS,
    DISTRICT_GROUPS,
    DISTRICT_ROWS,
    FIRST_DATA_ROW,
    HEADER_ROW_EN,
    SHEET_DISTRICTS,
    SHEET_FIGURES,
    SHEET_META,
    TEMPLATE_KIND,
    TEMPLATE_VERSION,
    Column,
)
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput, Issue, Value
from nsss_desktop.tasks import TaskState

__all__ = ["MAX_COUNT", "MAX_CRORE", "TemplateRead", "parse_figure", "read_template", "where"]

MAX_CRORE = Decimal(10_000_000)  # a crore crore taka: far above any national budget
MAX_COUNT = 1_000_000_000  # persons: several times the population of Bangladesh
_REGENERATE = "generate a new template with `nsss-desktop figures template`"
_DISTRICT_FIRST_ROW = 3
_LEVELS = {"division": "division", "district": "district", "বিভাগ": "division",
           "জেলা": "district"}
# Group column of the Districts sheet -> (dimension, category); ("", "") is everyone.
_GROUPS = {"": ("", ""), "all": ("", ""), "সকল": ("", ""), "সবাই": ("", ""),
           "female": ("gender", "female"), "male": ("gender", "male"),
           "third_gender": ("gender", "third_gender"), "third gender": ("gender", "third_gender"),
           "নারী": ("gender", "female"), "মহিলা": ("gender", "female"),
           "পুরুষ": ("gender", "male"), "তৃতীয় লিঙ্গ": ("gender", "third_gender"),
           "হিজড়া": ("gender", "third_gender"), "rural": ("area", "rural"),
           "urban": ("area", "urban"), "গ্রাম": ("area", "rural"), "শহর": ("area", "urban")}


@dataclass
class TemplateRead:
    """What the workbook holds: its ministry and period, one input per programme row."""

    source: str
    ministry_code: str | None = None
    period: Period | None = None
    inputs: list[FigureInput] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


class CellProblem(ValueError):
    """A cell that cannot be read as a figure; `code` is the Issue code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def where(sheet: str, row: int | None = None, column: str | None = None) -> str:
    """The location text of an Issue: "sheet Figures, row 7, column E"."""
    parts = [f"sheet {sheet}"]
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(f"column {column}")
    return ", ".join(parts)


def _issue(code: str, message: str, sheet: str, row: int | None = None,
           column: str | None = None, measure: str = "") -> Issue:
    return Issue("error", code, message, measure, where(sheet, row, column))


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _decimal(raw: object) -> Decimal | object | None:
    """A cell as an exact Decimal, NOT_AVAILABLE, or None for blank; CellProblem if neither."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise CellProblem("not_a_number", f"'{raw}' is a TRUE/FALSE value, not a number.")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        try:
            value = Decimal(repr(raw))
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            raise CellProblem("not_a_number", f"'{raw}' is not a number.")
        return value
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, dt.date | dt.time | dt.timedelta):
        raise CellProblem("not_a_number", f"Excel turned the entry into a date or time "
                          f"({raw}); format the cell as Number and type the figure again.")
    text = _clean(raw)
    if not text:
        return None
    if text.casefold() in NOT_AVAILABLE_WORDS:
        return NOT_AVAILABLE
    if text.startswith("="):
        raise CellProblem("formula", f"The cell holds a formula ({text[:60]}); type the value "
                          "itself (in Excel: Copy, then Paste Special > Values).")
    try:
        return parse_decimal(text)
    except ValueError:
        shown = text if len(text) <= 60 else text[:59] + "…"
        raise CellProblem("not_a_number", f"'{shown}' is not a number. Type the number only "
                          "(e.g. 1234.56), NA if the figure is not available, or leave the "
                          "cell blank.") from None


def parse_figure(raw: object, kind: str) -> Value:
    """One cell as a figure of `kind` (crore, taka, persons); CellProblem says what is wrong."""
    value = _decimal(raw)
    if value is None or value is NOT_AVAILABLE:
        return value  # type: ignore[return-value]
    assert isinstance(value, Decimal)
    if value < 0:
        raise CellProblem("negative", f"{value} is negative; figures cannot be below zero.")
    shown = format(value.normalize(), "f") if value else "0"
    if kind == "persons":
        if value != value.to_integral_value():
            raise CellProblem("fractional_persons", f"{shown} is not a whole number of "
                              "persons; type beneficiaries in persons (58,01,000), not lakh.")
        if value > MAX_COUNT:
            raise CellProblem("too_large", f"{shown} persons is more than "
                              f"{MAX_COUNT:,}; check the figure.")
        return Count(int(value))
    crore = value if kind == "crore" else value / Decimal(10_000_000)
    if crore > MAX_CRORE:
        raise CellProblem("too_large", f"{shown} is more than {MAX_CRORE:,} crore taka; check "
                          "the unit (money is in crore taka).")
    try:
        return Money.from_crore(value) if kind == "crore" else Money.from_taka(value)
    except ValueError:
        places = "9 decimal places of crore" if kind == "crore" else "2 decimal places of taka"
        raise CellProblem("not_exact", f"{shown} is not exact to the poisha: at most "
                          f"{places}. If you typed fewer, the cell holds a pasted calculation "
                          "result: type the figure itself.") from None


def read_template(path: Path, *, max_rows: int = 10_000,
                  task: TaskState | None = None) -> TemplateRead:
    """Read a figures template; every problem is an `Issue` in the result, none is raised.

    `max_rows` caps the data rows read from each sheet. Only a missing file raises
    (`UsageError`), because there is nothing to report a location in.
    """
    task = task or TaskState()
    path = Path(path)
    result = TemplateRead(path.name)
    try:
        opened = open_workbook(path)
    except ImportRefused as exc:
        result.issues.extend(Issue("error", p.code, f"{p.message} {exc.hint}".strip(), "",
                                   f"file {path.name}") for p in exc.problems)
        return result
    try:
        _Reader(opened.workbook, result, max_rows, task).read()
    except (zipfile.BadZipFile, zlib.error, ParseError, EOFError, KeyError) as exc:
        result.inputs.clear()
        result.issues.append(Issue("error", "corrupt", f"Part of the workbook is damaged "
                                   f"({type(exc).__name__}). Open the file in Excel, save it "
                                   "as .xlsx and try again.", "", f"file {path.name}"))
    finally:
        opened.close()
    return result


class _Reader:
    def __init__(self, workbook: object, result: TemplateRead, max_rows: int,
                 task: TaskState) -> None:
        self.wb, self.result, self.max_rows, self.task = workbook, result, max_rows, task
        self.by_code: dict[str, FigureInput] = {}
        self.first_row: dict[str, int] = {}
        self.listed: set[int] = set()  # ids of the inputs already in result.inputs

    def keep(self, fi: FigureInput) -> None:
        if id(fi) not in self.listed:
            self.listed.add(id(fi))
            self.result.inputs.append(fi)

    def add(self, issue: Issue) -> None:
        self.result.issues.append(issue)

    def read(self) -> None:
        names = self.wb.sheetnames  # type: ignore[attr-defined]
        if not self._meta(names):
            return
        if SHEET_FIGURES not in names:
            self.add(_issue("missing_sheet", f"The sheet '{SHEET_FIGURES}' is missing; "
                            f"{_REGENERATE}.", SHEET_FIGURES))
            return
        self.task.set_status(f"Reading sheet {SHEET_FIGURES}…")
        self._figures(self.wb[SHEET_FIGURES])  # type: ignore[index]
        self.task.set_progress(0.4)
        if SHEET_DISTRICTS in names:
            self.task.set_status(f"Reading sheet {SHEET_DISTRICTS}…")
            self._districts(self.wb[SHEET_DISTRICTS])  # type: ignore[index]
        self.task.set_progress(0.5)

    # -- Meta ---------------------------------------------------------------------------------

    def _meta(self, names: list[str]) -> bool:
        if SHEET_META not in names:
            self.add(_issue("missing_meta", "This workbook is not an NSSS figures template (it "
                            f"has no hidden '{SHEET_META}' sheet); {_REGENERATE}, copy the "
                            "figures into it and import that file.", SHEET_META))
            return False
        meta: dict[str, object] = {}
        ws = self.wb[SHEET_META]  # type: ignore[index]
        for row in ws.iter_rows(max_row=50, max_col=2, values_only=True):
            if row and row[0] is not None:
                meta[_clean(row[0])] = row[1] if len(row) > 1 else None
        version = meta.get("template_version")
        if meta.get("kind") != TEMPLATE_KIND or version is None:
            self.add(_issue("missing_meta", "The hidden 'Meta' sheet does not describe an NSSS "
                            f"figures template; {_REGENERATE}.", SHEET_META))
            return False
        if _clean(version) != str(TEMPLATE_VERSION):
            self.add(_issue("template_version", f"This workbook was made for template version "
                            f"{_clean(version)}; this app reads version {TEMPLATE_VERSION}. "
                            f"{_REGENERATE[0].upper()}{_REGENERATE[1:]}.", SHEET_META, 2, "B"))
            return False
        code = _clean(meta.get("ministry_code"))
        if not code:
            self.add(_issue("bad_meta", f"The template names no ministry; {_REGENERATE}.",
                            SHEET_META, 3, "B"))
        try:
            self.result.period = Period.parse(_clean(meta.get("period")))
        except (TypeError, ValueError):
            self.add(_issue("bad_meta", f"The template's period '{_clean(meta.get('period'))}' "
                            f"cannot be read; {_REGENERATE}.", SHEET_META, 4, "B"))
        self.result.ministry_code = code or None
        return bool(code) and self.result.period is not None

    # -- rows, bounded --------------------------------------------------------------------------

    def _rows(self, ws: object, first: int, width: int,
              formatted: int = 0) -> Iterator[tuple[int, tuple]]:
        """Stream rows from `first`, refusing a sheet declared too big before reading it and
        stopping one row past the cap when the declared size was absent or wrong.

        `formatted` is how many empty rows the template itself formats (and so declares)."""
        title = ws.title  # type: ignore[attr-defined]
        declared = getattr(ws, "max_row", None)
        if declared and declared - first + 1 > max(self.max_rows, formatted):
            self.add(_issue("too_many_rows", f"The sheet declares {declared:,} rows, more than "
                            f"the {self.max_rows:,} data rows a template may have; nothing was "
                            "read from it. Delete the unused rows below your figures (or split "
                            "the programmes over several files) and import again.", title))
            return
        ws.reset_dimensions()  # type: ignore[attr-defined]  # never trust <dimension>
        limit = first + self.max_rows  # the first row past the cap
        rows = ws.iter_rows(min_row=first, max_row=limit, max_col=width)  # type: ignore[attr-defined]
        for index, row in enumerate(rows, start=first):
            self.task.check()
            if index == limit:
                if any(getattr(c, "value", None) not in (None, "") for c in row):
                    self.add(_issue("too_many_rows", f"The sheet has more than "
                                    f"{self.max_rows:,} data rows; reading stopped at row "
                                    f"{index} and nothing was imported. Split the figures "
                                    "over several files.", title, index))
                return
            yield index, row

    # -- Figures --------------------------------------------------------------------------------

    def _layout(self, ws: object, columns: tuple[Column, ...], header_row: int) -> bool:
        header = next(ws.iter_rows(min_row=header_row, max_row=header_row,  # type: ignore[attr-defined]
                                   max_col=len(columns), values_only=True), ())
        for index, column in enumerate(columns, start=1):
            found = _clean(header[index - 1]) if index <= len(header) else ""
            if found != column.title_en:
                letter = get_column_letter(index)
                self.add(_issue("layout_changed", f"Column {letter} should be headed "
                                f"'{column.title_en}' but is headed '{found}': the layout was "
                                f"changed. Use the columns as generated, or {_REGENERATE}.",
                                ws.title, header_row, letter))  # type: ignore[attr-defined]
                return False
        return True

    def _figures(self, ws: object) -> None:
        if not self._layout(ws, COLUMNS, HEADER_ROW_EN):
            return
        for index, row in self._rows(ws, FIRST_DATA_ROW, len(COLUMNS)):
            self._figure_row(ws.title, index, row)  # type: ignore[attr-defined]

    def _cell(self, sheet: str, index: int, col: int, column: Column, row: tuple,
              kind: str | None = None) -> Value:
        cell = row[col - 1] if col <= len(row) else None
        raw = getattr(cell, "value", None)
        if getattr(cell, "data_type", None) == "f":
            raw = f"={str(raw).lstrip('=')}"
        try:
            return parse_figure(raw, kind or column.kind)
        except CellProblem as exc:
            letter = get_column_letter(col)
            self.add(_issue(exc.code, f"{column.en}: {exc}", sheet, index, letter, column.key))
            return None

    def _figure_row(self, sheet: str, index: int, row: tuple) -> None:
        code = _clean(getattr(row[0], "value", None)) if row else ""
        fi = FigureInput(code, self.result.ministry_code, self.result.period,  # type: ignore[arg-type]
                         where=where(sheet, index))
        filled = False
        for col, column in enumerate(COLUMNS, start=1):
            if not column.editable:
                continue
            letter = get_column_letter(col)
            if column.kind == "text":
                cell = row[col - 1] if col <= len(row) else None
                fi.explanation = _clean(getattr(cell, "value", None))
                fi.cells[column.key] = f"{letter}{index}"
                filled |= bool(fi.explanation)
                continue
            raw = row[col - 1] if col <= len(row) else None
            filled |= getattr(raw, "value", None) not in (None, "")
            value = self._cell(sheet, index, col, column, row)
            fi.cells[column.key] = f"{letter}{index}"
            if ":" in column.key:
                if isinstance(value, Count):
                    dimension, category = column.key.split(":")
                    fi.disaggregations.append(DisaggregationInput(dimension, category, value))
            elif value is not None:
                fi.values[column.key] = value
        if not code:
            if filled:
                self.add(_issue("missing_programme_code", "The row has figures but no programme "
                                "code; put the figures on the programme's own row (codes are "
                                "in column A).", sheet, index, "A"))
            return
        if code in self.by_code:
            self.add(_issue("duplicate_programme", f"Programme {code} appears again (first on row "
                            f"{self.first_row[code]}); keep one row per programme and delete "
                            "this one.", sheet, index, "A"))
            return
        self.by_code[code], self.first_row[code] = fi, index
        if filled:
            self.keep(fi)

    # -- Districts ------------------------------------------------------------------------------

    def _districts(self, ws: object) -> None:
        if not self._layout(ws, DISTRICT_COLUMNS, 1):
            return
        seen: dict[tuple[str, str, str, str], int] = {}
        for index, row in self._rows(ws, _DISTRICT_FIRST_ROW, len(DISTRICT_COLUMNS),
                                     DISTRICT_ROWS):
            self._district_row(ws.title, index, row, seen)  # type: ignore[attr-defined]

    def _district_row(self, sheet: str, index: int, row: tuple,
                      seen: dict[tuple[str, str, str, str], int]) -> None:
        texts = [_clean(getattr(c, "value", None)) for c in row[:4]]
        texts += [""] * (4 - len(texts))
        code, level_text, name, group_text = texts
        counts = [getattr(c, "value", None) for c in row[4:6]]
        if not any(texts) and all(v in (None, "") for v in counts):
            return
        errors = len(self.result.issues)
        beneficiaries = self._cell(sheet, index, 5, DISTRICT_COLUMNS[4], row)
        amount = self._cell(sheet, index, 6, DISTRICT_COLUMNS[5], row)
        level = _LEVELS.get(level_text.casefold())
        group = _GROUPS.get(group_text.casefold().replace("-", " "))
        for ok, col, code_, message in (
                (bool(code), "A", "missing_programme_code", "Give the programme code."),
                (level is not None, "B", "bad_level",
                 f"Level '{level_text}' is neither 'division' nor 'district'; choose one."),
                (bool(name), "C", "missing_area_name", "Give the division or district name."),
                (group is not None, "D", "bad_group",
                 f"'{group_text}' is not one of {', '.join(DISTRICT_GROUPS)}; choose one.")):
            if not ok:
                self.add(_issue(code_, message, sheet, index, col))
        if len(self.result.issues) > errors or group is None or level is None:
            return
        key = (code, level, name.casefold(), group[1])
        if key in seen:
            self.add(_issue("duplicate_row", f"The same programme, area and group is given "
                            f"again (first on row {seen[key]}); keep one row.", sheet, index))
            return
        seen[key] = index
        fi = self.by_code.get(code)
        if fi is None:
            fi = FigureInput(code, self.result.ministry_code, self.result.period,  # type: ignore[arg-type]
                             where=where(sheet, index))
            self.by_code[code], self.first_row[code] = fi, index
        self.keep(fi)
        count = beneficiaries if isinstance(beneficiaries, Count) else None
        money = amount if isinstance(amount, Money) else None
        dimension, category = group
        if dimension:
            fi.disaggregations.append(DisaggregationInput(dimension, category, count, money,
                                                          name))
        else:
            fi.disaggregations.append(DisaggregationInput(level, name, count, money, name))
