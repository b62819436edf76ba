"""Typed errors that carry a message a ministry officer can act on, and a CLI exit code.

The core never shows raw SQL or tracebacks to a user: it raises one of these, and the CLI and
the GUI print `str(error)` (the UI translates by `code`). Exit codes are stable for scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class NsssError(Exception):
    """Base of all expected failures; `code` is stable, `exit_code` is the CLI's."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class UsageError(NsssError):
    code, exit_code = "usage", 2


class DatabaseMissing(NsssError):
    code, exit_code = "database_missing", 3


class DatabaseExists(NsssError):
    code, exit_code = "database_exists", 3


class WrongPassphrase(NsssError):
    code, exit_code = "wrong_passphrase", 4


class Locked(NsssError):
    """No unlock method worked and no passphrase was given."""

    code, exit_code = "locked", 4


class KeyFileMissing(NsssError):
    code, exit_code = "key_file_missing", 5


class NotAnNsssDatabase(NsssError):
    code, exit_code = "not_nsss_database", 5


class DatabaseDamaged(NsssError):
    code, exit_code = "database_damaged", 6


class DiskFull(NsssError):
    code, exit_code = "disk_full", 7


class DatabaseBusy(NsssError):
    """Locked by another writer past the busy timeout, or not writable at all."""

    code, exit_code = "database_busy", 13


class BackupFailed(NsssError):
    code, exit_code = "backup_failed", 8


class MigrationFailed(NsssError):
    code, exit_code = "migration_failed", 9


class Cancelled(NsssError):
    code, exit_code = "cancelled", 10


class EvidenceCorrupt(NsssError):
    """A stored evidence file no longer matches its SHA-256: never hand such bytes to a user."""

    code, exit_code = "evidence_corrupt", 6


class EvidenceRefused(NsssError):
    """An evidence file was not accepted; `code` says why (the UI translates by it).

    Codes: too_large, empty, type_not_allowed, bad_name, hash_mismatch, unknown_activity.
    """

    CODES = frozenset({"too_large", "empty", "type_not_allowed", "bad_name", "hash_mismatch",
                       "unknown_activity"})
    code, exit_code = "evidence_refused", 12

    def __init__(self, code: str, message: str, *, hint: str = "") -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown evidence refusal code {code!r}")
        super().__init__(message, hint=hint)
        self.code = code


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an imported file, at a place the user can find in Excel.

    `row` is the 1-based sheet row and `column` the column letter; either is None for a
    problem of the whole sheet or file. `code` is stable (tests and the UI key on it).
    """

    sheet: str
    row: int | None
    column: str | None
    code: str
    message: str

    @property
    def location(self) -> str:
        cell = f"{self.column or ''}{self.row or ''}"
        if self.sheet and cell:
            return f"{self.sheet}!{cell}"
        return self.sheet or cell or "file"

    def __str__(self) -> str:
        return f"{self.location}: {self.code}: {self.message}"


class ImportRefused(NsssError):
    """The file was refused as a whole; `problems` lists every reason, nothing was written."""

    code, exit_code = "import_refused", 11

    def __init__(self, problems: Sequence[Problem], *, hint: str = "",
                 message: str = "") -> None:
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(
            message or f"The file was not imported: {count} problem{'s' * (count != 1)} found. "
                       "Nothing was written.",
            hint=hint or "Correct the cells listed and import the file again.")
