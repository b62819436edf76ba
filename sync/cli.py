"""Command line of the GED server.

    nsss-server run --db server.sqlite [--host 127.0.0.1] [--port 8765] [--environment ged-pilot]
    nsss-server run --db postgresql+psycopg://user@host/nsss --data-dir /srv/nsss
    nsss-server admin --db server.sqlite [--data-dir DIR] [--json] COMMAND ...
    nsss-server --version

``python -m sync`` is the same program. ``--db`` defaults to ``$NSSS_SERVER_DB``. A plain path
means a SQLite file (created with its folder if missing); a URL starting with ``postgresql`` is
used as it is. The data folder (``--data-dir``; for a SQLite file ``<file>.data`` beside it,
for PostgreSQL required or ``$NSSS_SERVER_DATA``) holds the offline root key ``root.key``
(mode 0600, never in the database) and the attachment blobs.

``run`` on a new database creates the root and signing keys and logs the root public key, so a
pilot starts with one command. Exit codes: 0 ok, 2 usage or bad input (with a message).
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.config
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sync import package_version

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DB_ENV = "NSSS_SERVER_DB"

log = logging.getLogger("nsss.server.cli")


def resolve_db_url(value: str) -> str:
    """Turn the ``--db`` argument into a SQLAlchemy URL.

    ``postgresql...`` and ``sqlite:...`` URLs pass through; anything else containing ``://`` is
    rejected; everything else is a file path for SQLite (its folder is created if missing).
    """
    value = value.strip()
    if not value:
        raise ValueError("the database path or URL is empty")
    if value.startswith(("postgresql", "sqlite:")):
        return value
    if "://" in value:
        scheme = value.split("://", 1)[0]
        raise ValueError(
            f"unsupported database URL scheme {scheme!r}: give a file path (SQLite) or a "
            "URL starting with postgresql (e.g. postgresql+psycopg://user@host/nsss)"
        )
    path = Path(value).expanduser().resolve()
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give the path of the SQLite database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"port must be between 1 and 65535, not {port}")
    return port


def _hours(text: str) -> float:
    try:
        hours = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {text!r}") from None
    if not 0 <= hours <= 720:
        raise argparse.ArgumentTypeError("hours must be between 0 and 720")
    return hours


def _db_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get(DB_ENV) or None, metavar="PATH_OR_URL",
                        help=f"SQLite file path, or a postgresql+psycopg:// URL (default: "
                             f"${DB_ENV})")
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR",
                        help="folder of root.key and blobs/ (default for SQLite: <file>.data; "
                             "required for PostgreSQL, or $NSSS_SERVER_DATA)")
    parser.add_argument("--environment", default=None, metavar="NAME",
                        help="environment this database serves (a new database: default "
                             "ged-pilot; an existing one must match)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nsss-server",
        description="The NSSS M&E GED server (receives and consolidates ministries' data).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run the server (HTTP, JSON-lines logs on stderr)")
    _db_options(run)
    run.add_argument("--host", default=DEFAULT_HOST,
                     help=f"address to listen on (default: {DEFAULT_HOST})")
    run.add_argument("--port", type=_port, default=DEFAULT_PORT,
                     help=f"TCP port (default: {DEFAULT_PORT})")
    run.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"],
                     help="minimum level of log lines (default: info)")

    admin = sub.add_parser("admin", help="administer the server database (keys, devices...)")
    _db_options(admin)
    admin.add_argument("--json", action="store_true", help="print JSON instead of text")
    cmds = admin.add_subparsers(dest="admin_command", metavar="SUBCOMMAND")
    cmds.add_parser("init-keys", help="create the root and signing keys (idempotent)")
    cmds.add_parser("root-key", help="print the root public key (desktops pin it)")
    code = cmds.add_parser("enrol-code", help="issue a single-use enrolment code")
    code.add_argument("--ministry", required=True, help="ministry code, e.g. MoSW (or GED)")
    code.add_argument("--user", required=True, help="the person the code is for")
    code.add_argument("--hours", type=_hours, default=24.0, help="validity (default: 24)")
    cmds.add_parser("devices", help="list enrolled devices and their keys")
    rev = cmds.add_parser("revoke", help="revoke a device's keys (lost laptop)")
    rev.add_argument("--device", required=True, help="device id (see `devices`)")
    rev.add_argument("--reason", default="revoked by the administrator")
    held = cmds.add_parser("held", help="change sets waiting for an earlier one or a blob")
    held.add_argument("--min-age-minutes", type=float, default=0.0,
                      help="only those waiting at least this long (the alert threshold)")
    cmds.add_parser("quarantine", help="change sets kept for review (revoked keys...)")
    conf = cmds.add_parser("conflicts", help="recorded merge conflicts")
    conf.add_argument("--kind", choices=["hard", "soft"], default=None)
    aud = cmds.add_parser("audit", help="the audit trail, newest first")
    aud.add_argument("--limit", type=int, default=200)
    rot = cmds.add_parser("rotate-server-key",
                          help="publish server_keys version N+1 with a new signing key")
    rot.add_argument("--root-key", required=True, type=Path, metavar="FILE",
                     help="the offline root key file (root.key)")
    imp = cmds.add_parser("import-file", help="import a desktop's sync file, write the reply")
    imp.add_argument("input", type=Path, metavar="IN")
    imp.add_argument("--reply", required=True, type=Path, metavar="OUT")
    return parser


def _fail(message: str) -> int:
    print(f"nsss-server: {message}", file=sys.stderr)
    return 2


def _db_url(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if not args.db:
        parser.error(f"{args.command}: --db is required (or set {DB_ENV})")
    try:
        return resolve_db_url(args.db)
    except (ValueError, OSError) as exc:
        parser.error(f"{args.command}: --db: {exc}")
    raise AssertionError  # parser.error exits


def cmd_run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    db_url = _db_url(args, parser)

    # Imported here so that --version and --help stay fast.
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from sync.app import create_app
    from sync.context import SetupError, default_data_dir, open_server
    from sync.db import backend_of
    from sync.keys import KeySetupError
    from sync.logs import log_event, logging_config

    try:
        backend_of(db_url)
    except ValueError as exc:
        return _fail(str(exc))
    if args.data_dir is None and default_data_dir(db_url) is None:
        parser.error("run: --data-dir is required for PostgreSQL (or set NSSS_SERVER_DATA)")
    config = logging_config(args.log_level)
    logging.config.dictConfig(config)
    logging.captureWarnings(True)

    ctx = None
    try:
        ctx, keys = open_server(db_url, args.data_dir, args.environment, actor="server")
    except (SetupError, KeySetupError) as exc:
        return _fail(str(exc))
    except ImportError as exc:  # e.g. no PostgreSQL driver installed
        return _fail(f"the database driver is not installed ({exc}). For PostgreSQL: "
                     "pip install 'psycopg[binary]' and use a postgresql+psycopg:// URL.")
    except SQLAlchemyError:
        pass  # the app starts anyway; /v1/health answers 503 until the database is back
    else:
        # A new key is logged as a warning, so it shows at any log level: the administrator
        # must pin it in the desktops and move root.key offline.
        log_event("new server keys: pin the root public key, keep root.key offline"
                  if keys.created else "root public key (desktops pin it)", "root_key",
                  level=logging.WARNING if keys.created else logging.INFO,
                  root_public_key=keys.root.public_key, root_key_id=keys.root.key_id,
                  keys_created=keys.created, root_key_file=str(keys.root_key_file),
                  environment=ctx.environment)
    app = create_app(db_url, data_dir=args.data_dir, environment=args.environment, context=ctx)

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning(
            "listening on a non-loopback address without TLS; put a TLS reverse proxy in front",
            extra={"event": "exposed", "host": args.host},
        )
    log.info("listening", extra={"event": "listen", "host": args.host, "port": args.port,
                                 "url": f"http://{args.host}:{args.port}/v1/health"})
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_config=config,
        log_level=args.log_level,
        access_log=False,  # the app logs each request itself, as JSON
        server_header=False,
    )
    return 0


def _print(args: argparse.Namespace, value: Any, text: Callable[[Any], str]) -> None:
    if args.json:
        print(json.dumps(value, ensure_ascii=False, indent=None, sort_keys=True))
    else:
        print(text(value))


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    if not rows:
        return "(none)"
    cells = [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def cmd_admin(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not args.admin_command:
        parser.error("admin: a SUBCOMMAND is required (see nsss-server admin --help)")
    db_url = _db_url(args, parser)
    from sqlalchemy.exc import SQLAlchemyError

    from sync import admin
    from sync.context import SetupError, attach_blob_store, open_server
    from sync.keys import KeySetupError

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    logging.getLogger("nsss").setLevel(logging.WARNING)
    try:
        ctx, keys = open_server(db_url, args.data_dir, args.environment, actor="admin")
    except (SetupError, KeySetupError, ValueError) as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:
        return _fail(f"cannot open the database: {type(getattr(exc, 'orig', exc)).__name__}: "
                     f"{str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}")
    cmd = args.admin_command
    try:
        if cmd == "init-keys":
            _print(args, {"created": keys.created, "root_public_key": keys.root.public_key,
                          "root_key_id": keys.root.key_id, "signing_key_id": keys.signing_key_id,
                          "server_keys_version": keys.version, "environment": ctx.environment,
                          "root_key_file": str(keys.root_key_file)},
                   lambda v: (f"{'created' if v['created'] else 'already present'}: root key "
                              f"{v['root_public_key']} (id {v['root_key_id']}), file "
                              f"{v['root_key_file']}"))
        elif cmd == "root-key":
            _print(args, admin.root_key(ctx), lambda v: v["root_public_key"])
        elif cmd == "enrol-code":
            value = admin.enrol_code(ctx, args.ministry, args.user, args.hours)
            _print(args, value, lambda v: v["code"])
        elif cmd == "devices":
            _print(args, admin.devices(ctx), lambda v: _table(v, [
                "device_id", "ministry_code", "user_name", "status", "last_seq", "held"]))
        elif cmd == "revoke":
            _print(args, admin.revoke(ctx, args.device, args.reason),
                   lambda v: f"revoked {v['device_id']}: keys {', '.join(v['revoked_key_ids'])}"
                             f"; quarantined {len(v['quarantined'])} held change set(s)")
        elif cmd == "held":
            _print(args, admin.held(ctx, args.min_age_minutes), lambda v: _table(v, [
                "device_id", "device_seq", "awaiting_seq", "reason", "age_minutes",
                "changeset_id"]))
        elif cmd == "quarantine":
            _print(args, admin.quarantine(ctx), lambda v: _table(v, [
                "device_id", "device_seq", "reason", "received_at", "changeset_id"]))
        elif cmd == "conflicts":
            _print(args, admin.conflicts(ctx, args.kind), lambda v: _table(v, [
                "id", "kind", "table", "pk", "fields", "changeset_id"]))
        elif cmd == "audit":
            _print(args, admin.audit_log(ctx, args.limit), lambda v: _table(v, [
                "id", "at", "actor", "action", "device_id"]))
        elif cmd == "rotate-server-key":
            _print(args, admin.rotate_key(ctx, args.root_key),
                   lambda v: f"published server_keys version {v['server_keys_version']} "
                             f"(signing key {v['signing_key_id']})")
        elif cmd == "import-file":
            from sync.syncfile import import_file

            attach_blob_store(ctx)
            summary = import_file(ctx, args.input, args.reply)
            _print(args, summary.as_dict(),
                   lambda v: f"imported {v['changesets']} change set(s) from "
                             f"{v['device_id']}; reply written to {v['reply']}")
        else:  # pragma: no cover - argparse only allows the commands above
            parser.error(f"admin: unknown subcommand {cmd}")
    except (admin.AdminError, KeySetupError) as exc:
        return _fail(str(exc))
    except Exception as exc:
        from sync.syncfile import SyncFileError

        if isinstance(exc, SyncFileError):
            return _fail(f"{exc.code}: {exc}")
        raise
    finally:
        ctx.db.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        return cmd_run(args, parser)
    if args.command == "admin":
        return cmd_admin(args, parser)
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
