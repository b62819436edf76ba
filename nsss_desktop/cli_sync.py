"""`nsss-desktop sync …`: enrol with the GED server, sync now, status, receipts, conflicts,
baseline publish and sync by file. The store and the network stack load only when a command
runs, so `--help` stays fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nsss_desktop.errors import UsageError


def _progress(fraction: float, text: str) -> None:
    if sys.stdout is not None and sys.stdout.isatty():
        print(f"\r  {fraction:4.0%} {text[:70]:<70}", end="", flush=True)


def _end_progress() -> None:
    if sys.stdout is not None and sys.stdout.isatty():
        print()


def cmd_enrol(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.enrol import enrol

    root_key = args.root_key
    if args.root_key_file:
        try:
            root_key = Path(args.root_key_file).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"Cannot read {args.root_key_file}.",
                             hint="Give the root key with --root-key or a readable file.") \
                from exc
    if not root_key:
        raise UsageError("The GED root key is missing.",
                         hint="Add --root-key KEY (nsss-server admin root-key prints it).")
    with open_db(args) as db:
        ident = enrol(db, server_url=args.server, code=args.code, root_key=root_key,
                      environment=args.environment, device_name=args.device_name,
                      force=args.force, allow_http=args.insecure_http)
    print(f"Enrolled as device {ident.device_id} of {ident.ministry_code} "
          f"({ident.user_name or 'no user name'}) with {ident.server_url}, environment "
          f"{ident.environment}. Key {ident.key_id} is stored inside the encrypted database.")
    return 0


def cmd_now(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.run import sync_now
    from nsss_desktop.tasks import TaskState

    with open_db(args) as db:
        task = TaskState(_progress)
        try:
            result = sync_now(db, progress=_progress, cancel=task)
        finally:
            _end_progress()
    for line in result.lines():
        print(line)
    if result.status is not None:
        print(f"Status: {result.status.state}.")
    if result.refusal is not None:
        print(f"error: {result.refusal.message}", file=sys.stderr)
        if result.refusal.hint:
            print(f"what to do: {result.refusal.hint}", file=sys.stderr)
        return result.refusal.exit_code
    return 0 if result.ok else 19


def cmd_status(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.status import status

    with open_db(args) as db:
        st = status(db)
    if args.json:
        print(json.dumps(st.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in st.lines():
            print(line)
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.status import receipts

    with open_db(args) as db:
        items = receipts(db, limit=args.limit)
    if args.json:
        print(json.dumps([asdict(r) for r in items], indent=2))
        return 0
    if not items:
        print("No receipts yet: nothing has been delivered to the server.")
    for r in items:
        where = f"server log {r.server_seq}" if r.server_seq is not None else "not applied"
        print(f"#{r.device_seq:<5} {r.state:<8} {where:<16} {r.received_at or '-':<25} "
              f"{r.ops} op(s)  {r.changeset_id}" + (f"  {r.error}" if r.error else ""))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.conflicts import list_conflicts

    with open_db(args) as db:
        items = list_conflicts(db, include_resolved=args.all)
    if not items:
        print("No open conflicts.")
    for c in items:
        state = c.resolution or "open"
        print(f"{c.id}  [{state}]  {c.describe()}")
    if items and not args.all:
        print("Resolve with: nsss-desktop sync resolve ID --keep mine|theirs")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.conflicts import resolve

    with open_db(args) as db:
        view = resolve(db, args.conflict, args.keep)
    what = ("your values will be sent at the next sync" if args.keep == "mine"
            else "the server's values are now in this database")
    print(f"Resolved {view.table} {view.row_id}: {what}.")
    return 0


def cmd_publish_baseline(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.seal import seal_existing

    with open_db(args) as db:
        sealed = seal_existing(db)
    ops = sum(s.ops for s in sealed)
    print(f"Sealed {ops} existing row(s) into {len(sealed)} change set(s); they are sent at "
          "the next 'nsss-desktop sync now'.")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.rotate import rotate_key

    with open_db(args) as db:
        done = rotate_key(db)
    waiting = (f" The {done.pending_before} change set(s) sealed before it keep their old-key "
               "signature and are still accepted." if done.pending_before else "")
    print(f"Sealed key rotation {done.device_seq}: key {done.old_key_id} → {done.new_key_id}. "
          "Later changes are signed with the new key; the server switches to it at the next "
          f"'nsss-desktop sync now'.{waiting}")
    return 0


def cmd_export_file(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.files import export_file

    with open_db(args) as db:
        summary = export_file(db, Path(args.out))
    print(f"Wrote {summary.path}: {summary.changesets} change set(s), {summary.blobs} "
          f"attachment(s), from server log position {summary.cursor}. Take it to a PC with "
          "access to the GED server (nsss-server admin import-file).")
    return 0


def cmd_import_file(args: argparse.Namespace) -> int:
    from nsss_desktop.cli import open_db
    from nsss_desktop.sync_client.files import import_file

    with open_db(args) as db:
        summary = import_file(db, Path(args.reply))
    for line in summary.lines():
        print(line)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="synchronise with the GED server: enrol, now, status, "
                                       "receipts, conflicts, sync by file")
    s = sync.add_subparsers(dest="sync_command", metavar="SYNC_COMMAND")

    p = s.add_parser("enrol", help="enrol this installation with a one-time code")
    p.add_argument("--server", required=True, metavar="URL", help="the GED server address")
    p.add_argument("--code", required=True, help="the enrolment code from the GED administrator")
    p.add_argument("--root-key", metavar="B64", help="the GED root public key to pin")
    p.add_argument("--root-key-file", metavar="FILE", help="read the root public key from FILE")
    p.add_argument("--environment", metavar="NAME", help="the expected environment "
                                                         "(e.g. ged-pilot)")
    p.add_argument("--device-name", metavar="NAME", help="this PC's name (default: host name)")
    p.add_argument("--force", action="store_true",
                   help="enrol again (only when every change set has its receipt)")
    p.add_argument("--insecure-http", action="store_true",
                   help="allow a plain http:// server address (testing only)")
    p.set_defaults(func=cmd_enrol)
    s.add_parser("now", help="send pending changes and receive the server's").set_defaults(
        func=cmd_now)
    p = s.add_parser("status", help="enrolment, outbox counts, conflicts, freshness")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = s.add_parser("receipts", help="server-signed receipts of delivered change sets")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_receipts)
    p = s.add_parser("conflicts", help="list conflicts the server reported")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.set_defaults(func=cmd_conflicts)
    p = s.add_parser("resolve", help="resolve a conflict")
    p.add_argument("conflict", help="conflict id (or its first characters)")
    p.add_argument("--keep", required=True, choices=("mine", "theirs"))
    p.set_defaults(func=cmd_resolve)
    s.add_parser("rotate-key", help="replace this installation's key (signed by the old and "
                                    "the new key; sent at the next sync)").set_defaults(
        func=cmd_rotate_key)
    s.add_parser("publish-baseline", help="GED only: seal every existing row for the first "
                                          "sync").set_defaults(func=cmd_publish_baseline)
    p = s.add_parser("export-file", help="write pending change sets to a file (offline PCs)")
    p.add_argument("out", help="file to write (.nsss-sync)")
    p.set_defaults(func=cmd_export_file)
    p = s.add_parser("import-file", help="import the server's reply file")
    p.add_argument("reply", help="the reply file from nsss-server admin import-file")
    p.set_defaults(func=cmd_import_file)
    sync.set_defaults(func=lambda args: sync.print_help() or 2)
