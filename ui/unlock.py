"""The unlock dialog: passphrase (or recovery code) when the keyring cannot give the key.

Unlocking runs scrypt (about half a second), so it runs as a background job. A wrong passphrase
is shown inline and the dialog stays open for another try; the core checks the key file before
it touches the database, so a wrong try never changes anything. Other errors (missing key file,
damaged database) are shown inline too, with what to do.
"""

from __future__ import annotations

from pathlib import Path

from nsss_desktop.errors import NsssError, WrongPassphrase
from nsss_desktop.store.database import Database
from ui import core_text, i18n, session
from ui.errors import error_details, show_error
from ui.jobs import Job
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    qconnect,
)

ERROR_STYLE = "color: #b00020;"


class UnlockDialog(QDialog):
    """`db` holds the open database once the dialog is accepted."""

    def __init__(self, db_path: Path, *, use_keyring: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db: Database | None = None
        self._use_keyring = use_keyring
        self._job: Job[Database] | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path = QLabel(str(self.db_path))
        self.path.setStyleSheet("color: #555;")
        self.path.setWordWrap(True)
        self.secret_label = QLabel()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMinimumWidth(320)
        self.use_recovery = QCheckBox()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.busy = QLabel()
        self.busy.hide()
        self.language = QPushButton()
        self.language.setFlat(True)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.use_recovery)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.path)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        qconnect(self.buttons.accepted, self.try_unlock)
        qconnect(self.buttons.rejected, self.reject)
        qconnect(self.use_recovery.toggled, self._mode_changed)
        qconnect(self.language.clicked, self._toggle_language)
        qconnect(self.secret.textEdited, lambda _t: self.error.hide())
        self.setMinimumWidth(560)
        self.retranslate_ui()

    # --- unlocking ---------------------------------------------------------------------------

    def try_unlock(self) -> None:
        """Open the database in a worker with what was typed; stay open on failure."""
        text = self.secret.text()
        if not text.strip():
            self._show_error(self.tr("Type the passphrase first.")
                             if not self.use_recovery.isChecked()
                             else self.tr("Type the recovery code first."))
            return
        recovery = self.use_recovery.isChecked()
        path, keyring = self.db_path, self._use_keyring
        self._set_busy(True)
        self._job = Job(self, lambda _s: Database.open(
            path, passphrase=None if recovery else text, recovery_code=text if recovery else None,
            use_keyring=keyring), progress=False)
        self._job.success(self._unlocked).failure(self._failed).start()

    def _unlocked(self, db: Database) -> None:
        self._set_busy(False)
        self.db = db
        self.secret.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_failure(error)

    def show_failure(self, error: BaseException) -> None:
        """Wrong passphrase and other core errors inline (the dialog stays); others as dialog."""
        if isinstance(error, WrongPassphrase):
            headline = (self.tr("The recovery code is not correct.")
                        if self.use_recovery.isChecked()
                        else self.tr("The passphrase is not correct."))
            self._show_error(headline + " " + core_text.message(error.hint))
            self.secret.selectAll()
            self.secret.setFocus()
        elif isinstance(error, NsssError):
            self._show_error(core_text.error_headline(error) + "\n" + error_details(error))
        else:
            show_error(self, error)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.secret, self.use_recovery, self.unlock_button, self.language):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()

    def is_busy(self) -> bool:
        return self.busy.isVisible() or (self._job is not None and not self._job.done)

    # --- language and mode -------------------------------------------------------------------

    def _toggle_language(self) -> None:
        lang = "en" if i18n.current_language() == "bn" else "bn"
        i18n.set_language(lang)
        session.remember_language(lang)

    def _mode_changed(self, recovery: bool) -> None:
        self.secret.clear()
        self.error.hide()
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if recovery
                                else QLineEdit.EchoMode.Password)
        self.retranslate_ui()
        self.secret.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unlock NSSS M&E Desktop"))
        recovery = self.use_recovery.isChecked()
        self.intro.setText("<b>{}</b><br>{}".format(
            self.tr("This database is locked."),
            self.tr("Type the recovery code printed when the database was set up.") if recovery
            else self.tr("Type the passphrase chosen when the database was set up.")))
        self.secret_label.setText(self.tr("Recovery code:") if recovery
                                  else self.tr("Passphrase:"))
        self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" if recovery else "")
        self.use_recovery.setText(self.tr("Use the recovery code instead"))
        self.busy.setText(self.tr("Unlocking…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.quit_button.setText(self.tr("Quit"))
        # The button names the other language in that language, so anyone can find it.
        self.language.setText("English" if i18n.current_language() == "bn" else "বাংলা")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
