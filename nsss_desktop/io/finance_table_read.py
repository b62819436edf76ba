"""Read the Finance Division's table of social security programmes (xlsx or csv).

The budget documents print one row per programme: a serial number, the programme, the
ministry or division, beneficiaries in lakh and the allocation in crore taka, with sub-total
and total rows between them, in English or Bangla. The header row is found by its words in the
first rows; units are taken from the header ("lakh", "crore", "লক্ষ", "কোটি"). Total rows and
section headings are skipped and listed, never imported. Numbers may be text with commas or
Bangla digits. This module does not know the database: matching names to programmes is the
importer's job (`services.figures_import`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Generator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from nsss_desktop.domain import Count, FiscalYear, Money, parse_decimal, to_latin_digits
from nsss_desktop.domain.measures import NOT_AVAILABLE_WORDS
from nsss_desktop.errors import ImportRefused, Problem, UsageError
from nsss_desktop.io.action_plan_file import MAX_FILE_BYTES, open_workbook
from nsss_desktop.services.figure_input import Issue

__all__ = ["HEADER_SEARCH_ROWS", "MAX_ROWS", "FinanceRead", "FinanceRow", "SkippedRow",
           "normalise", "read_finance_table"]

HEADER_SEARCH_ROWS = 20
MAX_ROWS = 5_000  # the printed table has about 140 programmes
MAX_COLUMNS = 30
_TOTAL_WORDS = ("total", "grand total", "sub total", "subtotal", "মোট", "সর্বমোট", "উপমোট",
                "সর্ব মোট", "উপ মোট")
_SERIAL_HEADERS = {"sl", "sl no", "s no", "serial", "serial no", "no", "ক্রমিক", "ক্রমিক নং",
                   "ক্রম", "নং"}
_FY_IN_TEXT = re.compile(r"(?:FY\s*)?[0-9]{4}\s*[-\u2010-\u2014\u2212/]\s*[0-9]{2,4}",
                         re.IGNORECASE)
_BLANK_NUMBERS = {"", "-", "--", "\u2013", "\u2014", "…", "..."}


def normalise(text: object) -> str:
    """Case-, space- and punctuation-free key for matching names ("Old-Age  allowance." ==
    "old age allowance"); Bangla vowel signs are kept, digits made Latin, "programme" is
    spelled "program"."""
    text = unicodedata.normalize("NFC", to_latin_digits(str(text or ""))).casefold()
    text = text.replace("&", " and ")
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    words = ["program" if w == "programme" else w for w in kept.split()]
    return " ".join(words)


@dataclass(frozen=True)
class FinanceRow:
    """One programme row as printed; `row` is the 1-based sheet (or CSV line) row."""

    row: int
    programme: str
    ministry: str
    beneficiaries: Count | None
    allocation: Money | None
    serial: str = ""


@dataclass(frozen=True)
class SkippedRow:
    row: int
    text: str
    reason: str  # "total" or "heading"


@dataclass
class FinanceRead:
    source: str
    fiscal_year: FiscalYear | None
    stage: str
    source_code: str
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # kind -> column letter
    rows: list[FinanceRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


Rows = Generator[tuple[int, list], None, None]  # (1-based row number, cell values)


def _place(sheet: str, row: int | None = None, column: str | None = None) -> str:
    parts = [f"sheet {sheet}"] + ([f"row {row}"] if row else []) + \
        ([f"column {column}"] if column else [])
    return ", ".join(parts)


def _header_kind(text: str) -> tuple[str, str] | None:
    """(kind, unit) of a header cell, or None: programme, ministry, beneficiaries, allocation,
    serial."""
    key = normalise(text)
    if not key:
        return None
    if key in _SERIAL_HEADERS:
        return "serial", ""
    if "beneficiar" in key or "উপকারভোগী" in key:
        unit = "lakh" if re.search(r"lakh|lac|লক্ষ|লাখ", key) else \
            "persons" if re.search(r"person|number|জন", key) else ""
        return "beneficiaries", unit
    if re.search(r"allocation|budget|বরাদ্দ|বাজেট", key):
        unit = "crore" if re.search(r"crore|কোটি", key) else \
            "lakh" if re.search(r"lakh|lac|লক্ষ|লাখ", key) else ""
        return "allocation", unit
    if re.search(r"ministry|division|মন্ত্রণালয়|বিভাগ", key):
        return "ministry", ""
    if re.search(r"program|scheme|কর্মসূচি|কার্যক্রম", key):
        return "programme", ""
    return None


_TOTAL_KEYS = tuple(normalise(w) for w in _TOTAL_WORDS)


def _is_total(text: str) -> bool:
    """A sub-total or total row's label: "Total", "Sub-total (cash)", "মোট", "সর্বমোট"."""
    key = normalise(text)
    return bool(key) and any(key == w or key.startswith(w + " ") for w in _TOTAL_KEYS)


