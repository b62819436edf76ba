"""Translatable versions of the English texts the Qt-free core produces.

The core speaks English only (it never imports Qt). Its fixed texts (error messages, hints,
progress statuses, table column labels and notes, budget stages) are listed here once with
`QT_TRANSLATE_NOOP`, so lupdate extracts them and the UI translates them by their English text.
A core text that is not listed, for example one containing a file name, is shown as it is.
"""

from __future__ import annotations

from nsss_desktop.errors import NsssError
from ui.qt import QT_TRANSLATE_NOOP, translate

# Headline of each error type, by `NsssError.code`.
ERROR_HEADLINES = {
    "error": QT_TRANSLATE_NOOP("CoreErrors", "The action could not be completed."),
    "usage": QT_TRANSLATE_NOOP("CoreErrors", "The request could not be carried out."),
    "database_missing": QT_TRANSLATE_NOOP("CoreErrors", "The database was not found."),
    "database_exists": QT_TRANSLATE_NOOP("CoreErrors", "A database already exists there."),
    "wrong_passphrase": QT_TRANSLATE_NOOP("CoreErrors",
                                          "The passphrase or recovery code is not correct."),
    "locked": QT_TRANSLATE_NOOP("CoreErrors", "The database is locked."),
    "key_file_missing": QT_TRANSLATE_NOOP("CoreErrors", "The key file is missing."),
    "not_nsss_database": QT_TRANSLATE_NOOP("CoreErrors",
                                           "This file is not an NSSS database."),
    "database_damaged": QT_TRANSLATE_NOOP("CoreErrors", "The database is damaged."),
    "disk_full": QT_TRANSLATE_NOOP("CoreErrors", "The disk is full."),
    "backup_failed": QT_TRANSLATE_NOOP("CoreErrors", "The backup failed."),
    "migration_failed": QT_TRANSLATE_NOOP("CoreErrors", "The database could not be upgraded."),
    "cancelled": QT_TRANSLATE_NOOP("CoreErrors", "Cancelled."),
    "sync_error": QT_TRANSLATE_NOOP("CoreErrors", "The sync could not be completed."),
    "not_enrolled": QT_TRANSLATE_NOOP("CoreErrors",
                                      "This installation is not enrolled with the GED server."),
    "sync_unavailable": QT_TRANSLATE_NOOP("CoreErrors", "The GED server could not be reached."),
    "sync_refused": QT_TRANSLATE_NOOP("CoreErrors", "The GED server refused the request."),
    "sync_forbidden": QT_TRANSLATE_NOOP("CoreErrors",
                                        "This data belongs to another ministry or to GED."),
    "sync_untrusted": QT_TRANSLATE_NOOP("CoreErrors", "Data from the server could not be "
                                                      "verified, so it was not accepted."),
}

# Fixed messages and hints raised by the core (same English text as in nsss_desktop/).
_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "The passphrase is not correct."),
    QT_TRANSLATE_NOOP("CoreMessages", "The recovery code is not correct."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the keyboard language and Caps Lock, then try "
                                      "again. Nothing was changed."),
    QT_TRANSLATE_NOOP("CoreMessages", "This database is locked."),
    QT_TRANSLATE_NOOP("CoreMessages", "The passphrase must have at least 10 characters."),
    QT_TRANSLATE_NOOP("CoreMessages", "A short sentence in English or Bangla is easy to "
                                      "remember and hard to guess."),
    QT_TRANSLATE_NOOP("CoreMessages", "An empty passphrase was given."),
    QT_TRANSLATE_NOOP("CoreMessages", "Type the passphrase."),
    QT_TRANSLATE_NOOP("CoreMessages", "Cancelled by the user; nothing was written."),
    QT_TRANSLATE_NOOP("CoreMessages", "This database already holds programmes."),
    QT_TRANSLATE_NOOP("CoreMessages", "Build the demo into a new database file."),
    QT_TRANSLATE_NOOP("CoreMessages", "Open it instead, or choose another file name. Nothing "
                                      "was changed."),
    QT_TRANSLATE_NOOP("CoreMessages", "Restore it from the backup that holds the database."),
    QT_TRANSLATE_NOOP("CoreMessages", "Choose the .nsssdb file of your installation. Nothing "
                                      "was changed."),
)

