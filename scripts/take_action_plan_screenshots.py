"""Save the Action Plan documentation screenshots to docs/screens/ (offscreen, 1366x768).

    .venv/bin/python scripts/take_action_plan_screenshots.py [--out docs/screens]

Everything happens in a throw-away folder: a demo database built for the shots, its settings
and logs; the real user folders and the OS keyring are never touched. One example status (a
draft), one comment and two example files are recorded through the same services the screens
use, so the register and the detail show what they look like in use; they exist only in that
throw-away database. Dialogs are drawn over the main window, as a user sees them.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from datetime import date, timedelta
from pathlib import Path

import openpyxl  # noqa: E402
from screenshot_sandbox import PASSPHRASE, SANDBOX, over_window, save, wait  # noqa: E402,F401 - sets up first

from nsss_desktop.domain.fiscal_year import Period  # noqa: E402
from nsss_desktop.services import action_plan, comments, evidence, reform_status  # noqa: E402
from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import WINDOW_SIZE, MainWindow  # noqa: E402
from ui.qt import QDate  # noqa: E402


def example_pdf() -> bytes:
    content = b"BT /F1 14 Tf 72 720 Td (Example circular for the screenshots) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)


def example_png(width: int = 320, height: int = 200) -> bytes:
    """A plain bar-chart-like image, so the preview has something to show."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + (zlib.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big"))

    bars = ((30, 0.35), (100, 0.55), (170, 0.7), (240, 0.85))  # (left, height fraction)
    rows = []
    for y in range(height):
        line = bytearray(bytes((246, 246, 246)) * width)
        for left, fraction in bars:
            if y >= height * (1 - fraction) - 1 and y < height - 12:
                line[left * 3:(left + 50) * 3] = bytes((33, 102, 172)) * 50
        if y == height - 12:
            line[:] = bytes((90, 90, 90)) * width
        rows.append(b"\x00" + bytes(line))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def seed(db: Database, activity_id: str) -> None:
    """One example draft status, one comment thread and two files, for the shots only."""
    day = date.today() - timedelta(days=20)
    reform_status.record_status(
        db, activity_id, status="in_progress", event_date=day,
        reporting_period=str(Period.containing(day, "quarter")),
        note="Example entry for the screenshots: draft circular shared with the Finance "
             "Division.")
    first = comments.add_comment(db, activity_id, "Example comment: the draft circular is "
                                 "with the Finance Division.", author_id=None)
    comments.add_comment(db, activity_id, "Reply: the Finance Division asked for the cost "
                         "estimate first.", author_id=None, parent_id=first)
    files = SANDBOX / "files"
    files.mkdir()
    (files / "circular.pdf").write_bytes(example_pdf())
    (files / "site-visit.png").write_bytes(example_png())
    evidence.attach(db, activity_id, files / "circular.pdf", title="Example circular (draft)",
                    kind="circular", document_date=date.today() - timedelta(days=21))
    evidence.attach(db, activity_id, files / "site-visit.png", title="Example photo",
                    kind="photo")


def edited_workbook(db: Database) -> Path:
    """The AP2016 register exported, with one activity's text edited, as a ministry would."""
    path = SANDBOX / "AP2016-from-ministry.xlsx"
    action_plan.export_plan(db, "AP2016", path, date.today())
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in range(1, sheet.max_row + 1):
        if str(sheet.cell(row, 1).value) == "3":
            sheet.cell(row, 3).value = "Increase allowance to Tk. 600 per month"
    book.save(path)
    return path


def shots(out: Path, db: Database) -> None:
    window = MainWindow(db)
    window.resize(WINDOW_SIZE)
    window.show()
    screen = window.show_screen("action_plan")
    wait(screen.is_ready)  # type: ignore[attr-defined]
    first = screen.model.row_at(0).activity_id  # type: ignore[attr-defined]
    save(window.grab(), out, "action-plan-register.png")

    dialog = screen.preview_import(edited_workbook(db), "AP2016")  # type: ignore[attr-defined]
    wait(lambda: dialog.report is not None)
    save(over_window(window, dialog), out, "action-plan-import-preview.png")
    dialog.reject()

    detail = screen.open_detail(first)  # type: ignore[attr-defined]
    wait(detail.is_ready)
    form = detail.status_tab
    form.status_combo.setCurrentIndex(form.status_combo.findData("completed"))
    tomorrow = date.today() + timedelta(days=1)
    form.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    form.validate()  # the inline message for a date after today
    save(over_window(window, detail), out, "activity-detail-status.png")
    form.discard()

    detail.tabs.setCurrentWidget(detail.evidence_tab)
    tab = detail.evidence_tab
    tab.table.selectRow(1)
    job = tab.preview_image(tab.selected())
    wait(lambda: job.done)
    fake = SANDBOX / "files" / "annual-report.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode")
    job = tab.attach_file(fake, "Annual report", "report")
    wait(lambda: job.done)
    save(over_window(window, detail), out, "activity-detail-evidence.png")
    detail.close()

    i18n.set_language("bn")
    wait(lambda: window.nav.item(0).text() != "Overview")
    wait(lambda: screen.plan_combo.itemText(0) != "All plans")  # type: ignore[attr-defined]
    save(window.grab(), out, "action-plan-register-bn.png")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")
    db, _ = Database.create(SANDBOX / "screens.nsssdb", PASSPHRASE, use_keyring=False)
    try:
        build_demo(db)
        with db.reader() as session:
            first = action_plan.register_rows(session, as_of=date.today())[0].activity_id
        seed(db, first)
        shots(args.out, db)
    finally:
        from ui.jobs import wait_for_jobs

        wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
