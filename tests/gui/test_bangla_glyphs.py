"""Bangla is drawn with real, shaped glyphs from the bundled font, never as empty boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import fonts

SAMPLE = "সমাজকল্যাণ মন্ত্রণালয়, উপকারভোগী, বিজ্ঞান"
LETTERS = [c for c in SAMPLE if c not in " ,"]


def bundled() -> Path:
    return fonts.fonts_dir() / "NotoSansBengali-Regular.ttf"


def test_bundled_font_has_every_character(app) -> None:  # noqa: ANN001
    from ui.qt import QRawFont

    raw = QRawFont(str(bundled()), 24)
    assert raw.isValid() and raw.familyName() == fonts.BANGLA_FAMILY
    missing = [c for c in LETTERS if not raw.supportsCharacter(ord(c))]
    assert missing == []
    assert 0 not in raw.glyphIndexesForString(SAMPLE.replace(" ", "").replace(",", ""))


def test_app_font_uses_the_bundled_font(app) -> None:  # noqa: ANN001
    from ui import i18n
    from ui.qt import QApplication, QFont, QFontMetrics

    assert fonts.BANGLA_FAMILY in fonts.load_bundled_fonts()
    i18n.set_language("bn")
    font = QApplication.font()
    assert font.families()[0] == fonts.BANGLA_FAMILY
    metrics = QFontMetrics(QFont(fonts.BANGLA_FAMILY))
    assert all(metrics.inFontUcs4(ord(c)) for c in LETTERS)


def test_conjuncts_are_shaped(app) -> None:  # noqa: ANN001
    """HarfBuzz joins ক্ষ/জ্ঞ and reorders ি: fewer glyphs than code points."""
    from ui.qt import QFont, QTextLayout

    layout = QTextLayout("বিজ্ঞান", QFont(fonts.BANGLA_FAMILY, 24))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    glyphs = sum(len(run.glyphIndexes()) for run in layout.glyphRuns())
    assert 0 < glyphs < len("বিজ্ঞান")
    assert all(index != 0 for run in layout.glyphRuns() for index in run.glyphIndexes())


def render(text: str) -> bytes:
    from ui.qt import QColor, QFont, QImage, QPainter, Qt

    image = QImage(900, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(fonts.BANGLA_FAMILY, 20))
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return bytes(image.constBits())


@pytest.mark.parametrize("text", [SAMPLE])
def test_rendering_is_not_blank_and_not_boxes(app, text: str) -> None:  # noqa: ANN001
    blank = render("")
    drawn = render(text)
    boxes = render("\u25a1" * len(text))
    assert drawn != blank
    assert drawn != boxes
    white = b"\xff\xff\xff\xff"
    ink = sum(1 for i in range(0, len(drawn), 4) if drawn[i:i + 4] != white)
    assert ink > 500  # real strokes, not a stray pixel
