"""Settings: the interface language (saved in the database) and this installation's facts.

The language is domain configuration, so it lives in the encrypted database (`language`); it is
also remembered in the UI session so the unlock dialog can use it before the database is open.
"""

from __future__ import annotations

from nsss_desktop.services import overview, settings
from nsss_desktop.store.database import Database
from ui import i18n, session
from ui.jobs import Job
from ui.qt import (
    QButtonGroup,
    QEvent,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)


class SettingsScreen(QWidget):
    ready = Signal()
    language_saved = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._info: overview.Installation | None = None
        self.language_box = QGroupBox()
        self.english = QRadioButton("English")
        self.bangla = QRadioButton("বাংলা")
        self._group = QButtonGroup(self)
        for button in (self.english, self.bangla):
            self._group.addButton(button)
        box_layout = QVBoxLayout(self.language_box)
        box_layout.addWidget(self.english)
        box_layout.addWidget(self.bangla)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        box_layout.addWidget(self.language_note)

        self.install_box = QGroupBox()
        self.form = QFormLayout(self.install_box)
        self.ministry_label, self.ministry_value = QLabel(), QLabel()
        self.path_label, self.path_value = QLabel(), QLabel(str(db.path))
        self.path_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.ministry_label, self.ministry_value)
        self.form.addRow(self.path_label, self.path_value)

        self.heading = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.language_box)
        layout.addWidget(self.install_box)
        layout.addStretch(1)
        self._sync_buttons()
        qconnect(self.english.toggled, lambda on: on and self.choose_language("en"))
        qconnect(self.bangla.toggled, lambda on: on and self.choose_language("bn"))
        self.retranslate_ui()

    def is_ready(self) -> bool:
        return self._info is not None

    def ensure_loaded(self) -> None:
        db = self._db  # workers capture data, never a widget
        Job(self, lambda _s: overview.installation(db), progress=False) \
            .success(self._show_info).start()

    def _show_info(self, info: overview.Installation) -> None:
        self._info = info
        self.retranslate_ui()
        self.ready.emit()

    def _sync_buttons(self) -> None:
        button = self.bangla if i18n.current_language() == "bn" else self.english
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)

    def choose_language(self, lang: str) -> None:
        """Switch now, then save the choice in the database in the background."""
        if lang == i18n.current_language():
            return
        i18n.set_language(lang)
        session.remember_language(lang)
        db = self._db
        Job(self, lambda _s: settings.set_values(db, {"language": lang}),
            progress=False).success(lambda _r: self.language_saved.emit(lang)).start()

    def retranslate_ui(self) -> None:
        self.heading.setText("<h2>{}</h2>".format(self.tr("Settings")))
        self.language_box.setTitle(self.tr("Interface language"))
        self.language_note.setText(self.tr(
            "The change applies at once and is saved in this installation's database."))
        self.install_box.setTitle(self.tr("This installation"))
        self.ministry_label.setText(self.tr("Ministry:"))
        self.path_label.setText(self.tr("Database file:"))
        home = self._info.home_ministry if self._info else None
        if home is None:
            self.ministry_value.setText(self.tr("None chosen (GED or viewer)"))
        else:
            code, name_en, name_bn = home
            name = name_bn if i18n.current_language() == "bn" and name_bn else name_en
            self.ministry_value.setText(f"{name} ({code})")
        self._sync_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
