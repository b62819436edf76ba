"""Register the bundled Noto Sans Bengali and make it part of the application font.

Offscreen Qt and many office PCs have no Bengali font, and then Bangla is drawn as empty boxes.
Registering the OFL font from resources/fonts/ gives every machine the same shaping (HarfBuzz
inside Qt) and the same screenshots. The font has no Latin letters, so the application font is
a family list: the platform's UI font for Latin text, Noto Sans Bengali for Bangla; in the
Bangla interface Noto comes first so that Bangla digits and punctuation match the letters.
"""

from __future__ import annotations

import logging
from pathlib import Path

from nsss_desktop import paths
from ui.qt import QApplication, QFont, QFontDatabase, QFontInfo

log = logging.getLogger(__name__)

BANGLA_FAMILY = "Noto Sans Bengali"
FONT_FILES = ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf")
MIN_POINT_SIZE = 10.0  # Bangla conjuncts are hard to read below 10 pt

_loaded: list[str] = []
_latin_family: str | None = None


def fonts_dir() -> Path:
    return paths.resources_dir() / "fonts"


def load_bundled_fonts() -> list[str]:
    """Register the bundled font files once; return the families they provide."""
    if _loaded:
        return list(_loaded)
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _loaded:
                _loaded.append(family)
    return list(_loaded)


def font_families(lang: str) -> list[str]:
    """The family list for the interface language (Latin UI font + the Bangla font)."""
    global _latin_family
    if _latin_family is None:
        _latin_family = QFontInfo(QApplication.font()).family()
    latin = [_latin_family] if _latin_family and _latin_family != BANGLA_FAMILY else []
    return [BANGLA_FAMILY, *latin] if lang == "bn" else [*latin, BANGLA_FAMILY]


def apply_app_font(lang: str) -> QFont:
    """Set the application font for `lang`; widgets pick it up through FontChange events."""
    load_bundled_fonts()
    font = QFont(QApplication.font())
    font.setFamilies(font_families(lang))
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    QApplication.setFont(font)
    return font
