"""Render a `ReportDocument` to an A4 PDF with Qt: QTextDocument lays out the HTML, QPdfWriter
writes it, and every page gets a footer with the provenance line and "Page n of N".

Why Qt and not a PDF library: Qt shapes Bangla with HarfBuzz (conjuncts, pre-base vowel
signs) exactly as on screen and embeds the font it used, so the printed report reads like
the screen on any PC (style.md section 10; ReportLab and matplotlib break Bangla). The
bundled Noto Sans Bengali is registered first, so no installed Bangla font is needed.

The text document is laid out on the PDF device itself (its resolution turns points into
pixels), paginated to the body height, and each page is painted separately, which leaves
room for a footer that QTextDocument.print() cannot draw. Table header rows repeat on
every page (`<thead>`, see nsss_desktop.reports.html).

Works headless: with no application object one QGuiApplication is created (on a Linux box
without a display, on the offscreen platform). From a GUI worker thread, load the fonts on
the GUI thread first (ui.fonts.load_bundled_fonts, done at start-up).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nsss_desktop.reports.document import ReportDocument, page_label
from nsss_desktop.reports.html import (
    BODY_PT,
    BORDER_PX,
    CELL_PADDING_PX,
    TABLE_PT,
    Metrics,
    report_html,
    style_sheet,
)
from nsss_desktop.tasks import TaskState
from ui import fonts
from ui.qt import (
    QBuffer,
    QColor,
    QCoreApplication,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QIODevice,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRectF,
    QSizeF,
    Qt,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

__all__ = ["RESOLUTION", "ensure_gui_app", "layout_document", "render_pdf"]

RESOLUTION = 300  # dots per inch of the PDF's coordinate space; text stays vector
MARGIN_MM = {"left": 15.0, "right": 15.0, "top": 16.0, "bottom": 12.0}
FOOTER_MM = 11.0  # above the bottom margin: a rule, the provenance line and the page number
FOOTER_PT = {"en": 7.0, "bn": 8.0}
KEEP_WITH_HEADING_MM = 35.0  # a heading needs this much of its section below it
CREATOR = "NSSS M&E Desktop"

_app: QGuiApplication | None = None  # kept alive when this module had to create it


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one when none exists (CLI, tests)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("A PDF needs fonts, so a QGuiApplication, not a "
                               "QCoreApplication, must be running.")
        return existing
    args = ["nsss-desktop"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and "QT_QPA_PLATFORM" not in os.environ:
        args += ["-platform", "offscreen"]  # never abort for want of an X server
    _app = QGuiApplication(args)
    return _app


def render_pdf(doc: ReportDocument, path: Path, *, task: TaskState | None = None) -> Path:
    """Write `doc` to `path` as a PDF; the file appears complete or not at all."""
    ensure_gui_app()
    fonts.load_bundled_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, doc)
    text = layout_document(doc, writer)
    pages = text.pageCount()
    px = writer.resolution() / 25.4
    body = text.pageSize()
    left, top = MARGIN_MM["left"] * px, MARGIN_MM["top"] * px
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if task is not None:
                task.check()
                task.set_progress(index / pages)
            if index:
                writer.newPage()
            painter.save()
            painter.translate(left, top - index * body.height())
            text.drawContents(painter, QRectF(0, index * body.height(), body.width(),
                                              body.height()))
            painter.restore()
            _footer(painter, writer, doc, index + 1, pages)
    finally:
        painter.end()
    buffer.close()
    if task is not None:
        task.set_progress(1.0)
    return _write_atomically(Path(path), bytes(buffer.data().data()))


def layout_document(doc: ReportDocument, writer: QPdfWriter) -> QTextDocument:
    """The report laid out on `writer`, paginated to the page body (public for tests)."""
    px = writer.resolution() / 25.4
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(_font(doc.lang, BODY_PT[doc.lang]))
    text.setDefaultStyleSheet(style_sheet(doc.lang))
    text.setDocumentMargin(0)
    option = QTextOption(text.defaultTextOption())
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # never cut a word (see reports.html)
    text.setDefaultTextOption(option)
    width = writer.width() - (MARGIN_MM["left"] + MARGIN_MM["right"]) * px
    height = writer.height() - (MARGIN_MM["top"] + MARGIN_MM["bottom"] + FOOTER_MM) * px
    text.setHtml(report_html(doc, _metrics(doc.lang, writer, width)))
    text.setPageSize(QSizeF(width, height))
    _keep_headings_with_next(text, KEEP_WITH_HEADING_MM * px)
    return text


def _keep_headings_with_next(text: QTextDocument, room: float) -> None:
    """Start a heading on a new page when less than `room` is left below it on its own:
    QTextDocument has no keep-with-next, and a heading alone at a page foot reads badly."""
    layout, page = text.documentLayout(), text.pageSize().height()
    block = text.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() > 1:
            rect = layout.blockBoundingRect(block)
            at_top = rect.top() % page < 1
            if not at_top and page - rect.bottom() % page < room:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def _metrics(lang: str, writer: QPdfWriter, width: float) -> Metrics:
    """Text widths in device pixels, measured with the table font as Qt will shape it."""
    plain = QFontMetricsF(_font(lang, TABLE_PT[lang]), writer)
    bold = QFontMetricsF(_font(lang, TABLE_PT[lang], bold=True), writer)
    css_px = writer.resolution() / 96  # Qt scales HTML pixels from 96 dpi to the device
    slack = 1.03  # rounding in Qt's layout; better a hair wide than a word cut
    return Metrics(lambda t, b: (bold if b else plain).horizontalAdvance(t) * slack,
                   width, 2 * (CELL_PADDING_PX + BORDER_PX) * css_px + 2)


def _writer(device: QBuffer, doc: ReportDocument) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(doc.title)
    writer.setCreator(CREATOR)
    return writer


def _font(lang: str, points: float, bold: bool = False) -> QFont:
    """The platform's Latin font and the bundled Bangla font, Bangla first in Bangla."""
    font = QFont()
    font.setFamilies(fonts.font_families(lang))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _footer(painter: QPainter, writer: QPdfWriter, doc: ReportDocument, number: int,
            total: int) -> None:
    """A thin rule, the provenance line (left, may wrap) and the page label (right)."""
    px = writer.resolution() / 25.4
    left = MARGIN_MM["left"] * px
    width = writer.width() - (MARGIN_MM["left"] + MARGIN_MM["right"]) * px
    top = writer.height() - (MARGIN_MM["bottom"] + FOOTER_MM) * px + 2 * px
    height = FOOTER_MM * px - 2 * px
    painter.save()
    painter.setPen(QPen(QColor("#8c8c8c"), max(1.0, 0.15 * px)))
    painter.drawLine(int(left), int(top), int(left + width), int(top))
    painter.setPen(QColor("#333333"))
    painter.setFont(_font(doc.lang, FOOTER_PT[doc.lang]))
    label_width = 30 * px
    text_rect = QRectF(left, top + 1.2 * px, width - label_width - 3 * px, height)
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                    | Qt.TextFlag.TextWordWrap), doc.provenance)
    label_rect = QRectF(left + width - label_width, top + 1.2 * px, label_width, height)
    painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                     page_label(number, total, doc.lang))
    painter.restore()


def _write_atomically(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
