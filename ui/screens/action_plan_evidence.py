"""The Evidence tab of an activity: its files, and Attach, Open and Save a copy.

Evidence bytes live encrypted in the database and are checked against their SHA-256 on every
read, so nothing here writes a temporary file: an image is previewed from the verified bytes in
memory; any other file is saved, verified, into a folder the user chooses and then opened from
there with the system's program. A refused file (an .exe renamed .pdf, an empty file, one over
50 MiB) is explained under the list in the user's language, by the core's refusal code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nsss_desktop.errors import Cancelled, NsssError
from nsss_desktop.services import evidence
from nsss_desktop.services.register_views import ActivityDetail, EvidenceView
from nsss_desktop.store.database import Database
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QDesktopServices,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_attach import AttachDialog
from ui.screens.action_plan_widgets import MessageBar

PREVIEW_WIDTH = 340


class EvidenceTab(QWidget):
    """Emits `saved(evidence_id)` after a file was attached."""

    saved = Signal(str)

    def __init__(self, db: Database, activity_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._activity_id = db, activity_id
        self.files: tuple[EvidenceView, ...] = ()
        self.job: Job[object] | None = None
        self.attach_dialog: AttachDialog | None = None
        self.last_copy: Path | None = None
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col, width in enumerate((300, 110, 120, 90, 150)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.attach_button, self.open_button = QPushButton(), QPushButton()
        self.save_button = QPushButton()
        self.message = MessageBar()
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self.preview_box = QWidget()
        box = QVBoxLayout(self.preview_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.preview_caption)
        box.addWidget(scroll, 1)
        self.preview_box.hide()

        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([720, PREVIEW_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        qconnect(self.attach_button.clicked, self._choose_file)
        qconnect(self.open_button.clicked, self._open_clicked)
        qconnect(self.save_button.clicked, self._choose_folder)
        qconnect(self.table.itemSelectionChanged, self._update_buttons)
        qconnect(self.table.itemActivated, lambda _item: self._open_clicked())
        self.retranslate_ui()
        self._update_buttons()

    # --- list --------------------------------------------------------------------------------

    def set_detail(self, detail: ActivityDetail) -> None:
        selected = self.selected()
        self.files = detail.evidence
        self.table.setRowCount(len(self.files))
        for row, f in enumerate(self.files):
            values = (f.title, text.evidence_kind(f.kind), text.format_date(f.document_date),
                      text.format_size(f.size_bytes), text.file_type(f.media_type))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{f.title}\n{f.original_name}" if col == 0 else value)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()
        self._empty_caption()

    def selected(self) -> EvidenceView | None:
        row = self.table.currentRow()
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.files[row] if 0 <= row < len(self.files) and row in rows else None

    def select(self, evidence_id: str) -> bool:
        for row, f in enumerate(self.files):
            if f.id == evidence_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    # --- attach ------------------------------------------------------------------------------

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach evidence"), "",
            self.tr("Documents and images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff "
                    "*.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)"))
        if not name:
            return
        self.attach_dialog = AttachDialog(Path(name), self)
        dialog = self.attach_dialog
        qconnect(dialog.accepted, lambda: self.attach_file(dialog.path, *dialog.values()))
        dialog.open()

    def attach_file(self, path: Path, title: str, kind: str,
                    document_date: date | None = None) -> Job[object]:
        """Store the file (encrypted, checked by its content) as evidence, in a job."""
        db, activity_id, path = self._db, self._activity_id, Path(path)
        self.message.clear_message()
        self.job = Job(self, lambda state: evidence.attach(
            db, activity_id, path, title=title, kind=kind, document_date=document_date,
            task=state), title=self.tr("Attaching {name}…").format(name=path.name))
        self.job.success(lambda evidence_id: self._attached(str(evidence_id), title))
        self.job.failure(lambda error: self._failed(error, path)).start()
        return self.job

    def _attached(self, evidence_id: str, title: str) -> None:
        self.message.show_message(self.tr("Attached: {title}. The file is stored encrypted in "
                                          "the database.").format(title=title), "success")
        self.saved.emit(evidence_id)

    def _failed(self, error: BaseException, source: Path | None = None) -> None:
        if isinstance(error, Cancelled):
            self.message.show_message(self.tr("Cancelled: nothing was written."), "info")
        elif isinstance(error, NsssError):
            self.message.show_message(text.refusal(error, source), "error")
        else:
            from ui.errors import show_error

            show_error(self, error)

    # --- open and save a copy ----------------------------------------------------------------

    def _open_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.media_type.startswith("image/"):
            self.preview_image(chosen)
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the copy to open"))
        if folder:
            self.save_copy_to(Path(folder), open_after=True)

    def preview_image(self, chosen: EvidenceView) -> Job[object]:
        """Show an image from its verified bytes, in memory: no copy is written anywhere."""
        db = self._db
        self.job = Job(self, lambda _s: evidence.read(db, chosen.sha256),
                       title=self.tr("Checking the stored file…"))
        self.job.success(lambda data: self._show_image(chosen, bytes(data)))  # type: ignore[arg-type]
        self.job.failure(self._failed).start()
        return self.job

    def _show_image(self, chosen: EvidenceView, data: bytes) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.message.show_message(self.tr("This image cannot be shown here; use Save a copy "
                                              "and open it with another program."), "info")
            return
        if pixmap.width() > PREVIEW_WIDTH:
            pixmap = pixmap.scaledToWidth(PREVIEW_WIDTH,
                                          Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)
        self.preview_caption.setText(self.tr("Preview: {title}").format(title=chosen.title))
        self.preview_box.show()

    def _choose_folder(self) -> None:
        if self.selected() is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save a copy into this folder"))
        if folder:
            self.save_copy_to(Path(folder))

    def save_copy_to(self, folder: Path, *, open_after: bool = False) -> Job[object] | None:
        """Write a verified copy of the selected file into `folder` (never overwriting)."""
        chosen = self.selected()
        if chosen is None:
            return None
        db = self._db
        self.job = Job(self, lambda _s: evidence.save_copy(db, chosen.id, Path(folder)),
                       title=self.tr("Saving a verified copy…"))
        self.job.success(lambda path: self._copied(Path(str(path)), open_after))
        self.job.failure(self._failed).start()
        return self.job

    def _copied(self, path: Path, open_after: bool) -> None:
        self.last_copy = path
        self.message.show_message(self.tr("A verified copy was saved as {path}.").format(
            path=str(path)), "success")
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- language ----------------------------------------------------------------------------

    def _empty_caption(self) -> None:
        self.empty_label.setText(self.tr(
            "No evidence yet. Attach the circular, gazette, minutes or report that shows the "
            "progress.") if not self.files else self.tr(
            "Files are stored encrypted and checked before they are opened or copied."))

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Title"), self.tr("Kind"), self.tr("Document date"), self.tr("Size"),
            self.tr("Type")])
        self.attach_button.setText(self.tr("&Attach…"))
        self.open_button.setText(self.tr("&Open"))
        self.save_button.setText(self.tr("&Save a copy…"))
        self._empty_caption()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
