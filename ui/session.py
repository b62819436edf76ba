"""Cosmetic UI session state (last language, last database location) in QSettings.

Kept apart from the encrypted database on purpose (style rule 12): the unlock dialog must speak
the user's language before the database, which holds the real `language` setting, is open.
Tests point QSettings at a temporary folder (tests/gui/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QSettings

ORGANISATION = "GED"
APPLICATION = "nsss-me-desktop"


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                     APPLICATION)


def last_language() -> str | None:
    value = _settings().value("ui/language")
    return value if value in ("en", "bn") else None


def remember_language(lang: str) -> None:
    _settings().setValue("ui/language", lang)


def last_db_path() -> Path | None:
    value = _settings().value("ui/last_db_path")
    return Path(value) if isinstance(value, str) and value else None


def remember_db_path(path: Path) -> None:
    _settings().setValue("ui/last_db_path", str(path))
