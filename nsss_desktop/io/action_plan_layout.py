"""The official NSSS Action Plan table layout, shared by the Excel importer and exporter.

*No. · Objective · Activities · Performance indicators · Timeframe · Responsible ministry ·
Shared responsibility*, with headers in English or Bangla. Headers are matched after
normalising case, spacing, punctuation and Unicode form, because the same table is retyped by
many offices; anything unrecognised (including the status columns of our own export) is
ignored on import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "COLUMNS",
    "EXPORT_ONLY",
    "REQUIRED",
    "Column",
    "clean_text",
    "header_key",
    "match_header",
    "split_indicators",
    "split_list",
    "text_key",
]


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    bn: str
    aliases: tuple[str, ...]
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("number", "No.", "ক্রমিক", ("no", "sl", "sl no", "serial", "serial no", "s/n", "#",
                                       "ক্রমিক নং", "ক্রম", "ক্রঃ নং"), 7),
    Column("objective", "Objective", "উদ্দেশ্য", ("objectives", "strategic objective", "লক্ষ্য"),
           30),
    Column("activity", "Activities", "কার্যক্রম", ("activity", "actions", "action", "reforms",
                                                   "কার্যাবলি", "কার্যাবলী"), 50),
    Column("indicators", "Performance indicators", "কর্মসম্পাদন সূচক", (
        "performance indicator", "indicators", "indicator", "সূচক"), 35),
    Column("timeframe", "Timeframe", "সময়সীমা", ("time frame", "time-frame", "timeline",
                                                 "deadline", "সময়কাল"), 16),
    Column("responsible", "Responsible ministry", "দায়িত্বপ্রাপ্ত মন্ত্রণালয়", (
        "responsible ministries", "responsible ministry/division", "lead ministry",
        "lead ministry/division", "responsibility", "দায়িত্বপ্রাপ্ত মন্ত্রণালয়/বিভাগ"), 28),
    Column("shared", "Shared responsibility", "সহযোগী মন্ত্রণালয়", (
        "shared responsibilities", "supporting ministry", "supporting ministries",
        "সহযোগী মন্ত্রণালয়/বিভাগ"), 28),
)
EXPORT_ONLY: tuple[Column, ...] = (
    Column("status", "Current status", "বর্তমান অবস্থা", (), 14),
    Column("last_update", "Last update", "সর্বশেষ হালনাগাদ", (), 12),
    Column("evidence", "Evidence count", "প্রমাণক সংখ্যা", (), 10),
)
# No. and Shared responsibility may be absent (rows are then matched by text; no partners).
REQUIRED = ("objective", "activity", "indicators", "timeframe", "responsible")

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)


def header_key(text: str) -> str:
    """'  Performance\\nIndicators: ' -> 'performance indicators'; 'No.' -> 'no'."""
    out = re.sub(r"\s+", " ", _nfc(text).casefold().replace(".", " ")).strip(" :*")
    return re.sub(r"\s*/\s*", "/", out)


_HEADERS: dict[str, str] = {}
for _column in (*COLUMNS, *EXPORT_ONLY):
    for _text in (_column.en, _column.bn, *_column.aliases):
        _HEADERS[header_key(_text)] = _column.key


def match_header(value: object) -> str | None:
    """The column key a header cell names, or None (unknown headers are ignored)."""
    if not isinstance(value, str):
        return None
    return _HEADERS.get(header_key(value))


def clean_text(value: str) -> str:
    """Text as stored: NFC, Unix newlines, no trailing spaces on lines, trimmed."""
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    value = value.translate(_ZERO_WIDTH)
    if "\r" in value or "\n" in value:  # most cells are one line: skip the split
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        value = "\n".join(line.rstrip() for line in lines)
    return value.strip()


def text_key(value: str) -> str:
    """Matching key for free text: case, spacing and Unicode form do not count."""
    return re.sub(r"\s+", " ", _nfc(value).casefold()).strip()


_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7\u2043\u27a2\u2713*-]"
                     r"|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+", re.I)


def split_indicators(text: str) -> list[str]:
    """Several indicators in one cell: one a line, or separated by bullets ('• a • b')."""
    parts: list[str] = []
    for line in clean_text(text).split("\n"):
        for piece in re.split(r"\s*[\u2022\u25cf\u25aa]\s*", line):
            piece = _BULLET.sub("", piece).strip()
            if piece:
                parts.append(piece)
    return parts


def split_list(text: str) -> list[str]:
    """Several ministries in one cell: commas, semicolons or lines (' and ' is resolved
    against the ministry names, since names contain it)."""
    return [p.strip(" .") for p in re.split(r"[,;\n\u060c]+", clean_text(text)) if p.strip(" .")]
