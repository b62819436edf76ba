"""The report as a PDF, checked with poppler-utils: a real PDF, the Bangla font embedded,
every page rasterises and is not blank, page numbers and provenance on every page, header
rows repeated on every page of a long table, and the text extractable.

About Bangla text extraction: Qt writes a ToUnicode map glyph by glyph, so words without
conjuncts or pre-base vowel signs (চলমান, Bangla digits) come back from `pdftotext` exactly,
while a conjunct glyph (ম্প in সম্পন্ন) has no entry, and a pre-base vowel sign comes back in
visual order: বিলম্বিত extracts as "িবল…". That visual order is itself the evidence
that HarfBuzz reordered the glyphs (unshaped text would keep the logical order), so it is
asserted; everything else is checked on the English report.

These tests use pytest-qt's `qapp`, so a full QApplication exists when widget tests run in
the same session; the CLI test covers the renderer creating its own QGuiApplication.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nsss_desktop.errors import Cancelled
from nsss_desktop.reports import build_reform_report
from nsss_desktop.reports.document import ReportDocument
from nsss_desktop.tasks import TaskState
from tests.reports.conftest import JULY_1, add_activities, page_count, poppler


@pytest.fixture
def render(qapp):  # noqa: ANN001
    from ui.pdf_render import render_pdf

    return render_pdf


@pytest.fixture
def folder(tmp_path) -> Path:  # noqa: ANN001
    """An empty folder for the output (tmp_path also holds the test database)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def build(plan, lang: str = "en", **kwargs) -> ReportDocument:  # noqa: ANN001
    kwargs.setdefault("as_of", JULY_1)
    with plan.db.reader() as s:
        return build_reform_report(s, lang=lang, **kwargs)


def ink(png: Path) -> float:
    """Share of pixels on a page that are not near-white."""
    from ui.qt import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    step = 2
    dark = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            dark += image.pixelColor(x, y).value() < 200
    return dark / total


def rasterise(pdf: Path, out: Path) -> list[Path]:
    poppler("pdftoppm", "-r", "60", "-png", pdf, out / "page")
    return sorted(out.glob("page-*.png"))


def test_english_pdf(recorded, render, folder) -> None:  # noqa: ANN001
    doc = build(recorded)
    out = render(doc, folder / "reforms.pdf")
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == ["reforms.pdf"]  # no partial file
    text = poppler("pdftotext", "-layout", out, "-")
    for expected in ("Reform tracking report", "Summary by ministry or division",
                     "Total (each activity counted once)", "28.6", "Overdue activities",
                     "Not started", "(pending:", "Ministry of Social Welfare"):
        assert expected in text
    pages = page_count(out)
    for n in range(1, pages + 1):
        page = poppler("pdftotext", "-f", str(n), "-l", str(n), out, "-")
        assert f"Page {n} of {pages}" in page
        assert " ".join(doc.provenance.split()[:6]) in " ".join(page.split())
    assert "Reform tracking report" in poppler("pdfinfo", out)


def test_bangla_pdf_embeds_the_font_and_renders(recorded, render, tmp_path) -> None:  # noqa: ANN001
    out = render(build(recorded, "bn"), tmp_path / "reforms-bn.pdf")
    assert out.read_bytes().startswith(b"%PDF-")
    fonts = [line.split() for line in poppler("pdffonts", out).splitlines()[2:]]
    bengali = [f for f in fonts if f[0].endswith(("NotoSansBengali-Regular",
                                                  "NotoSansBengali-Bold"))]
    assert bengali and all(f[-5] == "yes" for f in bengali)  # the "emb" column
    pngs = rasterise(out, tmp_path)
    assert len(pngs) == page_count(out) >= 1
    assert ink(pngs[0]) > 0.02  # text and tables, not an empty page


def test_bangla_text_extracts_where_poppler_can(recorded, render, tmp_path) -> None:  # noqa: ANN001
    out = render(build(recorded, "bn"), tmp_path / "reforms-bn.pdf")
    text = poppler("pdftotext", out, "-")
    assert "চলমান" in text  # no conjunct, no pre-base vowel: round-trips
    assert "২৮.৬" in text and "২০১৭-০৭-০১" in text  # Bangla digits
    assert "িবল" in text  # বিলম্বিত: ি drawn before ব, i.e. shaped (see the module docstring)
    assert "১ / " in text  # পৃষ্ঠা ১ / N in the footer


def test_long_report_spans_pages_with_repeated_headers(recorded, render, tmp_path) -> None:  # noqa: ANN001
    add_activities(recorded, 160)
    doc = build(recorded, as_of=date(2018, 7, 1), group_by="status")
    out = render(doc, tmp_path / "long.pdf")
    pages = page_count(out)
    assert pages > 3
    for n in range(1, pages + 1):
        page = poppler("pdftotext", "-f", str(n), "-l", str(n), out, "-")
        assert f"Page {n} of {pages}" in page
        assert "Data as of local change #" in page
        if n > 1:  # the activities or overdue table continues here: its header repeats
            assert "No." in page and "Activity" in page
    assert len(rasterise(out, tmp_path)) == pages


def test_long_bangla_report_renders_every_page(recorded, render, tmp_path) -> None:  # noqa: ANN001
    add_activities(recorded, 120)
    out = render(build(recorded, "bn", as_of=date(2018, 7, 1)), tmp_path / "long-bn.pdf")
    pages = page_count(out)
    assert pages > 1
    pngs = rasterise(out, tmp_path)
    assert len(pngs) == pages
    assert all(ink(p) > 0.005 for p in pngs)
    assert f"১ / {pages}".translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")) in (
        poppler("pdftotext", "-f", "1", "-l", "1", out, "-"))


def test_tables_repeat_headers_and_fit_the_page(recorded, qapp, tmp_path) -> None:  # noqa: ANN001
    from ui.pdf_render import _writer, layout_document
    from ui.qt import QBuffer, QIODevice, QTextTable

    add_activities(recorded, 40)
    for lang in ("en", "bn"):
        doc = build(recorded, lang)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        text = layout_document(doc, _writer(buffer, doc))
        found = [f for f in text.rootFrame().childFrames() if isinstance(f, QTextTable)]
        assert len(found) == 3
        for table in found:
            assert table.format().headerRowCount() == 1
            width = text.documentLayout().frameBoundingRect(table).width()
            assert width <= text.pageSize().width() + 1


def test_a_cancelled_render_keeps_the_old_file(recorded, render, folder) -> None:  # noqa: ANN001
    out = folder / "r.pdf"
    out.write_bytes(b"old")
    task = TaskState()
    task.cancel()
    with pytest.raises(Cancelled):
        render(build(recorded), out, task=task)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["r.pdf"]
