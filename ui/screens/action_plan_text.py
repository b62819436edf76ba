"""Translatable words for the Action Plan screens: statuses, approval states, evidence kinds,
import field names and problem codes, evidence refusals, and date/size formatting.

The core stores stable codes ("in_progress", "type_not_allowed") and speaks English; the
screens show these by code, translated, so a Bangla user reads Bangla for every fixed word.
Texts the core builds with data in them (a problem's cell message) are shown as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from nsss_desktop.errors import EvidenceRefused, NsssError
from nsss_desktop.services import evidence_types
from ui import core_text, i18n
from ui.qt import QT_TRANSLATE_NOOP, QDate, QLocale, translate

STATUSES = {
    "not_started": QT_TRANSLATE_NOOP("ActivityStatus", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("ActivityStatus", "In progress"),
    "completed": QT_TRANSLATE_NOOP("ActivityStatus", "Completed"),
    "delayed": QT_TRANSLATE_NOOP("ActivityStatus", "Delayed"),
    "dropped": QT_TRANSLATE_NOOP("ActivityStatus", "Dropped"),
}
# Statuses a focal point records; "delayed" is also derived from the due date.
RECORDABLE = ("not_started", "in_progress", "completed", "delayed", "dropped")

APPROVALS = {
    "draft": QT_TRANSLATE_NOOP("ApprovalState", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("ApprovalState", "Submitted"),
    "approved": QT_TRANSLATE_NOOP("ApprovalState", "Approved"),
    "returned": QT_TRANSLATE_NOOP("ApprovalState", "Returned for revision"),
}
# A pending (not yet approved) status, as the register shows it: whole phrases per state.
PENDING = {
    "draft": QT_TRANSLATE_NOOP("ApprovalState", "{status} (draft)"),
    "submitted": QT_TRANSLATE_NOOP("ApprovalState", "{status} (submitted)"),
    "returned": QT_TRANSLATE_NOOP("ApprovalState", "{status} (returned)"),
}

EVIDENCE_KINDS = {
    "circular": QT_TRANSLATE_NOOP("EvidenceKind", "Circular"),
    "gazette": QT_TRANSLATE_NOOP("EvidenceKind", "Gazette"),
    "minutes": QT_TRANSLATE_NOOP("EvidenceKind", "Minutes"),
    "report": QT_TRANSLATE_NOOP("EvidenceKind", "Report"),
    "photo": QT_TRANSLATE_NOOP("EvidenceKind", "Photo"),
    "other": QT_TRANSLATE_NOOP("EvidenceKind", "Other"),
}

# evidence_types.FileType.label -> translatable label (the Type column).
FILE_TYPES = {
    "PDF": QT_TRANSLATE_NOOP("FileType", "PDF"),
    "PNG image": QT_TRANSLATE_NOOP("FileType", "PNG image"),
    "JPEG image": QT_TRANSLATE_NOOP("FileType", "JPEG image"),
    "GIF image": QT_TRANSLATE_NOOP("FileType", "GIF image"),
    "WebP image": QT_TRANSLATE_NOOP("FileType", "WebP image"),
    "TIFF image": QT_TRANSLATE_NOOP("FileType", "TIFF image"),
    "Word document": QT_TRANSLATE_NOOP("FileType", "Word document"),
    "Excel workbook": QT_TRANSLATE_NOOP("FileType", "Excel workbook"),
    "PowerPoint presentation": QT_TRANSLATE_NOOP("FileType", "PowerPoint presentation"),
    "Word 97-2003 document": QT_TRANSLATE_NOOP("FileType", "Word 97-2003 document"),
    "Excel 97-2003 workbook": QT_TRANSLATE_NOOP("FileType", "Excel 97-2003 workbook"),
    "PowerPoint 97-2003 presentation": QT_TRANSLATE_NOOP("FileType",
                                                         "PowerPoint 97-2003 presentation"),
}

# What a refused file's extension claimed it was ("…, not a PDF").
CLAIMED = {
    ".pdf": QT_TRANSLATE_NOOP("EvidenceRefusal", "a PDF"),
    ".png": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".jpg": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".jpeg": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".gif": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".webp": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".tif": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".tiff": QT_TRANSLATE_NOOP("EvidenceRefusal", "an image"),
    ".doc": QT_TRANSLATE_NOOP("EvidenceRefusal", "a Word document"),
    ".docx": QT_TRANSLATE_NOOP("EvidenceRefusal", "a Word document"),
    ".xls": QT_TRANSLATE_NOOP("EvidenceRefusal", "an Excel workbook"),
    ".xlsx": QT_TRANSLATE_NOOP("EvidenceRefusal", "an Excel workbook"),
    ".ppt": QT_TRANSLATE_NOOP("EvidenceRefusal", "a PowerPoint presentation"),
    ".pptx": QT_TRANSLATE_NOOP("EvidenceRefusal", "a PowerPoint presentation"),
}

# evidence_types.describe() and the container checks -> what the file really is.
WHAT_IT_IS = {
    "a Windows program (EXE/DLL)": QT_TRANSLATE_NOOP("EvidenceRefusal", "an EXE program"),
    "a Linux program": QT_TRANSLATE_NOOP("EvidenceRefusal", "a Linux program"),
    "a script": QT_TRANSLATE_NOOP("EvidenceRefusal", "a script"),
    "a web page or XML/SVG document": QT_TRANSLATE_NOOP("EvidenceRefusal",
                                                        "a web page or XML/SVG document"),
    "a compressed archive": QT_TRANSLATE_NOOP("EvidenceRefusal", "a compressed archive"),
    "an RTF document (save it as PDF or DOCX)": QT_TRANSLATE_NOOP(
        "EvidenceRefusal", "an RTF document (save it as PDF or DOCX)"),
    "an Office document with macros": QT_TRANSLATE_NOOP("EvidenceRefusal",
                                                        "an Office document with macros"),
}
_LOOKS_LIKE = re.compile(r"This file looks like (?P<what>.+), which cannot be attached\.")

REFUSALS = {
    "too_large": QT_TRANSLATE_NOOP("EvidenceRefusal", "The file is larger than 50 MiB: attach a "
                                                      "smaller scan or split the document."),
    "empty": QT_TRANSLATE_NOOP("EvidenceRefusal", "The file is empty (0 bytes). Choose it again; "
                                                  "it may not have finished copying."),
    "bad_name": QT_TRANSLATE_NOOP("EvidenceRefusal", "The file's name has no usable characters. "
                                                     "Rename the file and attach it again."),
    "hash_mismatch": QT_TRANSLATE_NOOP("EvidenceRefusal", "The file changed while it was being "
                                                          "attached. Close any program that is "
                                                          "editing it and attach it again."),
    "unknown_activity": QT_TRANSLATE_NOOP("EvidenceRefusal", "This activity is no longer in the "
                                                             "database."),
}

# Import preview: the core's English field names (FieldChange.field).
FIELDS = {
    "No.": QT_TRANSLATE_NOOP("ImportFields", "No."),
    "objective": QT_TRANSLATE_NOOP("ImportFields", "Objective"),
    "new objective": QT_TRANSLATE_NOOP("ImportFields", "New objective"),
    "activity": QT_TRANSLATE_NOOP("ImportFields", "Activity"),
    "performance indicators": QT_TRANSLATE_NOOP("ImportFields", "Performance indicators"),
    "timeframe": QT_TRANSLATE_NOOP("ImportFields", "Timeframe"),
    "due date": QT_TRANSLATE_NOOP("ImportFields", "Due date"),
    "recurrence": QT_TRANSLATE_NOOP("ImportFields", "Recurrence"),
    "responsible ministry": QT_TRANSLATE_NOOP("ImportFields", "Responsible ministry"),
    "shared responsibility": QT_TRANSLATE_NOOP("ImportFields", "Shared responsibility"),
    "title": QT_TRANSLATE_NOOP("ImportFields", "Plan title"),
    "plan": QT_TRANSLATE_NOOP("ImportFields", "New plan"),
}

# Import problems by their stable code: a translated headline; the core's message follows.
PROBLEMS = {
    "missing_column": QT_TRANSLATE_NOOP("ImportProblems", "A required column is missing"),
    "empty_sheet": QT_TRANSLATE_NOOP("ImportProblems", "No activities below the header row"),
    "empty_activity": QT_TRANSLATE_NOOP("ImportProblems", "The activity text is empty"),
    "empty_objective": QT_TRANSLATE_NOOP("ImportProblems", "The objective is empty"),
    "unknown_ministry": QT_TRANSLATE_NOOP("ImportProblems", "Unknown ministry"),
    "bad_timeframe": QT_TRANSLATE_NOOP("ImportProblems", "The timeframe cannot be read"),
    "timeframe_free_text": QT_TRANSLATE_NOOP("ImportProblems", "The timeframe is free text"),
    "duplicate_number": QT_TRANSLATE_NOOP("ImportProblems", "The No. appears twice"),
    "duplicate_activity": QT_TRANSLATE_NOOP("ImportProblems", "The activity appears twice"),
    "corrupt": QT_TRANSLATE_NOOP("ImportProblems", "The file is damaged or not a workbook"),
    "too_large": QT_TRANSLATE_NOOP("ImportProblems", "The file is too large"),
    "too_many_rows": QT_TRANSLATE_NOOP("ImportProblems", "The sheet has too many rows"),
    "unsupported_format": QT_TRANSLATE_NOOP("ImportProblems", "This Excel format cannot be read"),
    "macro": QT_TRANSLATE_NOOP("ImportProblems", "The workbook contains macros"),
    "encrypted": QT_TRANSLATE_NOOP("ImportProblems", "The workbook is password-protected"),
}

# Progress statuses the Action Plan services report (others fall back to ui.core_text).
_STATUS_LINES = (
    QT_TRANSLATE_NOOP("CoreStatus", "Checking the rows…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Saving…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Checking the file…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Storing the file (encrypted)…"),
)


def status(value: str | None) -> str:
    return translate("ActivityStatus", STATUSES.get(value or "", value or ""))


def pending(value: str, approval: str | None) -> str:
    """'In progress (draft)': a status recorded but not yet approved."""
    template = PENDING.get(approval or "draft", PENDING["draft"])
    return translate("ApprovalState", template).format(status=status(value))


def approval(value: str) -> str:
    return translate("ApprovalState", APPROVALS.get(value, value))


def evidence_kind(value: str) -> str:
    return translate("EvidenceKind", EVIDENCE_KINDS.get(value, value))


def file_type(media_type: str) -> str:
    kind = evidence_types.BY_MEDIA_TYPE.get(media_type)
    if kind is None:
        return media_type
    return translate("FileType", FILE_TYPES.get(kind.label, kind.label))


def field(name: str) -> str:
    return translate("ImportFields", FIELDS[name]) if name in FIELDS else name


def problem(code: str) -> str:
    return translate("ImportProblems", PROBLEMS[code]) if code in PROBLEMS else code


def refusal(error: NsssError, source: Path | None = None) -> str:
    """The specific sentence for a refused evidence file, in the interface language."""
    if not isinstance(error, EvidenceRefused):
        text = core_text.message(error.message)
        return f"{text} {core_text.message(error.hint)}".strip()
    if error.code == "type_not_allowed":
        found = _LOOKS_LIKE.fullmatch(error.message)
        what = found.group("what") if found else ""
        what_text = translate("EvidenceRefusal", WHAT_IT_IS.get(
            what, QT_TRANSLATE_NOOP("EvidenceRefusal", "a file type that is not accepted")))
        claimed = CLAIMED.get(source.suffix.lower()) if source is not None else None
        if claimed:
            return translate("EvidenceRefusal", "This file is {what}, not {claimed}: only PDF, "
                             "images, Word, Excel and PowerPoint files are accepted.").format(
                what=what_text, claimed=translate("EvidenceRefusal", claimed))
        return translate("EvidenceRefusal", "This file is {what}: only PDF, images, Word, Excel "
                         "and PowerPoint files are accepted.").format(what=what_text)
    if error.code in REFUSALS:
        return translate("EvidenceRefusal", REFUSALS[error.code])
    return str(error)


def format_date(value: date | None) -> str:
    """'30 Jun 2017' in the interface language's month names and digits; '—' when unknown."""
    if value is None:
        return "—"
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def format_timestamp(value: str) -> str:
    """A stored UTC ISO timestamp as local date and time ('25 Nov 2026, 14:05')."""
    try:
        moment = datetime.fromisoformat(value).astimezone()
    except ValueError:
        return value
    day = QLocale().toString(QDate(moment.year, moment.month, moment.day), "d MMM yyyy")
    return f"{day}, {i18n.digits(moment.strftime('%H:%M'))}"


def format_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
