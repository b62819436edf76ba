"""Write the Excel template a ministry fills in with its programme figures for one period.

One workbook per ministry and period: an "Instructions" sheet in English and Bangla, a
"Figures" sheet with one row per programme (codes and names locked, value cells unlocked and
validated), a "Districts" sheet for optional division/district breakdowns, and a very hidden
"Meta" sheet that tells the reader which ministry, period and template version it holds. The
layout constants here are shared with `figures_template_read`, so writer and reader cannot
drift apart. Money is written as exact decimal digits (crore taka), never a float artefact.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from nsss_desktop.domain import Count, Money, Period, to_bangla_digits
from nsss_desktop.domain.measures import FIGURE_MEASURES, NOT_AVAILABLE

# Importing table_export installs its exact-Decimal cell writer (9149.54 stays "9149.54").
from nsss_desktop.io import table_export as _exact_decimal_writer  # noqa: F401, I001

__all__ = ["COLUMNS", "DISTRICT_COLUMNS", "DISTRICT_GROUPS", "DISTRICT_ROWS", "FIRST_DATA_ROW",
           "HEADER_ROW_BN", "HEADER_ROW_EN", "LEVELS", "NA_TEXT", "SHEET_DISTRICTS",
           "SHEET_FIGURES", "SHEET_INSTRUCTIONS", "SHEET_META", "TEMPLATE_KIND",
           "TEMPLATE_VERSION", "Column", "TemplateProgramme", "write_template"]

TEMPLATE_VERSION = 1
TEMPLATE_KIND = "nsss_figures_template"
SHEET_INSTRUCTIONS, SHEET_FIGURES = "Instructions", "Figures"
SHEET_DISTRICTS, SHEET_META = "Districts", "Meta"
HEADER_ROW_EN, HEADER_ROW_BN, FIRST_DATA_ROW = 2, 3, 4
DISTRICT_ROWS = 1_000  # pre-formatted (unlocked, validated) rows of the Districts sheet
NA_TEXT = "NA"
LEVELS = ("division", "district")
# Who a Districts row counts: everyone ("all"), one gender, or the rural or urban part.
DISTRICT_GROUPS = ("all", "female", "male", "third_gender", "rural", "urban")

Kind = Literal["code", "label", "crore", "taka", "persons", "text"]


@dataclass(frozen=True)
class Column:
    """One column of a template sheet: a stable key, its kind and bilingual titles."""

    key: str
    kind: Kind
    en: str
    bn: str
    width: int = 16

    @property
    def editable(self) -> bool:
        return self.kind not in ("code", "label")

    @property
    def unit_en(self) -> str:
        return _UNITS[self.kind][0]

    @property
    def unit_bn(self) -> str:
        return _UNITS[self.kind][1]

    @property
    def title_en(self) -> str:
        return f"{self.en} ({self.unit_en})" if self.unit_en else self.en

    @property
    def title_bn(self) -> str:
        return f"{self.bn} ({self.unit_bn})" if self.unit_bn else self.bn


_UNITS: dict[str, tuple[str, str]] = {
    "code": ("", ""), "label": ("", ""), "text": ("", ""),
    "crore": ("crore taka", "কোটি টাকা"),
    "taka": ("taka", "টাকা"),
    "persons": ("persons", "জন"),
}
_MEASURE_KIND: dict[str, Kind] = {"money": "crore", "count": "persons"}


def _measure_columns() -> list[Column]:
    cols = []
    for m in FIGURE_MEASURES:
        kind: Kind = "taka" if m.key == "benefit_value" else _MEASURE_KIND[m.unit]
        cols.append(Column(m.key, kind, m.label_en, m.label_bn))
    return cols


# Gender and area columns break down active beneficiaries (key = "dimension:category").
BREAKDOWN_COLUMNS = (
    Column("gender:female", "persons", "Beneficiaries: female", "উপকারভোগী: নারী"),
    Column("gender:male", "persons", "Beneficiaries: male", "উপকারভোগী: পুরুষ"),
    Column("gender:third_gender", "persons", "Beneficiaries: third gender",
           "উপকারভোগী: তৃতীয় লিঙ্গ"),
    Column("area:rural", "persons", "Beneficiaries: rural", "উপকারভোগী: গ্রাম"),
    Column("area:urban", "persons", "Beneficiaries: urban", "উপকারভোগী: শহর"),
)
COLUMNS: tuple[Column, ...] = (
    Column("programme_code", "code", "Programme code", "কর্মসূচি কোড", 14),
    Column("name_en", "label", "Programme", "কর্মসূচি (ইংরেজি)", 40),
    Column("name_bn", "label", "Programme (Bangla)", "কর্মসূচির নাম", 36),
    Column("shared", "label", "Shared with other ministries", "অন্য মন্ত্রণালয়ের সাথে যৌথ", 12),
    *_measure_columns(),
    *BREAKDOWN_COLUMNS,
    Column("explanation", "text",
           "Explanation (required if expenditure is above the revised budget)",
           "ব্যাখ্যা (ব্যয় সংশোধিত বাজেটের বেশি হলে আবশ্যক)", 48),
)
DISTRICT_COLUMNS: tuple[Column, ...] = (
    Column("programme_code", "text", "Programme code", "কর্মসূচি কোড", 16),
    Column("level", "text", "Level (division or district)", "স্তর (বিভাগ বা জেলা)", 16),
    Column("area_name", "text", "Division or district name", "বিভাগ বা জেলার নাম", 24),
    Column("group", "text", "Gender or area (all, female, male, third_gender, rural, urban)",
           "লিঙ্গ বা এলাকা (all, female, male, third_gender, rural, urban)", 22),
    Column("beneficiaries", "persons", "Beneficiaries", "উপকারভোগী", 16),
    Column("amount", "crore", "Amount", "অর্থ", 16),
)

_NUMBER_FORMATS = {"crore": "#,##0.00#######", "taka": "#,##0.00", "persons": "#,##0"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_UNLOCKED = Protection(locked=False)

INSTRUCTIONS = (
    ("How to fill in this workbook", "এই ওয়ার্কবুক যেভাবে পূরণ করবেন"),
    ("Fill in the sheet 'Figures': one row per programme of your ministry for the period shown "
     "in the title. Do not change the programme codes or names, the header rows, or the sheet "
     "names.",
     "'Figures' শিটে শিরোনামে দেখানো সময়ের জন্য আপনার মন্ত্রণালয়ের প্রতিটি কর্মসূচির একটি সারি "
     "পূরণ করুন। কর্মসূচির কোড বা নাম, শিরোনামের সারি বা শিটের নাম পরিবর্তন করবেন না।"),
    ("Money is in crore taka, exact to the poisha: up to 9 decimal places (1 poisha = "
     "0.000000001 crore). Example: 1974.34 means 1,974.34 crore taka.",
     "অর্থ কোটি টাকায়, পয়সা পর্যন্ত নির্ভুল: দশমিকের পর সর্বোচ্চ ৯ ঘর (১ পয়সা = "
     "০.০০০০০০০০১ কোটি)। উদাহরণ: 1974.34 মানে ১,৯৭৪.৩৪ কোটি টাকা।"),
    ("Exception: the benefit per beneficiary per month is in taka (not crore), e.g. 600.",
     "ব্যতিক্রম: মাথাপিছু মাসিক সুবিধা টাকায় (কোটিতে নয়) লিখুন, যেমন 600।"),
    ("Beneficiaries are counted in persons, as whole numbers (not lakh): 58,01,000 not 58.01.",
     "উপকারভোগী জন হিসেবে পূর্ণ সংখ্যায় লিখুন (লক্ষে নয়): 58.01 নয়, 5801000।"),
    ("Type NA when a figure is not available. Leave the cell blank when it is not yet known. "
     "Type 0 only when the figure really is zero.",
     "তথ্য পাওয়া না গেলে NA লিখুন। এখনও জানা না থাকলে ঘরটি ফাঁকা রাখুন। মান সত্যিই শূন্য হলে "
     "তবেই 0 লিখুন।"),
    ("Breakdowns must add up to the total: female + male + third gender, and rural + urban, "
     "must each equal the active beneficiaries.",
     "বিভাজনের যোগফল মোটের সমান হতে হবে: নারী + পুরুষ + তৃতীয় লিঙ্গ, এবং গ্রাম + শহর, প্রতিটির "
     "যোগফল সক্রিয় উপকারভোগীর সমান হতে হবে।"),
    ("If expenditure is above the revised budget, explain why in the 'Explanation' column; "
     "the row is refused without it.",
     "ব্যয় সংশোধিত বাজেটের বেশি হলে 'Explanation' (ব্যাখ্যা) কলামে কারণ লিখুন; ব্যাখ্যা ছাড়া "
     "সারিটি গ্রহণ করা হবে না।"),
    ("Optional: the sheet 'Districts' takes a division or district breakdown, one row per "
     "programme, division or district, and group (choose 'all' for everyone, or a gender, or "
     "rural or urban). Money there is in crore taka too.",
     "ঐচ্ছিক: 'Districts' শিটে বিভাগ বা জেলাভিত্তিক বিভাজন দিন, প্রতি কর্মসূচি, বিভাগ বা জেলা "
     "এবং দলের জন্য একটি সারি (সবার জন্য 'all', অথবা একটি লিঙ্গ, অথবা rural বা urban)। "
     "সেখানেও অর্থ কোটি টাকায়।"),
    ("Figures already in the database are filled in. A value you delete is deleted when the "
     "file is imported.",
     "ডেটাবেসে থাকা তথ্য আগে থেকেই পূরণ করা আছে। কোনো মান মুছে দিলে ইমপোর্টের সময় তা মুছে "
     "যাবে।"),
    ("Then import the file: in the app (Figures > Import) or with "
     "`nsss-desktop figures import FILE.xlsx --dry-run` to check it first.",
     "এরপর ফাইলটি ইমপোর্ট করুন: অ্যাপে (Figures > Import) অথবা আগে যাচাইয়ের জন্য "
     "`nsss-desktop figures import FILE.xlsx --dry-run` দিয়ে।"),
)


@dataclass(frozen=True)
class TemplateProgramme:
    """A row of the template: a programme of the ministry, `shared` with other ministries."""

    code: str
    name_en: str
    name_bn: str
    shared: bool = False


def write_template(path: Path, *, ministry_code: str, ministry_name_en: str,
                   ministry_name_bn: str, period: Period,
                   programmes: Sequence[TemplateProgramme],
                   existing: Mapping[str, Mapping[str, object]] | None = None,
                   generated_at: str = "", app_version: str = "") -> Path:
    """Write the template to `path` (via a temporary file, so a failure leaves nothing).

    Args:
        existing: values to pre-fill, by programme code then column key (a measure key,
            "gender:female" ... "area:urban", or "explanation"); Money, Count,
            NOT_AVAILABLE, Decimal, int or text. The key "districts" holds the programme's
            division/district `DisaggregationInput`s for the Districts sheet.
        generated_at: when it was made, given by the caller (the core reads no clock).
    """
    path = Path(path)
    wb = Workbook()
    _instructions(wb.active, ministry_name_en, ministry_name_bn, ministry_code, period)
    figures = wb.create_sheet(SHEET_FIGURES)
    _figures(figures, ministry_code, ministry_name_en, ministry_name_bn, period, programmes,
             existing or {})
    _districts(wb.create_sheet(SHEET_DISTRICTS), len(programmes),
               _district_rows(programmes, existing or {}))
    _meta(wb.create_sheet(SHEET_META), ministry_code, period, generated_at, app_version)
    wb.active = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _instructions(ws: Worksheet, name_en: str, name_bn: str, code: str, period: Period) -> None:
    ws.title = SHEET_INSTRUCTIONS
    ws.append([f"{name_en} ({code}): programme figures for {period}",
               f"{name_bn or name_en} ({code}): {to_bangla_digits(str(period))} সময়ের "
               "কর্মসূচির তথ্য"])
    ws.append([])
    for en, bn in INSTRUCTIONS:
        ws.append([en, bn])
    for column in ("A", "B"):
        ws.column_dimensions[column].width = 70
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = ws["B1"].font = Font(bold=True, size=13)
    ws["A3"].font = ws["B3"].font = Font(bold=True)
    ws.protection.sheet = True


def _header(ws: Worksheet, columns: Sequence[Column], en_row: int, bn_row: int) -> None:
    for index, column in enumerate(columns, start=1):
        for row, text in ((en_row, column.title_en), (bn_row, column.title_bn)):
            cell = ws.cell(row, index, text)
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(index)].width = column.width


def _protect(ws: Worksheet) -> None:
    """Lock the sheet but let the user resize columns and rows (no password: this guards
    against accidents, not people)."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _number_rule(kind: str, anchor: str) -> DataValidation:
    whole = f",{anchor}=INT({anchor})" if kind == "persons" else ""
    unit = {"crore": "crore taka (up to 9 decimals)", "taka": "taka (up to 2 decimals)",
            "persons": "persons (a whole number)"}[kind]
    rule = DataValidation(
        type="custom", allow_blank=True, showErrorMessage=True, showInputMessage=True,
        formula1=f'OR(AND(ISNUMBER({anchor}),{anchor}>=0{whole}),'
                 f'UPPER(TRIM({anchor}))="{NA_TEXT}")',
        errorTitle="Not a valid figure / সঠিক মান নয়",
        error=f"Type a number of {unit}, not negative, or NA if not available. "
              "সংখ্যা লিখুন (ঋণাত্মক নয়), তথ্য না থাকলে NA।",
        promptTitle=_UNITS[kind][0][:32], prompt=f"{unit}; NA = not available")
    return rule