def _fiscal_years(text: str) -> list[FiscalYear]:
    found = []
    for match in _FY_IN_TEXT.finditer(to_latin_digits(text)):
        try:
            found.append(FiscalYear.parse(match.group(0)))
        except ValueError:
            continue
    return found


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _number(value: object) -> Decimal | None:
    """A cell as an exact Decimal, None for blank/NA/dash; ValueError with the text if not."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValueError(f"'{value}' is not a number")
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, dt.date | dt.time):
        raise ValueError(f"'{value}' is a date, not a number")
    text = " ".join(str(value).split())
    if text in _BLANK_NUMBERS or text.casefold() in NOT_AVAILABLE_WORDS:
        return None
    try:
        return parse_decimal(text)
    except ValueError:
        raise ValueError(f"'{text[:60]}' is not a number") from None


def _rows_from_xlsx(path: Path, issues: list[Issue]) -> tuple[str, Rows]:
    opened = open_workbook(path)
    ws = opened.workbook.worksheets[0] if opened.workbook.worksheets else None
    if ws is None:
        opened.close()
        raise ImportRefused([Problem(path.name, None, None, "empty_table",
                                     "The workbook has no worksheet.")])

    def rows() -> Rows:
        try:
            ws.reset_dimensions()  # never trust <dimension>
            for index, row in enumerate(ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS,
                                                     values_only=True), start=1):
                if index > MAX_ROWS:
                    if any(v not in (None, "") for v in row):
                        issues.append(Issue("error", "too_many_rows", f"The sheet has more than "
                                            f"{MAX_ROWS:,} rows; reading stopped here.", "",
                                            _place(ws.title, index)))
                    return
                yield index, list(row)
        finally:
            opened.close()

    return ws.title, rows()


def _rows_from_csv(path: Path) -> tuple[str, Rows]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"No file at {path}.", hint="Check the file name.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused([Problem(path.name, None, None, "too_large", f"The file is larger "
                                     f"than {MAX_FILE_BYTES // 2**20} MiB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused([Problem(path.name, None, None, "not_utf8",
                                     "The CSV file is not UTF-8 text.")],
                            hint="In Excel: File > Save As > CSV UTF-8 (Comma delimited).") \
            from exc
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)

    def rows() -> Rows:
        for index, row in enumerate(reader, start=1):
            if index > MAX_ROWS:
                return
            yield index, row[:MAX_COLUMNS]

    return path.name, rows()


def read_finance_table(path: Path, *, fiscal_year: FiscalYear | None, stage: str,
                       source_code: str) -> FinanceRead:
    """Read the table; every problem is an `Issue` in the result. Only a missing file or a
    wrong `stage` raises (`UsageError`)."""
    path = Path(path)
    if stage not in ("proposed", "revised"):
        raise UsageError(f"'{stage}' is not a budget stage.", hint="Use proposed or revised.")
    result = FinanceRead(path.name, fiscal_year, stage, source_code)
    try:
        if path.suffix.lower() == ".csv":
            sheet, rows = _rows_from_csv(path)
        else:
            sheet, rows = _rows_from_xlsx(path, result.issues)
    except ImportRefused as exc:
        result.issues.extend(Issue("error", p.code, f"{p.message} {exc.hint}".strip(), "",
                                   f"file {path.name}") for p in exc.problems)
        return result
    result.sheet = sheet
    try:
        _Table(result, rows).read()
    finally:
        rows.close()  # closes the workbook even when reading stopped early
    return result


class _Table:
    def __init__(self, result: FinanceRead, rows: Rows) -> None:
        self.result, self.rows = result, rows
        self.columns: dict[str, int] = {}
        self.units: dict[str, str] = {}
        self.title_years: list[FiscalYear] = []

    def issue(self, level: str, code: str, message: str, row: int | None = None,
              col: int | None = None) -> None:
        letter = get_column_letter(col + 1) if col is not None else None
        self.result.issues.append(Issue(level, code, message, "",  # type: ignore[arg-type]
                                        _place(self.result.sheet, row, letter)))

    def read(self) -> None:
        for index, row in self.rows:
            if self.columns:
                self._data(index, row)
            elif index <= HEADER_SEARCH_ROWS:
                self._try_header(index, row)
            else:
                break
        if not self.columns:
            self.issue("error", "missing_header", f"No header row with a programme column and a "
                       f"beneficiaries or allocation column was found in the first "
                       f"{HEADER_SEARCH_ROWS} rows. The header should name the columns, e.g. "
                       "'Name of programme', 'Ministry/Division', 'Beneficiaries (lakh)', "
                       "'Allocation (crore taka)'.")
        elif not self.result.rows and not self.result.errors:
            self.issue("error", "empty_table", "There are no programme rows below the header.",
                       self.result.header_row)

    def _try_header(self, index: int, row: list) -> None:
        found: dict[str, int] = {}
        units: dict[str, str] = {}
        years: dict[str, list[FiscalYear]] = {}
        row_years: list[FiscalYear] = []
        wanted = self.result.fiscal_year
        for col, value in enumerate(row):
            text = _text(value)
            row_years.extend(_fiscal_years(text))
            kind = _header_kind(text)
            if kind is None:
                continue
            name, unit = kind
            # Several budget columns (budget, revised): prefer the one naming the year asked.
            if name in found and not (wanted and wanted in _fiscal_years(text)
                                      and wanted not in years.get(name, [])):
                continue
            found[name], units[name], years[name] = col, unit, _fiscal_years(text)
        if "programme" not in found or not {"beneficiaries", "allocation"} & found.keys():
            self.title_years.extend(row_years)  # a title line above the header
            return
        self.columns, self.units = found, units
        self.result.header_row = index
        self.result.columns = {k: get_column_letter(c + 1) for k, c in found.items()}
        self._fix_year(index, [y for ys in years.values() for y in ys])

    def _fix_year(self, header_row: int, header_years: list[FiscalYear]) -> None:
        named = self.title_years + header_years
        given = self.result.fiscal_year
        if given is None:
            distinct = sorted(set(named))
            if len(distinct) == 1:
                self.result.fiscal_year = distinct[0]
            else:
                found = ", ".join(str(y) for y in distinct) or "none"
                self.issue("error", "fiscal_year", "Say which fiscal year the table is for "
                           f"(--fiscal-year 2023-24); fiscal years in the title: {found}.",
                           header_row)
        elif named and given not in named:
            self.issue("warning", "fiscal_year", f"The table's title names "
                       f"{', '.join(sorted({str(y) for y in named}))}, but the figures are "
                       f"imported as {given} as asked.", header_row)
        for kind, default in (("beneficiaries", "lakh"), ("allocation", "crore")):
            if kind in self.columns and not self.units.get(kind):
                self.units[kind] = default
                self.issue("warning", "unit_assumed", f"The {kind} header gives no unit; read "
                           f"as {default}.", header_row, self.columns[kind])

    def _cell(self, row: list, kind: str) -> object:
        col = self.columns.get(kind)
        return row[col] if col is not None and col < len(row) else None

    def _data(self, index: int, row: list) -> None:
        programme = _text(self._cell(row, "programme"))
        ministry = _text(self._cell(row, "ministry"))
        serial = _text(self._cell(row, "serial"))
        raw = {k: self._cell(row, k) for k in ("beneficiaries", "allocation")}
        has_numbers = any(_text(v) not in _BLANK_NUMBERS for v in raw.values())
        if not programme and not has_numbers:
            return
        # "Total" may sit in the programme cell or, merged across, in the serial-number cell.
        label = next((t for t in (programme, serial, ministry) if _is_total(t)), "")
        if label:
            self.result.skipped.append(SkippedRow(index, label, "total"))
            return
        if not programme:
            self.issue("error", "missing_programme", "The row has figures but no programme "
                       "name; write the programme's name (or delete the row).", index,
                       self.columns["programme"])
            return
        if not has_numbers:
            self.result.skipped.append(SkippedRow(index, programme, "heading"))
            return
        values: dict[str, Count | Money | None] = {}
        for kind in ("beneficiaries", "allocation"):
            values[kind] = self._value(index, kind, raw[kind])
        self.result.rows.append(FinanceRow(
            index, programme, ministry, values["beneficiaries"],  # type: ignore[arg-type]
            values["allocation"], serial))  # type: ignore[arg-type]

    def _value(self, index: int, kind: str, raw: object) -> Count | Money | None:
        col = self.columns.get(kind)
        unit = self.units.get(kind, "")
        unit_text = {"lakh": "lakh", "crore": "crore taka", "persons": "persons"}.get(unit, unit)
        try:
            number = _number(raw)
        except ValueError as exc:
            self.issue("error", "not_a_number", f"{exc}; type the {kind} as a number of "
                       f"{unit_text}, or leave the cell blank if not available.", index, col)
            return None
        if number is None:
            return None
        if number < 0:
            self.issue("error", "negative", f"{number} is negative; the {kind} cannot be below "
                       "zero.", index, col)
            return None
        try:
            if kind == "beneficiaries" and unit == "lakh":
                return Count.from_lakh(number)
            if kind == "beneficiaries":
                if number != number.to_integral_value():
                    raise ValueError(number)
                return Count(int(number))
            return Money.from_crore(number) if unit == "crore" else Money.from_lakh(number)
        except ValueError:
            what = {"lakh": "a whole number of persons (at most 5 decimals of lakh)",
                    "persons": "a whole number of persons",
                    "crore": "exact to the poisha (at most 9 decimals of crore)"}.get(
                        unit, "exact to the poisha (at most 7 decimals of lakh taka)")
            self.issue("error", "not_exact", f"{number} {unit_text} is not {what}.", index, col)
            return None
