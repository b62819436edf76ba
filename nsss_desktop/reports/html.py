"""A `ReportDocument` as the HTML subset that Qt's QTextDocument lays out (for the PDF).

Plain text generation, no Qt: `ui/pdf_render.py` lays it out and paints it. What matters for
print is decided here: each table's header row sits in `<thead>` (Qt repeats it at the top of
every page the table runs onto), a grouping column becomes a heading row spanning the table
(so the page width goes to the text columns), numbers are right-aligned and formatted for
the report's language.

Column widths: Qt's own table layout shares spare width evenly, which squeezes a long
activity text into a narrow column beside wide count columns. So, given a `measure` of text
width (the renderer measures with the real, shaped font), each column gets at least its
longest word and the spare width goes by how much more each needs to fit on one line, as
browsers lay out tables; the renderer turns on word wrapping so that words are never cut.
A long token without spaces (a web address) gets invisible break opportunities here, so it
cannot push a table past the page edge.

Pixel sizes (cell padding, borders) are CSS pixels of 1/96 inch: Qt scales them to the
device, whatever its resolution.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from nsss_desktop.reports.document import (
    GROUP,
    ROW_STYLE,
    STYLE_TOTAL,
    DashboardTable,
    ReportDocument,
    format_cell,
    is_numeric,
)

__all__ = ["BODY_PT", "TABLE_PT", "Metrics", "column_widths", "report_html", "style_sheet",
           "table_html"]

# Noto Sans Bengali draws smaller than Latin fonts at the same size: Bangla gets 1 pt more.
BODY_PT = {"en": 9.5, "bn": 10.5}
TABLE_PT = {"en": 8.5, "bn": 9.5}
NOTE_PT = {"en": 8.0, "bn": 9.0}


def style_sheet(lang: str) -> str:
    """Qt's CSS subset: font sizes in points; margins only in (CSS) pixels, which Qt scales."""
    return f"""
h1 {{ font-size: 16pt; font-weight: bold; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 12.5pt; font-weight: bold; margin-top: 16px; margin-bottom: 4px; }}
h3 {{ font-size: 10.5pt; font-weight: bold; margin-top: 10px; margin-bottom: 3px; }}
p {{ margin-top: 2px; margin-bottom: 5px; }}
p.subtitle {{ font-size: 11pt; color: #333333; margin-bottom: 6px; }}
p.note {{ font-size: {NOTE_PT[lang]}pt; color: #444444; margin-top: 1px; margin-bottom: 1px; }}
table {{ font-size: {TABLE_PT[lang]}pt; margin-top: 2px; margin-bottom: 4px; }}
th {{ background-color: #dde6ee; font-weight: bold; }}
td.group {{ background-color: #f1f1f1; font-weight: bold; }}
"""


HEADER_BG = "#dde6ee"
BORDER = "#8c8c8c"
CELL_PADDING_PX = 3
BORDER_PX = 1
LONG_TOKEN = 30  # characters without a break opportunity
_LONG_ASCII = re.compile(r"[\x21-\x7e]{" + str(LONG_TOKEN) + ",}")
_AFTER = re.compile(r"([/._?&=-])")
ZWSP = "\u200b"


@dataclass(frozen=True)
class Metrics:
    """How wide text is on the page: `measure(text, bold)` in the unit of `available` (the
    table width); `cell_extra` is a cell's padding and borders, both sides, in that unit."""

    measure: Callable[[str, bool], float]
    available: float
    cell_extra: float


def report_html(doc: ReportDocument, metrics: Metrics | None = None) -> str:
    """The whole report body: title, subtitle, then each section in order."""
    parts = [f"<h1>{_text(doc.title)}</h1>", f'<p class="subtitle">{_text(doc.subtitle)}</p>']
    for section in doc.sections:
        parts.append(f"<h2>{_text(section.heading)}</h2>")
        parts += [f"<p>{_text(p)}</p>" for p in section.paragraphs]
        for table in section.tables:
            if table.title != section.heading:
                parts.append(f"<h3>{_text(table.title)}</h3>")
            parts.append(table_html(table, doc.lang, metrics))
            parts += [f'<p class="note">{_text(n)}</p>' for n in table.notes]
        parts += [f'<p class="note">{_text(n)}</p>' for n in section.notes]
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def table_html(table: DashboardTable, lang: str, metrics: Metrics | None = None) -> str:
    shown = [c for c in table.columns if c.kind != GROUP]
    group = next((c for c in table.columns if c.kind == GROUP), None)
    widths = column_widths(table, lang, metrics) if metrics else [None] * len(shown)
    head = "".join(f'<th{_width(w)} '
                   f'align="{"right" if is_numeric(c) else "left"}" valign="bottom" '
                   f'bgcolor="{HEADER_BG}">{_text(c.label)}</th>'
                   for c, w in zip(shown, widths, strict=True))
    body: list[str] = []
    current: object = None
    for row in table.rows:
        if group is not None and row.get(group.key) != current:
            current = row.get(group.key)
            body.append(f'<tr><td class="group" colspan="{len(shown)}">'
                        f"{_text(format_cell(current, GROUP, lang))}</td></tr>")
        bold = row.get(ROW_STYLE) == STYLE_TOTAL
        cells = []
        for c in shown:
            value = _text(format_cell(row.get(c.key), c.kind, lang))
            value = f"<b>{value}</b>" if bold and value else value
            align = ' align="right"' if is_numeric(c) else ""
            cells.append(f'<td valign="top"{align}>{value}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table width="100%" border="{BORDER_PX}" cellspacing="0" '
            f'cellpadding="{CELL_PADDING_PX}" '
            f'style="border-collapse: collapse; border-color: {BORDER};">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def column_widths(table: DashboardTable, lang: str, metrics: Metrics) -> list[int]:
    """Percent widths of the shown columns (a grouping column is a heading row instead),
    adding up to exactly 100: Qt makes a table whose columns all have a percentage exactly
    as wide as their sum. A header may wrap, so it counts by its longest word only."""
    shown = [c for c in table.columns if c.kind != GROUP]
    least, most = [], []
    for c in shown:
        cells = [(format_cell(r.get(c.key), c.kind, lang), r.get(ROW_STYLE) == STYLE_TOTAL)
                 for r in table.rows]
        words = [(w, True) for w in c.label.split()] + [
            (w, b) for t, b in cells for w in t.split()]
        least.append(max((metrics.measure(w, b) for w, b in words), default=0.0)
                     + metrics.cell_extra)
        widest = max((metrics.measure(t, b) for t, b in cells), default=0.0)
        most.append(min(max(widest + metrics.cell_extra, least[-1]), metrics.available))
    spare = metrics.available - sum(least)
    if spare <= 0:  # the longest words alone overfill the page: share by them
        sizes = least
    elif sum(most) <= metrics.available:  # all fits on one line: widen in proportion
        sizes = most
    else:
        need = [m - n for m, n in zip(most, least, strict=True)]
        sizes = [n + spare * d / sum(need) for n, d in zip(least, need, strict=True)]
    widths = [max(1, int(100 * size / sum(sizes))) for size in sizes]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return widths


def _width(percent: int | None) -> str:
    return f' width="{percent}%"' if percent else ""


def _text(value: str) -> str:
    value = _LONG_ASCII.sub(lambda m: _AFTER.sub(r"\1" + ZWSP, m.group(0)), value)
    return escape(value).replace("\n", "<br/>")
