"""The Comments tab of an activity: the discussion as a threaded tree, and a box to add to it.

Comments are append-only in the database (the journal refuses UPDATE and DELETE), so this tab
offers no edit or delete at all: a correction is a new comment, usually a reply to the one it
corrects, and the tab says so. Replies hang under the comment they answer.
"""

from __future__ import annotations

from nsss_desktop.errors import NsssError
from nsss_desktop.services import comments
from nsss_desktop.services.comments import CommentNode
from nsss_desktop.services.register_views import ActivityDetail
from nsss_desktop.store.database import Database
from ui import core_text
from ui.jobs import Job
from ui.qt import (
    QEvent,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_widgets import MessageBar

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole


class CommentsTab(QWidget):
    """Emits `saved(comment_id)` after a comment or reply was appended."""

    saved = Signal(str)

    def __init__(self, db: Database, activity_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._activity_id = db, activity_id
        self.job: Job[str] | None = None
        self.count = 0
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().resizeSection(0, 600)
        self.tree.header().resizeSection(1, 160)
        self.append_only = QLabel()
        self.append_only.setWordWrap(True)
        self.append_only.setStyleSheet("color:#555;")
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(80)
        self.add_button, self.reply_button = QPushButton(), QPushButton()
        self.reply_button.setEnabled(False)
        self.message = MessageBar()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.append_only)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        qconnect(self.add_button.clicked, lambda: self.add(reply=False))
        qconnect(self.reply_button.clicked, lambda: self.add(reply=True))
        qconnect(self.tree.currentItemChanged, lambda *_a: self._update_buttons())
        qconnect(self.editor.textChanged, self._update_buttons)
        self.retranslate_ui()

    def set_detail(self, detail: ActivityDetail) -> None:
        selected = self.selected_comment_id()
        self.tree.clear()
        self.count = 0
        for node in detail.comments:
            self._add_node(self.tree.invisibleRootItem(), node)
        self.tree.expandAll()
        if selected:
            self.select_comment(selected)
        self._update_buttons()

    def _add_node(self, parent: QTreeWidgetItem, node: CommentNode) -> None:
        self.count += 1
        author = node.author_name or self.tr("Local user")
        item = QTreeWidgetItem(parent, [node.body, author, text.format_timestamp(node.created_at)])
        item.setData(0, COMMENT_ID_ROLE, node.id)
        item.setToolTip(0, node.body)
        for reply in node.replies:
            self._add_node(item, reply)

    def selected_comment_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, COMMENT_ID_ROLE) if item is not None else None

    def select_comment(self, comment_id: str) -> bool:
        for item in self._items():
            if item.data(0, COMMENT_ID_ROLE) == comment_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def is_dirty(self) -> bool:
        return bool(self.editor.toPlainText().strip())

    def discard(self) -> None:
        self.editor.clear()
        self.message.clear_message()

    def _update_buttons(self) -> None:
        has_text = self.is_dirty()
        self.add_button.setEnabled(has_text)
        self.reply_button.setEnabled(has_text and self.selected_comment_id() is not None)

    def add(self, *, reply: bool) -> None:
        """Append the editor's text as a comment, or as a reply to the selected comment."""
        body = self.editor.toPlainText().strip()
        if not body:
            self.message.show_message(self.tr("Type the comment first."), "error")
            return
        if self.job is not None and not self.job.done:
            return
        parent_id = self.selected_comment_id() if reply else None
        if reply and parent_id is None:
            self.message.show_message(self.tr("Select the comment to reply to."), "error")
            return
        db, activity_id = self._db, self._activity_id
        self.job = Job(self, lambda _s: comments.add_comment(
            db, activity_id, body, author_id=None, parent_id=parent_id), progress=False)
        self.job.success(self._saved).failure(self._failed).start()

    def _saved(self, comment_id: str) -> None:
        self.editor.clear()
        self.message.show_message(self.tr("The comment was added."), "success")
        self.saved.emit(comment_id)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, NsssError):
            self.message.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
            return
        from ui.errors import show_error

        show_error(self, error)

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([self.tr("Comment"), self.tr("By"), self.tr("When")])
        self.append_only.setText(self.tr(
            "Comments are kept as written: they cannot be edited or deleted. To correct one, "
            "select it and reply."))
        self.editor.setPlaceholderText(self.tr("Write a comment…"))
        self.add_button.setText(self.tr("&Add comment"))
        self.reply_button.setText(self.tr("&Reply to selected"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
