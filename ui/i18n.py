"""The interface language: Qt translators, the default QLocale, the font, and number display.

All user-visible strings go through `self.tr()` / `translate()`; this module only decides which
catalogs are installed. Installing or removing a translator makes Qt send `LanguageChange` to
every widget, whose `retranslate_ui()` then redraws its texts (style rule 11). PySide6 ships no
`qtbase_bn.qm`, so our own small `qtbase_bn` catalog translates Qt's standard buttons.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

from nsss_desktop import paths
from nsss_desktop.domain.numbers import format_decimal, to_bangla_digits
from ui import fonts
from ui.qt import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("en", "bn")
CATALOGS = ("nsss", "qtbase")  # our strings, then the substitute for Qt's own

_current = "en"
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def current_language() -> str:
    return _current


def set_language(lang: str) -> None:
    """Install the catalogs for `lang` and update locale and font; widgets retranslate live."""
    global _current
    if lang not in LANGUAGES:
        lang = "en"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    # Qt sends LanguageChange synchronously from (un)installTranslator, so everything that
    # retranslate_ui() reads (language, locale, font) must be switched before that.
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Bengali, QLocale.Country.Bangladesh)
                       if lang == "bn" else QLocale(QLocale.Language.English,
                                                    QLocale.Country.India))
    fonts.apply_app_font(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        for catalog in CATALOGS:
            translator = QTranslator(app)
            if translator.load(f"{catalog}_{lang}", str(translations_dir())):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("translation catalog %s_%s.qm not found", catalog, lang)


def number(value: Decimal | int, places: int = 2) -> str:
    """Exact Indian-grouped number in the current language's digits."""
    return format_decimal(value, places, _current)


def digits(text: str) -> str:
    """Latin digits of an identifier-like text (fiscal years, versions) in the UI's digits."""
    return to_bangla_digits(text) if _current == "bn" else text
