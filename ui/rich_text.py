"""Search snippets as safe rich text, and a list delegate that draws rich text items.

The core marks matched words in a snippet with « and » (`services.search.MARK_START/END`).
Everything else in a snippet is user data (comments, notes, evidence titles) and may contain
`<`, `&` or a whole pasted HTML page, so it is escaped first and only our own highlight markup
is added: a comment can never inject formatting, links or images into the results list.
"""

from __future__ import annotations

from html import escape

from nsss_desktop.services.search import MARK_END, MARK_START
from ui.qt import (
    QApplication,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
)

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
HIGHLIGHT = "<span style='background-color:#ffe27a; font-weight:bold'>{}</span>"
PADDING = 6


def highlight_html(snippet: str) -> str:
    """The snippet as HTML: marked words highlighted, every other character escaped.

    Unbalanced markers (a snippet cut inside a match) highlight to the end, never break the
    markup; stray end markers are dropped.
    """
    out: list[str] = []
    inside = False
    current: list[str] = []

    def flush() -> None:
        text = escape("".join(current), quote=False)
        if text:
            out.append(HIGHLIGHT.format(text) if inside else text)
        current.clear()

    for ch in snippet:
        if ch == MARK_START and not inside:
            flush()
            inside = True
        elif ch == MARK_END and inside:
            flush()
            inside = False
        elif ch in (MARK_START, MARK_END):
            continue
        else:
            current.append(ch)
    flush()
    return " ".join("".join(out).split())  # snippets keep the source's line breaks


class RichTextDelegate(QStyledItemDelegate):
    """Draws the item's `HTML_ROLE` text, wrapped to the view's width."""

    def _document(self, html: str, width: float, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(PADDING)
        doc.setHtml(html)
        doc.setTextWidth(max(width, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(HTML_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(html, opt.rect.width(), opt)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        doc = self._document(index.data(HTML_ROLE) or "", width, option)
        return QSize(int(width), int(doc.size().height()) + 2)
