"""The first-run assistant's second half: create (with optional demo data), the recovery code
shown once, and the installation's ministry. See ui/wizard.py for the first half.

`validatePage()` must answer at once, but creating the database takes a second or two, so the
Create page starts a job, answers False, and moves on by itself when the job is done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nsss_desktop.errors import Cancelled
from nsss_desktop.services import settings
from nsss_desktop.services.demo import build_demo
from nsss_desktop.store.database import Database
from ui import i18n, session
from ui.errors import show_error
from ui.jobs import Job
from ui.qt import (
    QCheckBox,
    QComboBox,
    QEvent,
    QFont,
    QLabel,
    Qt,
    QVBoxLayout,
    QWizard,
    QWizardPage,
    qconnect,
)

if TYPE_CHECKING:
    from ui.wizard import FirstRunWizard


class _Page(QWizardPage):
    """Shared plumbing only (no translated text here: tr() contexts are per class)."""

    def owner(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError


class CreatePage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.demo = QCheckBox()
        self.demo.setChecked(True)
        self.demo_note = QLabel()
        self.demo_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.demo, self.demo_note, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.created = False
        self.busy = False
        self.retranslate_ui()

    def initializePage(self) -> None:
        self.retranslate_ui()

    def validatePage(self) -> bool:
        if self.created:
            return True
        if not self.busy:
            self.start()
        return False

    def start(self) -> None:
        """Create the database in a worker, then (optionally) load the demo data."""
        wizard = self.owner()
        path, passphrase, keyring = (wizard.db_path(), wizard.passphrase_page.passphrase(),
                                     wizard.use_keyring)
        self._set_busy(True, self.tr("Creating the encrypted database…"))
        Job(self, lambda _s: Database.create(path, passphrase, use_keyring=keyring),
            title=self.tr("Creating the encrypted database…"), cancellable=False,
            min_duration_ms=0).success(self._created).failure(self._failed).start()

    def _created(self, result: tuple[Database, str]) -> None:
        wizard = self.owner()
        wizard.db, wizard.recovery_code = result
        wizard.passphrase_page.clear()
        session.remember_db_path(wizard.db.path)
        if not self.demo.isChecked():
            self._done()
            return
        db = wizard.db
        self._set_busy(True, self.tr("Loading the demo data…"))
        Job(self, lambda state: build_demo(db, task=state),
            title=self.tr("Loading the demo data…"), min_duration_ms=0) \
            .success(self._demo_loaded).failure(self._demo_failed).start()

    def _demo_loaded(self, _summary: Any) -> None:
        self.owner().demo_loaded = True
        self._done()

    def _demo_failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)
        self._done()  # the empty database is fine; demo data can be loaded later from the CLI

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False, "")
        show_error(self, error)

    def _done(self) -> None:
        self.created = True
        self._set_busy(False, "")
        self.owner().next()

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.status.setText(text)
        self.demo.setEnabled(not busy and not self.created)
        wizard = self.wizard()
        if wizard is not None:
            for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.BackButton,
                          QWizard.WizardButton.CancelButton):
                wizard.button(which).setEnabled(not busy)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Create the database"))
        self.setSubTitle(self.tr("After this step the recovery code is shown, once."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the database"))
        path = str(self.owner().db_path()) if self.wizard() is not None else ""
        self.summary.setText(self.tr("The encrypted database will be created at:\n{path}")
                             .format(path=path))
        self.demo.setText(self.tr("Load the demo data (real public figures)"))
        self.demo_note.setText(self.tr(
            "The demo data are real published figures with their sources, for trying the app "
            "out. Leave this off for a working installation."))


class RecoveryPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)  # no way back to a page that could show the code again
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.code = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setPointSize(20)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("border: 2px dashed #006a4e; padding: 16px; background: #fff;")
        self.confirm = QCheckBox()
        qconnect(self.confirm.toggled, lambda _checked: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addSpacing(8)
        layout.addWidget(self.code)
        layout.addSpacing(8)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.retranslate_ui()

    def initializePage(self) -> None:
        wizard = self.owner()
        wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.code.setText(wizard.recovery_code or "")

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def validatePage(self) -> bool:
        """Forget the code once the user has confirmed writing it down."""
        self.code.setText("")
        self.owner().recovery_code = None
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr("It is shown only this once."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Next >"))
        self.explain.setText(self.tr(
            "This code unlocks the database if the passphrase is forgotten. Write it down or "
            "print it now and keep it somewhere safe, away from this computer. It is not stored "
            "anywhere and will not be shown again."))
        self.confirm.setText(self.tr("I have written the recovery code down and will keep it "
                                     "safe"))


class MinistryPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(40)
        self.demo_note = QLabel()
        self.demo_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.combo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        self._choices: list[tuple[str, str, str | None]] | None = None
        self.saved = False
        self.retranslate_ui()

    def initializePage(self) -> None:
        db = self.owner().db
        if db is not None and self._choices is None:
            Job(self, lambda _s: settings.ministry_choices(db), progress=False) \
                .success(self._loaded).start()
        self.retranslate_ui()

    def _loaded(self, choices: list[tuple[str, str, str | None]]) -> None:
        self._choices = choices
        self._fill()
        self.completeChanged.emit()

    def _fill(self) -> None:
        current = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem(self.tr("No ministry: GED analyst or viewer"), "")
        bangla = i18n.current_language() == "bn"
        for code, name_en, name_bn in self._choices or []:
            self.combo.addItem(name_bn if bangla and name_bn else name_en, code)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(max(index, 0))

    def choose(self, code: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(code), 0))

    def isComplete(self) -> bool:
        return self._choices is not None

    def validatePage(self) -> bool:
        """Save language and ministry in a worker; Finish completes when that is done."""
        if self.saved:
            return True
        wizard = self.owner()
        db, lang, code = wizard.db, i18n.current_language(), self.combo.currentData() or None
        if db is None:
            return True
        Job(self, lambda _s: settings.save_initial(db, language=lang, ministry_code=code),
            progress=False).success(self._saved).start()
        return False

    def _saved(self, _result: object) -> None:
        self.saved = True
        self.owner().accept()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your ministry"))
        self.setSubTitle(self.tr("Whose data this installation keeps and submits."))
        self.explain.setText(self.tr(
            "Choose the ministry or division this computer works for. GED analysts and viewers "
            "choose no ministry."))
        demo = self.wizard() is not None and self.owner().demo_loaded
        self.demo_note.setText(self.tr("The list comes from the demo data just loaded.")
                               if demo else "")
        if self._choices is not None:
            self._fill()
