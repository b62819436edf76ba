"""Read an Action Plan sheet in the official layout into records, with every problem located.

The sheet is streamed (openpyxl read-only), so a sheet over the row cap is refused after
reading just past the cap, never loaded whole. The header row is looked for in the first ten
rows of each sheet, in English or Bangla. Merged cells are honoured the way the printed tables
use them: an Objective (or No., Timeframe, ministry) cell merged down applies to every row it
spans; an Activities cell merged down makes its rows one activity whose indicators are
collected from each row. Problems of structure are found here (missing columns, formulas,
over-long text, empty activities, too many rows); problems of meaning (ministries, timeframes,
duplicate numbers) are the importer's, which knows the reference data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zipfile
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree.ElementTree import ParseError

from openpyxl.utils import get_column_letter, range_boundaries

from nsss_desktop.errors import ImportRefused, Problem
from nsss_desktop.io.action_plan_file import OpenedWorkbook
from nsss_desktop.io.action_plan_layout import (
    COLUMNS,
    REQUIRED,
    clean_text,
    match_header,
    split_indicators,
)
from nsss_desktop.tasks import TaskState

__all__ = ["HEADER_SEARCH_ROWS", "MAX_CELL_CHARS", "MAX_DATA_ROWS", "Cell", "SheetRead",
           "SheetRecord", "read_plan_sheet"]

MAX_DATA_ROWS = 20_000
MAX_CELL_CHARS = 4_000
HEADER_SEARCH_ROWS = 10
MAX_COLUMNS = 40  # the layout has 7 (10 in our export); wider rows are not read past this
_LABELS = {c.key: c.en for c in COLUMNS}
_BIG = 1 << 30
_DOWN_MERGED = ("number", "objective", "timeframe", "responsible", "shared", "indicators")


@dataclass(frozen=True)
class Cell:
    """One value as read, and where it came from (the top-left cell of a merged range)."""

    text: str
    row: int
    column: str
    merged_rows: int = 1  # rows the source cell spans


@dataclass
class SheetRecord:
    """One activity: the first sheet row it starts on and its cells by column key."""

    row: int
    cells: dict[str, Cell]
    indicators: list[str] = field(default_factory=list)
    number_is_objective: bool = False  # the No. cell was merged over several activities

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.text if cell else ""


@dataclass
class SheetRead:
    sheet: str
    header_row: int
    columns: dict[str, str]  # column key -> letter
    records: list[SheetRecord]
    problems: list[Problem]


def _as_text(value: object, number_format: str = "") -> str:
    """A cell's value as text. Excel turns a typed "June 2017" into the date 1 June 2017
    shown as "Jun-17": a date whose format shows no day is read back as "June 2017"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime) and "d" not in number_format.lower():
        return f"{calendar.month_name[value.month]} {value.year}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return clean_text(str(value))


def _find_header(ws: object) -> tuple[int, dict[int, str]] | None:
    for index, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS,  # type: ignore[attr-defined]
                                             max_col=MAX_COLUMNS, values_only=True), start=1):
        found: dict[int, str] = {}
        for col, value in enumerate(row, start=1):
            key = match_header(value)
            if key and key not in found.values():
                found[col] = key
        if len(found) >= 3 and "activity" in found.values():
            return index, found
    return None


def read_plan_sheet(opened: OpenedWorkbook, task: TaskState | None = None,
                    span: tuple[float, float] = (0.0, 1.0)) -> SheetRead:
    """Find the plan sheet and read its records; structural problems are listed, not raised.

    Progress goes from `span[0]` to `span[1]` (the caller's share of the whole job). Raises
    `ImportRefused` (code `corrupt`) when a part of the file cannot be parsed.
    """
    task = task or TaskState()
    try:
        return _read(opened, task, span)
    except (zipfile.BadZipFile, zlib.error, ParseError, KeyError, EOFError) as exc:
        raise ImportRefused([Problem(opened.name, None, None, "corrupt",
                                     f"Part of the workbook is damaged ({type(exc).__name__}).")],
                            hint="Open the file in Excel, save it as .xlsx and try again.") \
            from exc


