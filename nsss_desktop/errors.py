"""Typed errors that carry a message a ministry officer can act on, and a CLI exit code.

The core never shows raw SQL or tracebacks to a user: it raises one of these, and the CLI and
the GUI print `str(error)` (the UI translates by `code`). Exit codes are stable for scripts.
"""

from __future__ import annotations


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


class BackupFailed(NsssError):
    code, exit_code = "backup_failed", 8


class MigrationFailed(NsssError):
    code, exit_code = "migration_failed", 9


class Cancelled(NsssError):
    code, exit_code = "cancelled", 10
