"""The small form shown after choosing a file to attach: its title, kind and document date.

The title is prefilled from the file name but is what lists and reports show, so it must not
be empty; the document date is optional (many circulars are undated scans) and, like a status
event, may not lie in the future.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_widgets import field_error_label


class AttachDialog(QDialog):
    """Asks for the evidence's title, kind and document date; `values()` after accept."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setMinimumWidth(520)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.title_edit = QLineEdit(self.path.stem.replace("_", " "))
        self.title_error = field_error_label()
        self.kind_combo = QComboBox()
        self.dated = QCheckBox()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        today = date.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setEnabled(False)
        self.date_error = field_error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        title_column = QVBoxLayout()
        title_column.addWidget(self.title_edit)
        title_column.addWidget(self.title_error)
        date_row = QHBoxLayout()
        date_row.addWidget(self.dated)
        date_row.addWidget(self.date_edit, 1)
        date_column = QVBoxLayout()
        date_column.addLayout(date_row)
        date_column.addWidget(self.date_error)
        form.addRow(self.labels[0], title_column)
        form.addRow(self.labels[1], self.kind_combo)
        form.addRow(self.labels[2], date_column)
        self.labels[0].setBuddy(self.title_edit)
        self.labels[1].setBuddy(self.kind_combo)
        self.labels[2].setBuddy(self.dated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        qconnect(self.dated.toggled, self.date_edit.setEnabled)
        qconnect(self.buttons.accepted, self._accept_if_valid)
        qconnect(self.buttons.rejected, self.reject)
        self.retranslate_ui()

    def values(self) -> tuple[str, str, date | None]:
        day = self.date_edit.date().toPython() if self.dated.isChecked() else None
        return self.title_edit.text().strip(), str(self.kind_combo.currentData()), day

    def validate(self) -> bool:
        title, _kind, day = self.values()
        self.title_error.hide()
        self.date_error.hide()
        ok = True
        if not title:
            self.title_error.setText(self.tr("Give the document a title, e.g. 'Circular on the "
                                             "age threshold, 2017'."))
            self.title_error.show()
            ok = False
        if day is not None and day > date.today():
            self.date_error.setText(self.tr("The document date cannot be after today."))
            self.date_error.show()
            ok = False
        return ok

    def _accept_if_valid(self) -> None:
        if self.validate():
            self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Attach evidence"))
        self.file_label.setText(self.tr("File: {name}").format(name=self.path.name))
        for label, caption in zip(self.labels, (self.tr("&Title:"), self.tr("&Kind:"),
                                                self.tr("Document &date:")), strict=True):
            label.setText(caption)
        self.dated.setText(self.tr("The document is dated"))
        kind = self.kind_combo.currentData()
        self.kind_combo.clear()
        for code in text.EVIDENCE_KINDS:
            self.kind_combo.addItem(text.evidence_kind(code), code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind or "circular"), 0))