def _read(opened: OpenedWorkbook, task: TaskState, span: tuple[float, float]) -> SheetRead:
    sheets = opened.workbook.worksheets
    if not sheets:
        return SheetRead(opened.name, 0, {}, [], [Problem(
            opened.name, None, None, "missing_column", "The workbook has no worksheet.")])
    for ws in sheets:
        task.check()
        found = _find_header(ws)
        if found:
            return _SheetReader(opened, ws, *found, task, span).read()
    title = sheets[0].title
    return SheetRead(title, 0, {}, [], [
        Problem(title, None, None, "missing_column",
                f"No header row with the column '{_LABELS[key]}' was found in the first "
                f"{HEADER_SEARCH_ROWS} rows of any sheet.")
        for key in REQUIRED])


class _SheetReader:
    """Streams the data rows of one sheet below its header row."""

    def __init__(self, opened: OpenedWorkbook, ws: object, header_row: int,
                 columns: dict[int, str], task: TaskState, span: tuple[float, float]) -> None:
        self.ws, self.title, self.task = ws, ws.title, task  # type: ignore[attr-defined]
        self.span = span
        self.header_row = header_row
        self.columns = columns  # column index -> key
        self.problems: list[Problem] = []
        self.records: list[SheetRecord] = []
        self.merges: dict[int, list[tuple[int, int]]] = {}  # column -> sorted (first, last)
        self.origins: dict[tuple[int, int], Cell] = {}  # top cells of merged ranges
        self.activity_owner: dict[tuple[int, int], SheetRecord] = {}
        self.formula_cells: set[tuple[int, int]] = set()
        for ref in opened.merged_ranges(self.title):
            min_col, min_row, _max_col, max_row = range_boundaries(ref)
            if min_col in columns and max_row > min_row and min_row > header_row:
                self.merges.setdefault(min_col, []).append((min_row, max_row))
        for spans in self.merges.values():
            spans.sort()

    def _merge(self, index: int, col: int) -> tuple[int, int] | None:
        """The (first, last) rows of the vertical merge covering a cell, if any."""
        spans = self.merges.get(col)
        if not spans:
            return None
        at = bisect_right(spans, (index, _BIG)) - 1
        if at >= 0 and spans[at][0] <= index <= spans[at][1]:
            return spans[at]
        return None

    def read(self) -> SheetRead:
        letters = {key: get_column_letter(col) for col, key in self.columns.items()}
        for key in REQUIRED:
            if key not in letters:
                label = next(c for c in COLUMNS if c.key == key)
                self.problems.append(Problem(
                    self.title, self.header_row, None, "missing_column",
                    f"The column '{label.en}' ('{label.bn}') is missing from the header row."))
        if self.problems:
            return SheetRead(self.title, self.header_row, letters, [], self.problems)
        total = getattr(self.ws, "max_row", None) or 0
        self.ws.reset_dimensions()  # type: ignore[attr-defined]  # never trust <dimension>
        data_rows = 0
        rows = self.ws.iter_rows(min_row=self.header_row + 1,  # type: ignore[attr-defined]
                                 max_col=MAX_COLUMNS)
        for index, row in enumerate(rows, start=self.header_row + 1):
            self.task.check()
            if not self._read_row(index, row):
                continue
            data_rows += 1
            if data_rows > MAX_DATA_ROWS:
                self.problems.append(Problem(
                    self.title, index, None, "too_many_rows",
                    f"The sheet has more than {MAX_DATA_ROWS:,} data rows; reading stopped "
                    "here."))
                break
            if total:
                low, high = self.span
                self.task.set_progress(low + (high - low) * min(index / total, 1.0))
        self._mark_objective_numbers()
        return SheetRead(self.title, self.header_row, letters, self.records, self.problems)

    def _read_row(self, index: int, row: tuple) -> bool:
        """Read one sheet row; False when it holds no data of its own."""
        own: dict[str, Cell] = {}
        had_formula = False
        for col, key in self.columns.items():
            if col > len(row):
                continue
            cell = row[col - 1]
            if getattr(cell, "data_type", None) == "f":
                self.problems.append(Problem(
                    self.title, index, get_column_letter(col), "formula",
                    f"'{_LABELS.get(key, key)}' holds a formula ({str(cell.value)[:60]}); type "
                    "the text itself (in Excel: Copy, then Paste Special > Values)."))
                self.formula_cells.add((index, col))
                had_formula = True
                continue
            text = _as_text(getattr(cell, "value", None), getattr(cell, "number_format", ""))
            if len(text) > MAX_CELL_CHARS:
                self.problems.append(Problem(
                    self.title, index, get_column_letter(col), "too_long",
                    f"The text is {len(text):,} characters long; at most {MAX_CELL_CHARS:,} "
                    "are accepted."))
                text = text[:MAX_CELL_CHARS]
            if text:
                span = self._merge(index, col) or (index, index)
                own[key] = Cell(text, index, get_column_letter(col), span[1] - span[0] + 1)
                if span[1] > span[0]:  # the top of a merge: rows below inherit it
                    self.origins[(index, col)] = own[key]
        if not own and not had_formula:
            return False
        if index <= self.header_row + 3 and (_is_column_numbering(own) or _is_header_again(own)):
            return False
        self._add(index, own)
        return True

    def _inherited(self, index: int, col: int) -> Cell | None:
        span = self._merge(index, col)
        if span is None or span[0] == index:
            return None
        return self.origins.get((span[0], col))

    def _add(self, index: int, own: dict[str, Cell]) -> None:
        cells = dict(own)
        for col, key in self.columns.items():
            if key not in cells and (key in _DOWN_MERGED or key == "activity"):
                inherited = self._inherited(index, col)
                if inherited is not None:
                    cells[key] = inherited
        activity_col = next(c for c, k in self.columns.items() if k == "activity")
        span = self._merge(index, activity_col)
        if span and span[0] != index and (span[0], activity_col) in self.activity_owner:
            owner = self.activity_owner[(span[0], activity_col)]  # same activity, next row
            if "indicators" in own:
                owner.indicators.extend(split_indicators(own["indicators"].text))
            return
        if "activity" not in cells:
            if (index, activity_col) in self.formula_cells:
                return  # already reported as a formula
            letter = get_column_letter(activity_col)
            self.problems.append(Problem(self.title, index, letter, "empty_activity",
                                         "The row has no activity text."))
            return
        record = SheetRecord(index, cells)
        if "indicators" in cells:
            record.indicators = split_indicators(cells["indicators"].text)
        self.records.append(record)
        self.activity_owner[(index, activity_col)] = record

    def _mark_objective_numbers(self) -> None:
        """A No. cell merged over several activities numbers their objective, not each one."""
        counts: dict[tuple[int, str], int] = {}
        for record in self.records:
            cell = record.cells.get("number")
            if cell and cell.merged_rows > 1:
                counts[(cell.row, cell.column)] = counts.get((cell.row, cell.column), 0) + 1
        for record in self.records:
            cell = record.cells.get("number")
            if cell and counts.get((cell.row, cell.column), 0) > 1:
                record.number_is_objective = True


def _is_column_numbering(own: dict[str, Cell]) -> bool:
    """The '1 2 3 4 5 6 7' row that government tables put under the headers."""
    texts = [c.text for c in sorted(own.values(), key=lambda c: (len(c.column), c.column))]
    return len(texts) >= 3 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _is_header_again(own: dict[str, Cell]) -> bool:
    """A second header row (a bilingual table has one in each language)."""
    return sum(1 for c in own.values() if match_header(c.text)) >= 3