def _cell_value(value: object, kind: str) -> object:
    """A pre-fill value as the sheet shows it: crore or taka Decimal, persons int, or NA."""
    if value is None:
        return None
    if value is NOT_AVAILABLE:
        return NA_TEXT
    if isinstance(value, Money):
        return value.taka if kind == "taka" else value.crore
    if isinstance(value, Count):
        return value.persons
    if isinstance(value, bool):
        raise TypeError("a bool is not a figure")
    if isinstance(value, int | Decimal | str):
        return value
    raise TypeError(f"cannot pre-fill a {type(value).__name__} (floats are inexact)")


def _figures(ws: Worksheet, code: str, name_en: str, name_bn: str, period: Period,
             programmes: Sequence[TemplateProgramme],
             existing: Mapping[str, Mapping[str, object]]) -> None:
    ws.cell(1, 1, f"NSSS programme figures / কর্মসূচির তথ্য: {name_en} "
                  f"{f'/ {name_bn} ' if name_bn else ''}({code}), {period}").font = \
        Font(bold=True, size=13)
    _header(ws, COLUMNS, HEADER_ROW_EN, HEADER_ROW_BN)
    last = FIRST_DATA_ROW + max(len(programmes), 1) - 1
    for offset, programme in enumerate(programmes):
        row = FIRST_DATA_ROW + offset
        prefill = existing.get(programme.code, {})
        labels = {"programme_code": programme.code, "name_en": programme.name_en,
                  "name_bn": programme.name_bn, "shared": "shared / যৌথ" if programme.shared
                  else ""}
        for index, column in enumerate(COLUMNS, start=1):
            if not column.editable:
                cell = ws.cell(row, index, labels[column.key] or None)
                cell.fill = _LOCKED_FILL
                if cell.data_type == "f":  # a name starting with "=" stays text
                    cell.data_type = "s"
                continue
            cell = ws.cell(row, index, _cell_value(prefill.get(column.key), column.kind))
            if cell.data_type == "f":
                cell.data_type = "s"
            cell.protection = _UNLOCKED
            if column.kind in _NUMBER_FORMATS:
                cell.number_format = _NUMBER_FORMATS[column.kind]
            if column.kind == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if programmes:
        for index, column in enumerate(COLUMNS, start=1):
            if column.kind in _NUMBER_FORMATS:
                letter = get_column_letter(index)
                rule = _number_rule(column.kind, f"{letter}{FIRST_DATA_ROW}")
                ws.add_data_validation(rule)
                rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 5)
    ws.row_dimensions[HEADER_ROW_EN].height = 45
    ws.row_dimensions[HEADER_ROW_BN].height = 45
    _protect(ws)


