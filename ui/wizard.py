"""The first-run assistant: language, database location, passphrase, then (wizard_pages.py)
creation, the recovery code shown once, and the installation's ministry.

It runs when the database file does not exist yet. Creation and the demo build run as
background jobs with progress. After creation there is no way back: the recovery code is shown
once and must be acknowledged, and Cancel is no longer offered.
"""

from __future__ import annotations

from pathlib import Path

from nsss_desktop.store.database import Database
from nsss_desktop.store.keys import MIN_PASSPHRASE_LENGTH
from ui import i18n, session
from ui.qt import (
    QButtonGroup,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    qconnect,
)
from ui.wizard_pages import CreatePage, MinistryPage, RecoveryPage

ERROR_STYLE = "color: #b00020;"
DB_SUFFIX = ".nsssdb"


class LanguagePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.english = QRadioButton("English")
        self.bangla = QRadioButton("বাংলা")
        group = QButtonGroup(self)
        for button in (self.english, self.bangla):
            group.addButton(button)
            button.setStyleSheet("font-size: 13pt; padding: 4px;")
        (self.bangla if i18n.current_language() == "bn" else self.english).setChecked(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.english)
        layout.addWidget(self.bangla)
        layout.addStretch(1)
        qconnect(self.english.toggled, lambda on: on and self.choose("en"))
        qconnect(self.bangla.toggled, lambda on: on and self.choose("bn"))
        self.retranslate_ui()

    def choose(self, lang: str) -> None:
        """Switch the interface at once; the choice is saved in the database at the end."""
        i18n.set_language(lang)
        session.remember_language(lang)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to NSSS M&E Desktop"))
        self.setSubTitle(self.tr("This assistant sets up the encrypted database on this "
                                 "computer."))
        self.intro.setText(self.tr("Choose the language of the interface. You can change it "
                                   "later in Settings."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LocationPage(QWizardPage):
    def __init__(self, default: Path) -> None:
        super().__init__()
        self.path_edit = QLineEdit(str(default))
        self.browse = QPushButton()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        qconnect(self.path_edit.textChanged, self._changed)
        qconnect(self.browse.clicked, self._browse)
        self.retranslate_ui()

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(DB_SUFFIX)

    def _problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("Type where the database file should be kept.")
        path = self.path()
        if path.exists() or path.with_name(path.name + ".keys").exists():
            return self.tr("A database already exists at this location. Choose another file "
                           "name, or close this assistant and open that database instead.")
        if path.parent.exists() and not path.parent.is_dir():
            return self.tr("The folder of this location is a file. Choose another location.")
        return ""

    def isComplete(self) -> bool:
        return not self._problem()

    def _changed(self, _text: str) -> None:
        self.message.setText(self._problem())
        self.completeChanged.emit()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where should the database be kept?"), str(self.path()),
            self.tr("NSSS database (*.nsssdb)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path_edit.setText(chosen)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Where to keep the database"))
        self.setSubTitle(self.tr("One encrypted file holds all of this installation's data."))
        self.label.setText(self.tr(
            "The database file and its key file (the same name ending in .keys) are kept here. "
            "Back them up together."))
        self.browse.setText(self.tr("Browse…"))
        self.message.setText(self._problem())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def strength(passphrase: str) -> int:
    """A rough 0-4 score: length matters most; a mix of kinds of characters helps a little."""
    length = len(passphrase)
    if length < MIN_PASSPHRASE_LENGTH:
        return 0 if length < MIN_PASSPHRASE_LENGTH // 2 else 1
    kinds = sum(any(test(c) for c in passphrase) for test in (
        str.islower, str.isupper, str.isdigit, lambda c: c.isspace() or not c.isalnum(),
        lambda c: ord(c) > 127))
    return min(4, 2 + (length >= 16) + (length >= 24 or kinds >= 3))


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.first, self.second = QLineEdit(), QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            qconnect(edit.textChanged, self._changed)
        self.first_label, self.second_label = QLabel(), QLabel()
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter_text = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        for widget in (self.first_label, self.first, self.meter, self.meter_text,
                       self.second_label, self.second, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate_ui()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        """Forget the typed passphrase once the database is created."""
        self.first.clear()
        self.second.clear()

    def problem(self) -> str:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The passphrase must have at least {count} characters; it has "
                           "{length}.").format(count=i18n.number(MIN_PASSPHRASE_LENGTH, 0),
                                               length=i18n.number(len(first), 0))
        if second and second != first:
            return self.tr("The two passphrases differ. Type the same passphrase twice.")
        if not second:
            return self.tr("Type the passphrase again to confirm it.")
        return ""

    def isComplete(self) -> bool:
        return not self.problem()

    def _changed(self, _text: str = "") -> None:
        score = strength(self.first.text())
        self.meter.setValue(score)
        colour = ("#b00020", "#b00020", "#c77700", "#2e7d32", "#1b5e20")[score]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.meter_text.setText((self.tr("Too short"), self.tr("Too short"), self.tr("Fair"),
                                 self.tr("Good"), self.tr("Strong"))[score]
                                if self.first.text() else "")
        text = self.problem()
        self.message.setText(text if self.first.text() or self.second.text() else "")
        self.completeChanged.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("The passphrase unlocks the database when this computer's "
                                 "keyring cannot."))
        self.advice.setText(self.tr(
            "Use at least {count} characters. A short sentence in English or Bangla is easy to "
            "remember and hard to guess.").format(count=i18n.number(MIN_PASSPHRASE_LENGTH, 0)))
        self.first_label.setText(self.tr("Passphrase:"))
        self.second_label.setText(self.tr("Type it again:"))
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FirstRunWizard(QWizard):
    """After `accepted`, `db` is the new, open database (the caller takes ownership)."""

    LANGUAGE, LOCATION, PASSPHRASE, CREATE, RECOVERY, MINISTRY = range(6)

    def __init__(self, db_path: Path, *, use_keyring: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_keyring = use_keyring
        self.db: Database | None = None
        self.recovery_code: str | None = None
        self.demo_loaded = False
        self.language_page = LanguagePage()
        self.location_page = LocationPage(db_path)
        self.passphrase_page = PassphrasePage()
        self.create_page = CreatePage()
        self.recovery_page = RecoveryPage()
        self.ministry_page = MinistryPage()
        for page_id, page in enumerate((self.language_page, self.location_page,
                                        self.passphrase_page, self.create_page,
                                        self.recovery_page, self.ministry_page)):
            self.setPage(page_id, page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.retranslate_ui()

    def db_path(self) -> Path:
        return self.location_page.path()

    def reject(self) -> None:
        """Before creation, Cancel quits; afterwards the user must finish (code shown once)."""
        if self.db is None:
            super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up NSSS M&E Desktop"))
        buttons = {QWizard.WizardButton.BackButton: self.tr("< Back"),
                   QWizard.WizardButton.NextButton: self.tr("Next >"),
                   QWizard.WizardButton.FinishButton: self.tr("Finish"),
                   QWizard.WizardButton.CancelButton: self.tr("Cancel")}
        for which, text in buttons.items():
            self.setButtonText(which, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
