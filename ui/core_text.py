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

# Progress statuses reported through TaskState.set_status.
_STATUSES = (
    QT_TRANSLATE_NOOP("CoreStatus", "Reading the demo data…"),
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
    return translate("CoreMessages", text) if text else ""


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
