"""A report as plain data: title, sections of paragraphs, tables and notes, and provenance.

Builders (reform tracking now, the annual NSSS report later) produce a `ReportDocument`;
renderers turn it into a file: Excel here in the core (`reports.xlsx`), PDF in the GUI layer
(`ui/pdf_render.py`, because shaping Bangla needs Qt). Keeping the model Qt-free means a
report is built and tested without a display, and one PDF renderer serves every report.

Table cells keep exact values (`int`, `Decimal`, ISO date text) so Excel gets numbers, and
`format_cell` turns them into display text for one language (Bangla digits and Indian
grouping in Bangla) at the very edge, the same way for every renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from nsss_desktop.domain.numbers import format_decimal, to_bangla_digits
from nsss_desktop.services.tables import Column, DashboardTable, Value

__all__ = [
    "GROUP",
    "LANGS",
    "ROW_STYLE",
    "STYLE_TOTAL",
    "Column",
    "DashboardTable",
    "ReportDocument",
    "Section",
    "format_cell",
    "is_numeric",
    "page_label",
]

LANGS = ("en", "bn")
# A row dict may carry this key (never a column): STYLE_TOTAL draws the row in bold.
ROW_STYLE = "_style"
STYLE_TOTAL = "total"
# Column kind of a grouping column: Excel shows it as a column (so it can be filtered), the
# PDF as a heading row wherever its value changes (so the page keeps its width for text).
GROUP = "group"
DATE = "date"  # value: ISO text 'YYYY-MM-DD'; a real date in Excel
_PLACES = {"int": 0, "percent": 1, "lakh": 2, "crore": 2, "taka": 2}
NO_VALUE = "–"


@dataclass(frozen=True)
class Section:
    """A heading, then its paragraphs, its tables and the notes that qualify them."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[DashboardTable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportDocument:
    """Everything a renderer needs; every text is already in `lang`.

    `provenance` says which data the report shows (it is printed on every PDF page and on
    the last Excel sheet), so a printed page can always be traced to a database state.
    `generated_at` is ISO 8601 text.
    """

    title: str
    subtitle: str
    lang: str
    sections: list[Section]
    provenance: str
    generated_at: str

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"unsupported report language {self.lang!r}")

    def tables(self) -> list[DashboardTable]:
        return [t for s in self.sections for t in s.tables]


def is_numeric(column: Column) -> bool:
    """Right-aligned in print, a number format in Excel."""
    return column.kind in _PLACES


def format_cell(value: Value, kind: str, lang: str) -> str:
    """Display text of one cell: numbers rounded to their kind's places with Indian grouping
    (Bangla digits in Bangla), dates as ISO text, a dash for a missing number."""
    if value is None or value == "":
        return NO_VALUE if kind in _PLACES else ""
    if kind in _PLACES and isinstance(value, int | Decimal):
        return format_decimal(value, _PLACES[kind], lang)
    text = str(value)
    return to_bangla_digits(text) if kind == DATE and lang == "bn" else text


def page_label(number: int, total: int, lang: str) -> str:
    """'Page 2 of 7' / 'পৃষ্ঠা ২ / ৭' for the PDF footer."""
    if lang == "bn":
        return to_bangla_digits(f"পৃষ্ঠা {number} / {total}")
    return f"Page {number} of {total}"