def _district_rows(programmes: Sequence[TemplateProgramme],
                   existing: Mapping[str, Mapping[str, object]]) -> list[tuple]:
    """Districts sheet rows (code, level, name, group, persons, crore) of stored breakdowns."""
    rows = []
    for programme in programmes:
        parts = list(existing.get(programme.code, {}).get("districts") or [])  # type: ignore[call-overload]
        levels = {d.category: d.dimension for d in parts if d.dimension in LEVELS}
        for d in parts:
            if d.dimension in LEVELS:
                level, name, group = d.dimension, d.category, "all"
            else:
                level, name, group = levels.get(d.geo_code, "district"), d.geo_code, d.category
            rows.append((programme.code, level, name, group,
                         _cell_value(d.beneficiaries, "persons"),
                         _cell_value(d.amount, "crore")))
    return rows


def _districts(ws: Worksheet, programme_count: int, prefill: list[tuple]) -> None:
    _header(ws, DISTRICT_COLUMNS, 1, 2)
    first, last = 3, 2 + max(DISTRICT_ROWS, len(prefill))
    for row in range(first, last + 1):
        values = prefill[row - first] if row - first < len(prefill) else ()
        for index, column in enumerate(DISTRICT_COLUMNS, start=1):
            cell = ws.cell(row, index, values[index - 1] if values else None)
            if cell.data_type == "f":
                cell.data_type = "s"
            cell.protection = _UNLOCKED
            if column.kind in _NUMBER_FORMATS:
                cell.number_format = _NUMBER_FORMATS[column.kind]
    lists = {"level": f'"{",".join(LEVELS)}"', "group": f'"{",".join(DISTRICT_GROUPS)}"'}
    if programme_count:
        end = FIRST_DATA_ROW + programme_count - 1
        lists["programme_code"] = f"{SHEET_FIGURES}!$A${FIRST_DATA_ROW}:$A${end}"
    for index, column in enumerate(DISTRICT_COLUMNS, start=1):
        letter = get_column_letter(index)
        if column.key in lists:
            rule = DataValidation(type="list", formula1=lists[column.key], allow_blank=True,
                                  showErrorMessage=True, errorTitle="Choose from the list",
                                  error="Choose a value from the list / তালিকা থেকে বেছে নিন।")
        elif column.kind in _NUMBER_FORMATS:
            rule = _number_rule(column.kind, f"{letter}{first}")
        else:
            continue
        ws.add_data_validation(rule)
        rule.add(f"{letter}{first}:{letter}{last}")
    ws.freeze_panes = "A3"
    _protect(ws)


def _meta(ws: Worksheet, ministry_code: str, period: Period, generated_at: str,
          app_version: str) -> None:
    for key, value in (("kind", TEMPLATE_KIND), ("template_version", TEMPLATE_VERSION),
                       ("ministry_code", ministry_code), ("period", str(period)),
                       ("period_key", "/".join(str(part) for part in period.key)),
                       ("generated_at", generated_at), ("app_version", app_version)):
        ws.append([key, value])
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
