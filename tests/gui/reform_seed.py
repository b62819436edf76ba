"""Statuses, comments and evidence recorded on the demo database through the services.

The demo database has the Action Plan but no monitoring history, so every reform screen would
show "not started" and "delayed" only. The GUI tests and the screenshot script record a small,
plausible history here, the way a focal point would (record_status, add_comment, attach),
with dates relative to `today` so that "recently completed" and the quarterly chart always
have something to show. Bangla text goes into a comment and a status note, so a Bangla search
has hits.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

from nsss_desktop.domain.enums import ApprovalState
from nsss_desktop.services import comments, evidence, reform_screens
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.store.database import Database

APPROVED = ApprovalState.APPROVED.value
BANGLA_COMMENT = "বয়সসীমা ৬০ বছর নির্ধারণের পরিপত্র জারি করা হয়েছে।"
BANGLA_NOTE = "ভাতার পরিমাণ বৃদ্ধির প্রস্তাব অর্থ বিভাগে পাঠানো হয়েছে।"
BANGLA_DRAFT_NOTE = "খসড়া পরিপত্র যাচাইয়ের জন্য আইন মন্ত্রণালয়ে পাঠানো হয়েছে।"
BANGLA_EVIDENCE = "বয়সসীমা ৬০ বছর নির্ধারণ সংক্রান্ত পরিপত্র"
ENGLISH_COMMENT = "Coverage expansion was discussed with the Finance Division."
BANGLA_TERM = "পরিপত্র"  # in a comment, a status note and an evidence title
ENGLISH_TERM = "coverage"  # in an indicator and in ENGLISH_COMMENT


@dataclass(frozen=True)
class Seeded:
    activity: dict[str, str]  # "AP2016 1" -> activity id


def activity_ids(db: Database, today: date) -> dict[str, str]:
    """Activity ids by plan code and printed number, from the ministries view."""
    rows = {r.activity_id: r for g in reform_screens.ministry_groups(db, today) for r in g.rows}
    return {f"{r.plan_code} {r.number}": r.activity_id for r in rows.values()}


def pdf_bytes(text: bytes = b"Circular: age threshold 60") -> bytes:
    """A small valid one-page PDF (evidence accepts real PDFs only)."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
               + b"\nendstream", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              f"%%EOF\n".encode())
    return out.getvalue()


def seed(db: Database, today: date) -> Seeded:
    """Record the history; every status event is approved unless marked pending."""
    ids = activity_ids(db, today)

    def status(key: str, value: str, days_ago: int, note: str = "",
               approval: str = APPROVED) -> str:
        return record_status(db, ids[key], status=value, event_date=today - timedelta(days_ago),
                             note=note, approval_state=approval)

    status("AP2016 1", "in_progress", 470, BANGLA_DRAFT_NOTE)
    done = status("AP2016 1", "completed", 40, "Circular issued by the Ministry.")
    evidence.attach(db, ids["AP2016 1"], io.BytesIO(pdf_bytes()), title=BANGLA_EVIDENCE,
                    kind="circular", status_event_id=done, original_name="circular.pdf")
    status("AP2016 2", "in_progress", 370, "Coverage expansion plan prepared.")
    status("AP2016 3", "in_progress", 300, BANGLA_NOTE)
    status("AP2016 3", "completed", 250, "Allowance raised to Tk. 500.")
    status("AP2016 4", "dropped", 200, "Replaced by the annual review in the budget.")
    status("AP2016 5", "in_progress", 10, "List being compiled.", approval="submitted")
    status("NSSS2015 6", "in_progress", 280, "Cabinet summary in preparation.")
    comments.add_comment(db, ids["AP2016 1"], BANGLA_COMMENT, author_id=None)
    comments.add_comment(db, ids["AP2016 2"], ENGLISH_COMMENT, author_id=None)
    return Seeded(ids)
