"""Small widgets the Action Plan screens share: an inline message bar and the status chip.

Messages stay inside the screen or dialog they concern (style rule 6): a refused file or an
invalid date is explained next to what caused it, without a modal box to dismiss. The chip
colours a status the same way everywhere, with the text always drawn too, so the status never
depends on telling colours apart.
"""

from __future__ import annotations

from ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QLabel,
    QModelIndex,
    QPainter,
    QPen,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
)

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the status code of a register row
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2  # the translated pending text, or None

# (text colour, fill) per status: readable on white and in grey-scale print.
CHIP_COLOURS = {
    "completed": ("#1b5e20", "#c8e6c9"),
    "in_progress": ("#0d47a1", "#bbdefb"),
    "delayed": ("#b71c1c", "#ffcdd2"),
    "not_started": ("#424242", "#e0e0e0"),
    "dropped": ("#4e342e", "#d7ccc8"),
}
_STYLES = {
    "info": "background:#e8f0fe; color:#0b3d91; border:1px solid #9ab6e8;",
    "success": "background:#e6f4ea; color:#1b5e20; border:1px solid #8bc59a;",
    "error": "background:#fdecea; color:#8a1c12; border:1px solid #e5a39c;",
}


class MessageBar(QLabel):
    """A one-paragraph message in the layout: info, success or error; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setStyleSheet(f"QLabel {{ {_STYLES[kind]} border-radius:4px; padding:6px; }}")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()


def field_error_label() -> QLabel:
    """The red line under a form field that says what is wrong with it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color:#b00020;")
    label.hide()
    return label


class StatusChipDelegate(QStyledItemDelegate):
    """Draws a register row's status as a coloured chip, with a pending draft below it."""

    PAD_X, PAD_Y, GAP = 8, 3, 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # selection and focus background, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        code = index.data(STATUS_ROLE) or "not_started"
        fg, bg = CHIP_COLOURS.get(code, CHIP_COLOURS["not_started"])
        metrics = QFontMetrics(opt.font)
        rect = opt.rect.adjusted(4, 4, -4, -4)
        chip_w = min(metrics.horizontalAdvance(text) + 2 * self.PAD_X + 2, rect.width())
        chip = QRect(rect.left(), rect.top(), chip_w, metrics.height() + 2 * self.PAD_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(fg), 1))
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(QColor(fg))
        painter.setFont(opt.font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                            chip.width() - 2 * self.PAD_X + 2))
        pending = index.data(PENDING_ROLE)
        if pending:
            font = QFont(opt.font)
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
            below = QRect(rect.left() + 2, chip.bottom() + self.GAP, rect.width() - 2,
                          rect.bottom() - chip.bottom() - self.GAP)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap), "→ " + pending)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        height = metrics.height() + 2 * self.PAD_Y + 8
        pending = index.data(PENDING_ROLE)
        if pending:  # wrapped to the column's width, which the table view passes in
            width = max(option.rect.width() - 10, 40)
            box = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                       int(Qt.TextFlag.TextWordWrap), "→ " + pending)
            height += self.GAP + box.height()
        return QSize(metrics.horizontalAdvance(text) + 2 * self.PAD_X + 8, height)
