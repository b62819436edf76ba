"""`nsss-desktop` / `python -m nsss_desktop`: the same code paths as the GUI, for scripts and tests.

Passphrase sources, in order: --passphrase-file, NSSS_PASSPHRASE, the OS keyring (for
opening), an interactive prompt. Every expected failure prints what went wrong and what to do,
and exits with the code of its error type (see nsss_desktop.errors).
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from nsss_desktop import __version__, paths
from nsss_desktop.errors import Locked, NsssError, UsageError

if TYPE_CHECKING:  # the store (SQLAlchemy, cryptography, keyring) loads only when a command runs
    from nsss_desktop.store.database import Database

PASS_ENV = "NSSS_PASSPHRASE"
# Component command groups; each module has `register(subparsers)` and uses `open_db(args)`.
COMMAND_GROUPS = ("nsss_desktop.cli_plan", "nsss_desktop.cli_figures",
                  "nsss_desktop.cli_sync")


def _read_secret_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip("\r\n")
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.",
                         hint="Check the path given with --passphrase-file.") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not a UTF-8 text file.",
                         hint="Save the passphrase as plain UTF-8 text.") from exc


def given_passphrase(args: argparse.Namespace) -> str | None:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file)
    return os.environ.get(PASS_ENV) or None


def given_recovery_code(args: argparse.Namespace) -> str | None:
    return _read_secret_file(args.recovery_code_file) if args.recovery_code_file else None


def _prompt(text: str) -> str:
    if sys.stdin is None or not sys.stdin.isatty():  # None: fd 0 closed, windowed build
        raise Locked("No passphrase was given and there is no terminal to ask for one.",
                     hint=f"Use --passphrase-file FILE or set {PASS_ENV}.")
    return getpass.getpass(text)


def new_passphrase(args: argparse.Namespace) -> str:
    given = given_passphrase(args)
    if given:
        return given
    first = _prompt("Choose a passphrase (10+ characters): ")
    if _prompt("Type it again: ") != first:
        raise UsageError("The two passphrases differ.", hint="Run the command again.")
    return first


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    from nsss_desktop.store.database import Database

    passphrase, recovery = given_passphrase(args), given_recovery_code(args)
    try:
        return Database.open(args.db, passphrase=passphrase, recovery_code=recovery,
                             use_keyring=not args.no_keyring, upgrade=upgrade)
    except Locked:
        if passphrase or recovery:
            raise
        return Database.open(args.db, passphrase=_prompt("Passphrase: "),
                             use_keyring=False, upgrade=upgrade)


def print_recovery_code(code: str) -> None:
    print("\n  RECOVERY CODE (shown only this once; write it down and keep it safe):")
    print(f"\n      {code}\n")
    print("  It unlocks this database if the passphrase is forgotten: "
          "'nsss-desktop --recovery-code-file FILE unlock-check'.\n")


# --- commands -----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from nsss_desktop.services import settings
    from nsss_desktop.store.database import Database

    db, recovery = Database.create(args.db, new_passphrase(args),
                                   use_keyring=not args.no_keyring)
    print_recovery_code(recovery)  # at once: the database exists from here on, whatever follows
    with db:
        settings.save_initial(db, language=args.language, ministry_code=args.ministry)
        print(f"Created {db.path} in {db.unlock.seconds:.2f} s.")
        if db.unlock.notes:
            print("Note: no OS keyring is available here; unlock with the passphrase.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database
    from nsss_desktop.tasks import TaskState

    started = time.perf_counter()
    if Path(args.db).exists():
        db = open_db(args)
    else:
        db, recovery = Database.create(args.db, new_passphrase(args),
                                       use_keyring=not args.no_keyring)
        print_recovery_code(recovery)  # at once: the database exists even if the load fails
    with db:
        created = time.perf_counter()
        state = TaskState(lambda f, s: print(f"\r  {f:4.0%} {s}", end="", flush=True)
                          if sys.stdout is not None and sys.stdout.isatty() else None)
        summary = build_demo(db, task=state)
        done = time.perf_counter()
        print(f"Demo database {db.path}: {summary.programmes} programmes, {summary.figures} "
              f"figures, {summary.ministries} ministries, {summary.activities} Action Plan "
              f"activities, {summary.sources} sources.")
        print(f"Set-up {created - started:.2f} s, data load {done - created:.2f} s.")
    return 0


def cmd_scale(args: argparse.Namespace) -> int:
    """Generate a seeded benchmark dataset (performance.md) into a new or empty database."""
    from nsss_desktop.services.scale_data import generate
    from nsss_desktop.store.database import Database
    from nsss_desktop.tasks import TaskState

    started = time.perf_counter()
    if Path(args.db).exists():
        db = open_db(args)
    else:
        db, recovery = Database.create(args.db, new_passphrase(args),
                                       use_keyring=not args.no_keyring)
        print_recovery_code(recovery)
    with db:
        state = TaskState(lambda f, s: print(f"\r  {f:4.0%} {s}", end="", flush=True)
                          if sys.stdout is not None and sys.stdout.isatty() else None)
        summary = generate(db, args.size, seed=args.seed, task=state)
    print(f"Scale dataset '{args.size}' in {db.path}: {summary.figures:,} figures and "
          f"{summary.disaggregations:,} breakdown rows ({summary.fact_rows:,} fact rows) in "
          f"{time.perf_counter() - started:.1f} s.")
    return 0


def cmd_unlock_check(args: argparse.Namespace) -> int:
    from nsss_desktop.store import migrate

    with open_db(args) as db:
        revision = migrate.current_revision(db.engine)
        print(f"Unlocked {db.path} with the {db.unlock.method} in {db.unlock.seconds:.3f} s "
              f"(schema {revision}, database id {db.db_id}).")
        if db.unlock.migrated_from:
            print(f"Upgraded from schema {db.unlock.migrated_from}; backup kept at "
                  f"{db.unlock.pre_upgrade_backup}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from nsss_desktop.store.backup import verify

    with open_db(args, upgrade=False) as db:
        report = verify(db)
        for line in report.lines():
            print(line)
        if not report.ok:
            print("The database is damaged. Restore the latest backup: nsss-desktop restore "
                  "BACKUP")
            return 6
        return _verify_rollups(db, repair=args.repair)


def _verify_rollups(db: Database, *, repair: bool) -> int:
    """The dashboards' rollups must equal a recomputation from the figures."""
    from nsss_desktop.services import rollup

    with db.reader() as session:
        if session.connection().exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'derived_state'").first() is None:
            return 0  # a schema from before the rollups (opened without upgrading)
        differing = rollup.stale(session)
    if not differing:
        print("dashboard rollups: ok")
        return 0
    print(f"dashboard rollups: {len(differing)} programme-year(s) differ from their figures")
    if not repair:
        print("The figures themselves are intact. Rebuild the rollups: nsss-desktop verify "
              "--repair")
        return 6
    with db.unit_of_work(description="Rebuild dashboard rollups (verify --repair)") as uow:
        rollup.rebuild(uow.session)
    print("dashboard rollups: rebuilt from the figures")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from nsss_desktop.store.backup import backup_to

    with open_db(args) as db:
        started = time.perf_counter()
        target = backup_to(db, Path(args.dest))
    print(f"Backup written to {target} (key file {target}.keys) in "
          f"{time.perf_counter() - started:.2f} s; both integrity checks passed.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from nsss_desktop.store.backup import restore

    kept = restore(Path(args.source), Path(args.db), passphrase=given_passphrase(args),
                   recovery_code=given_recovery_code(args), use_keyring=not args.no_keyring,
                   replace=args.replace)
    print(f"Restored {args.source} to {args.db}; both integrity checks passed.")
    if kept:
        print(f"The database that was there is kept as {kept}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from nsss_desktop.io.table_export import export_table
    from nsss_desktop.services.tables import TABLES

    if args.list or not args.table:
        print("Tables: " + ", ".join(TABLES))
        return 0 if args.list else 2
    if args.table not in TABLES:
        raise UsageError(f"No dashboard table called '{args.table}'.",
                         hint="Tables: " + ", ".join(TABLES))
    if not args.out:
        raise UsageError("Say where to write the table.", hint="Add --out FILE.csv or .xlsx")
    with open_db(args) as db, db.reader() as session:
        table = TABLES[args.table](session)
    out = export_table(table, Path(args.out), args.format)
    print(f"Wrote {len(table.rows)} rows of '{table.title}' to {out}.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(Path(args.db), passphrase=given_passphrase(args),
               use_keyring=not args.no_keyring, lang=args.lang,
               screenshot=Path(args.screenshot) if args.screenshot else None,
               screen=args.screen)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nsss-desktop",
        description="NSSS M&E Desktop: offline monitoring of Bangladesh's National Social "
                    "Security Strategy.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, default=paths.default_db_path(),
                        help=f"database file (default: {paths.default_db_path()})")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=f"read the passphrase from FILE (or set {PASS_ENV})")
    parser.add_argument("--recovery-code-file", metavar="FILE",
                        help="unlock with the recovery code read from FILE")
    parser.add_argument("--no-keyring", action="store_true",
                        help="neither read nor store the key in the OS keyring")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create a new encrypted database")
    p.add_argument("--language", choices=("en", "bn"), default="en")
    p.add_argument("--ministry", metavar="CODE", help="this installation's ministry code")
    p.set_defaults(func=cmd_init)
    sub.add_parser("demo", help="create (if needed) and fill a database with the real demo "
                                "data").set_defaults(func=cmd_demo)
    p = sub.add_parser("scale", help="generate a seeded benchmark dataset (ministry: ~15k "
                                     "fact rows; national: ~8.7M) into a new database")
    p.add_argument("size", choices=("ministry", "national"))
    p.add_argument("--seed", type=int, default=20261124, help="random seed (same seed, same data)")
    p.set_defaults(func=cmd_scale)
    sub.add_parser("unlock-check", help="unlock, report how and how fast, upgrade if "
                                        "needed").set_defaults(func=cmd_unlock_check)
    p = sub.add_parser("verify", help="integrity_check, cipher_integrity_check, journal "
                                      "and dashboard-rollup checks")
    p.add_argument("--repair", action="store_true",
                   help="rebuild the dashboard rollups if they differ from the figures")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("backup", help="write a verified encrypted backup")
    p.add_argument("dest", help="backup file to create (its key file is saved as DEST.keys)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup as the database given by --db")
    p.add_argument("source", help="backup file (with SOURCE.keys beside it)")
    p.add_argument("--replace", action="store_true",
                   help="restore over an existing database (kept aside, never deleted)")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("export", help="export a dashboard table to CSV or XLSX")
    p.add_argument("table", nargs="?", help="table name (see --list)")
    p.add_argument("--out", help="output file, .csv or .xlsx")
    p.add_argument("--format", choices=("csv", "xlsx"))
    p.add_argument("--list", action="store_true", help="list the tables")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("gui", help="start the desktop application")
    p.add_argument("--lang", choices=("en", "bn"), help="interface language")
    p.add_argument("--screenshot", metavar="PNG",
                   help="open, show the screen, save a screenshot to PNG and exit")
    p.add_argument("--screen", default="overview", help="screen to show (with --screenshot)")
    p.set_defaults(func=cmd_gui)
    for module in COMMAND_GROUPS:
        importlib.import_module(module).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from nsss_desktop import logs

    try:
        logs.configure()
    except OSError:
        pass  # a read-only profile must not stop the CLI; it just runs without a log file
    try:
        return args.func(args)
    except NsssError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"what to do: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        # Python docs' recipe: point stdout at devnull so the exit-time flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a folder given as a file, a missing drive, no permission...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        print("what to do: check the path and that you may write there, then try again.",
              file=sys.stderr)
        return 14
    except KeyboardInterrupt:
        print("Interrupted. Each change is all-or-nothing: the one under way was not saved.",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