# Fixed messages, hints and notes of the sync client (nsss_desktop/sync_client/), as the Sync
# screen and the error dialogs show them. Texts with numbers or names are worded by the screen.
_SYNC_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "This installation is not enrolled with a GED server."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation is not enrolled; nothing can be sent."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation is not enrolled, so it has nothing to "
                                      "send."),
    QT_TRANSLATE_NOOP("CoreMessages", "No enrolment code was given."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's answer to the enrolment does not match "
                                      "this installation's key. Nothing was stored."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server address must start with https:// (the data "
                                      "is confidential in transit)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Use the https:// address GED IT gave you."),
    QT_TRANSLATE_NOOP("CoreMessages", "Write it as https://sync.ged.gov.bd (as GED IT gave it)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Copy it again exactly as the GED administrator gave it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the server address."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the server address; report this to GED IT."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the server address; if GED rotated its keys, sync "
                                      "again once the new keys are published."),
    QT_TRANSLATE_NOOP("CoreMessages", "Something between this PC and the GED server altered "
                                      "it; report this to GED IT."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server sent no server-keys document."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's keys are not signed by the GED root key "
                                      "given for this installation."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server-keys document lists no keys."),
    QT_TRANSLATE_NOOP("CoreMessages", "Report this to GED IT."),
    QT_TRANSLATE_NOOP("CoreMessages", "Report this to GED IT at once."),
    QT_TRANSLATE_NOOP("CoreMessages", "Report this to GED IT with the words above."),
    QT_TRANSLATE_NOOP("CoreMessages", "Do not edit until GED IT confirms the server; report "
                                      "this message to them."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server sent no signed checkpoint; nothing was "
                                      "applied."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's checkpoint is malformed; nothing was "
                                      "applied."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server sent rows beyond its own checkpoint; nothing "
                                      "was applied."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's log does not end at the head its checkpoint "
                                      "signs; nothing was applied."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's answer is not a page of rows."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's receipt is incomplete; it was not "
                                      "accepted."),
    QT_TRANSLATE_NOOP("CoreMessages", "Install the newer version of NSSS M&E Desktop."),
    QT_TRANSLATE_NOOP("CoreMessages", "Install the newer version of NSSS M&E Desktop, then sync "
                                      "again."),
    QT_TRANSLATE_NOOP("CoreMessages", "This happens when local reference data was not created "
                                      "from GED's baseline. Contact GED IT."),
    QT_TRANSLATE_NOOP("CoreMessages", "Later change sets wait behind it. Contact GED IT with "
                                      "this message."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the network connection and try again later; every "
                                      "change is kept in the outbox until the server confirms "
                                      "it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the connection; the next sync continues where "
                                      "this one stopped."),
    QT_TRANSLATE_NOOP("CoreMessages", "Sync again later; the upload resumes where it stopped."),
    QT_TRANSLATE_NOOP("CoreMessages", "This is not retried automatically; correct the cause and "
                                      "sync again."),
    QT_TRANSLATE_NOOP("CoreMessages", "Cancelled by the user."),
    QT_TRANSLATE_NOOP("CoreMessages", "Cancelled by the user; the transfer continues where it "
                                      "stopped at the next sync."),
    QT_TRANSLATE_NOOP("CoreMessages", "Ask GED (for reference data such as ministries and "
                                      "programmes) or the owning ministry to make this change. "
                                      "Nothing was written."),
    QT_TRANSLATE_NOOP("CoreMessages", "Shorten the long text (note, explanation or comment) and "
                                      "save again."),
    QT_TRANSLATE_NOOP("CoreMessages", "That conflict is already resolved."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server deleted this row after your edit; a deleted "
                                      "row cannot be brought back under the same identity."),
    QT_TRANSLATE_NOOP("CoreMessages", "An attachment changed while it was being written."),
    QT_TRANSLATE_NOOP("CoreMessages", "Export again."),
    QT_TRANSLATE_NOOP("CoreMessages", "Choose a new file name."),
    QT_TRANSLATE_NOOP("CoreMessages", "Choose an existing folder."),
    QT_TRANSLATE_NOOP("CoreMessages", "Free some space or choose another drive."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check the file name."),
    QT_TRANSLATE_NOOP("CoreMessages", "Choose the .nsss-reply file GED IT gave you."),
    QT_TRANSLATE_NOOP("CoreMessages", "Ask GED IT for a new reply file; do not edit it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Import it on the PC that exported the file."),
    QT_TRANSLATE_NOOP("CoreMessages", "Check which GED server made the reply."),
    QT_TRANSLATE_NOOP("CoreMessages", "Sync once over the network, or import a newer reply."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server's checkpoint has expired: the data is marked "
                                      "stale, not synced."),
    QT_TRANSLATE_NOOP("CoreMessages", "The reply's checkpoint has expired: the data is marked "
                                      "stale, not synced."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server lists this installation's key as revoked."),
    # What the server's refusal codes mean (nsss_desktop/sync_client/http.py HINTS).
    QT_TRANSLATE_NOOP("CoreMessages", "Check the enrolment code (16 letters and digits in "
                                      "groups of four) or ask the GED administrator for a new "
                                      "one."),
    QT_TRANSLATE_NOOP("CoreMessages", "Enrolment codes are valid for 24 hours: ask the GED "
                                      "administrator for a new one."),
    QT_TRANSLATE_NOOP("CoreMessages", "Each enrolment code works once: ask the GED "
                                      "administrator for a new one."),
    QT_TRANSLATE_NOOP("CoreMessages", "Try again; the sign-in took longer than five minutes."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation's key was revoked by GED. Ask the GED "
                                      "administrator to enrol it again; its unsent changes are "
                                      "kept."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation's key was suspended (two different "
                                      "changes were sent with the same number). Contact GED IT "
                                      "before doing anything else."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server does not know this installation. Check the "
                                      "server address, or enrol again with a new code."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation is enrolled with another GED server "
                                      "(pilot or production). Check the server address."),
    QT_TRANSLATE_NOOP("CoreMessages", "Contact GED IT: the server saw this installation's "
                                      "changes under another device."),
    QT_TRANSLATE_NOOP("CoreMessages", "Install the newer version of NSSS M&E Desktop, then sync "
                                      "again. Nothing was lost."),
    QT_TRANSLATE_NOOP("CoreMessages", "A change set or file is larger than the server "
                                      "accepts."),
    QT_TRANSLATE_NOOP("CoreMessages", "The change touches data another ministry owns; ask GED "
                                      "or that ministry."),
    QT_TRANSLATE_NOOP("CoreMessages", "Two different changes were sent under the same number. "
                                      "Contact GED IT; do not restore an older backup and sync "
                                      "it."),
    QT_TRANSLATE_NOOP("CoreMessages", "This installation's changes do not follow on from those "
                                      "the server has. Contact GED IT; do not restore an older "
                                      "backup and sync it."),
    # Evidence file transfers (nsss_desktop/sync_client/blobs.py).
    QT_TRANSLATE_NOOP("CoreMessages", "Evidence files can be at most 50 MiB: attach a smaller "
                                      "scan or split it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Attach the file again; it may not have finished "
                                      "copying."),
    QT_TRANSLATE_NOOP("CoreMessages", "Rename the evidence file to a plain, readable name and "
                                      "attach it again."),
    QT_TRANSLATE_NOOP("CoreMessages", "Attach a PDF, an image or a Word, Excel or PowerPoint "
                                      "file."),
    QT_TRANSLATE_NOOP("CoreMessages", "The file was damaged on the way; sync again."),
    QT_TRANSLATE_NOOP("CoreMessages", "The file is not on the server yet; it arrives with a "
                                      "later sync."),
    QT_TRANSLATE_NOOP("CoreMessages", "Its owner's upload is not finished; it arrives with a "
                                      "later sync."),
)

# Core hints that name command-line steps, worded for the desktop (same meaning). `message()`
# shows the right-hand text, translated, wherever the core's hint is the left-hand one.
_GUI_WORDING = {
    "Enrol it: nsss-desktop sync enrol --server URL --code CODE --root-key KEY.":
        QT_TRANSLATE_NOOP("CoreMessages", "Enrol it on the Sync screen (Enrol this "
                                          "installation…)."),
    "Enrol it first: nsss-desktop sync enrol.":
        QT_TRANSLATE_NOOP("CoreMessages", "Enrol it on the Sync screen (Enrol this "
                                          "installation…)."),
    "Enrol it first (nsss-desktop sync enrol); enrolment needs the network once, or ask GED "
    "IT.": QT_TRANSLATE_NOOP("CoreMessages", "Enrol it first on the Sync screen; enrolment "
                                             "needs the network once, or ask GED IT."),
    "Ask the GED administrator for a code (nsss-server admin enrol-code).":
        QT_TRANSLATE_NOOP("CoreMessages", "Ask the GED administrator for an enrolment code."),
    "List them with: nsss-desktop sync conflicts":
        QT_TRANSLATE_NOOP("CoreMessages", "The Sync screen lists the open conflicts."),
    "List the open ones with: nsss-desktop sync conflicts":
        QT_TRANSLATE_NOOP("CoreMessages", "The Sync screen lists the open conflicts."),
    "Check the server address and --environment.":
        QT_TRANSLATE_NOOP("CoreMessages", "Check the server address."),
    "Sync first (nsss-desktop sync now). If the server refuses them, ask GED IT; never delete a "
    "database whose outbox is not empty.":
        QT_TRANSLATE_NOOP("CoreMessages", "Sync first. If the server refuses them, ask GED IT; "
                                          "never delete a database whose changes have not all "
                                          "been delivered."),
    "Enrolling again is only needed after GED revoked this installation: add --force (allowed "
    "once every change set has its receipt).":
        QT_TRANSLATE_NOOP("CoreMessages", "Enrolling again is only needed after GED revoked "
                                          "this installation; ask GED IT."),
    "Check the root key (nsss-server admin root-key prints it) and the server address; this may "
    "not be the GED server.":
        QT_TRANSLATE_NOOP("CoreMessages", "Check the root key (the GED administrator gives it) "
                                          "and the server address; this may not be the GED "
                                          "server."),
    "Choose 'theirs', then enter the data again as a new record if it is still needed.":
        QT_TRANSLATE_NOOP("CoreMessages", "Choose “Take the server's values”, then enter the "
                                          "data again as a new record if it is still needed."),
    "Import the .nsss-reply file made by nsss-server admin import-file, not the exported "
    ".nsss-sync file.":
        QT_TRANSLATE_NOOP("CoreMessages", "Import the .nsss-reply file GED made from your "
                                          "export, not the exported .nsss-sync file itself."),
}

# Progress statuses reported through TaskState.set_status.
_STATUSES = (
    QT_TRANSLATE_NOOP("CoreStatus", "Reading the demo data…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Sending changes…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Receiving changes…"),
    QT_TRANSLATE_NOOP("CoreStatus", "Change sets sent"),
    QT_TRANSLATE_NOOP("CoreStatus", "Sync finished"),
)

# Budget stages as they appear in figures and in the national series' "stages" column.
_STAGES = (
    QT_TRANSLATE_NOOP("Stages", "actual"),
    QT_TRANSLATE_NOOP("Stages", "revised"),
    QT_TRANSLATE_NOOP("Stages", "reported"),
    QT_TRANSLATE_NOOP("Stages", "proposed"),
)

# Table notes from nsss_desktop/services/tables.py.
_NOTES = (
    QT_TRANSLATE_NOOP("Notes", "Each programme is counted once, whichever ministries "
                               "implement it."),
    QT_TRANSLATE_NOOP("Notes", "The published SSP total is the national budget line, never "
                               "added to programmes."),
    QT_TRANSLATE_NOOP("Notes", "2023-24 onwards: budget proposals (no revised or actual "
                               "figures were found)."),
    QT_TRANSLATE_NOOP("Notes", "Cluster and life-cycle assignments marked 'demo' are not from "
                               "a source."),
)

# Column headers: short label for the header (may wrap with \n) and the full label as tooltip.
COLUMN_LABELS = {
    "fiscal_year": (QT_TRANSLATE_NOOP("Columns", "Fiscal year"),
                    QT_TRANSLATE_NOOP("Columns", "Fiscal year (July to June)")),
    "beneficiaries_lakh": (QT_TRANSLATE_NOOP("Columns", "Beneficiaries\n(lakh)"),
                           QT_TRANSLATE_NOOP("Columns", "Beneficiaries (lakh persons)")),
    "families_lakh": (QT_TRANSLATE_NOOP("Columns", "Families\n(lakh)"),
                      QT_TRANSLATE_NOOP("Columns",
                                        "Families (lakh, Food Friendly Programme)")),
    "budget_crore": (QT_TRANSLATE_NOOP("Columns", "Budget\n(crore taka)"),
                     QT_TRANSLATE_NOOP("Columns",
                                       "Budget of listed programmes (crore taka)")),
    "programmes_counted": (QT_TRANSLATE_NOOP("Columns", "Programmes\ncounted"),
                           QT_TRANSLATE_NOOP("Columns", "Programmes with a figure")),
    "published_total_crore": (QT_TRANSLATE_NOOP("Columns", "Published SSP total\n(crore taka)"),
                              QT_TRANSLATE_NOOP("Columns", "Published social security budget "
                                                           "total (crore taka)")),
    "stages": (QT_TRANSLATE_NOOP("Columns", "Budget stage"),
               QT_TRANSLATE_NOOP("Columns", "Budget stage of the figures counted")),
    "code": (QT_TRANSLATE_NOOP("Columns", "Source id"),
             QT_TRANSLATE_NOOP("Columns", "Source id")),
    "title": (QT_TRANSLATE_NOOP("Columns", "Title / publisher / date"),
              QT_TRANSLATE_NOOP("Columns", "Title / publisher / date")),
    "url": (QT_TRANSLATE_NOOP("Columns", "Address"),
            QT_TRANSLATE_NOOP("Columns", "Web address of the source")),
    "what_taken": (QT_TRANSLATE_NOOP("Columns", "What was taken"),
                   QT_TRANSLATE_NOOP("Columns", "What was taken from the source")),
}


def message(text: str) -> str:
    """The translation of a fixed core message or hint, or the text itself."""
    return translate("CoreMessages", _GUI_WORDING.get(text, text)) if text else ""


def status(text: str) -> str:
    return translate("CoreStatus", text) if text else ""


def note(text: str) -> str:
    return translate("Notes", text)


def stages(text: str) -> str:
    """Translate a comma-separated list of budget stages ("proposed, reported")."""
    return ", ".join(translate("Stages", part.strip()) for part in text.split(",") if part)


def column_label(key: str, fallback: str) -> tuple[str, str]:
    """(header text, tooltip) of a dashboard column, translated."""
    if key not in COLUMN_LABELS:
        return fallback, fallback
    short, full = COLUMN_LABELS[key]
    return translate("Columns", short), translate("Columns", full)


def error_headline(error: NsssError) -> str:
    return translate("CoreErrors", ERROR_HEADLINES.get(error.code, ERROR_HEADLINES["error"]))
