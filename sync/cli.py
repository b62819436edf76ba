"""Command line of the GED server.

    nsss-server run --db server.sqlite [--host 127.0.0.1] [--port 8765]
    nsss-server run --db postgresql+psycopg://user@host/nsss
    nsss-server --version

``python -m sync`` is the same program. ``--db`` defaults to the environment variable
``NSSS_SERVER_DB``. A plain path means a SQLite file (created with its folder if missing);
a URL starting with ``postgresql`` is used as it is.
"""

from __future__ import annotations

import argparse
import logging
import logging.config
import os
import sys
from collections.abc import Sequence
from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nsss-server",
        description="The NSSS M&E GED server (receives and consolidates ministries' data).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run the server (HTTP, JSON-lines logs on stderr)")
    run.add_argument(
        "--db",
        default=os.environ.get(DB_ENV) or None,
        metavar="PATH_OR_URL",
        help=f"SQLite file path, or a postgresql+psycopg:// URL (default: ${DB_ENV})",
    )
    run.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})"
    )
    run.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"TCP port (default: {DEFAULT_PORT})"
    )
    run.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="minimum level of log lines (default: info)",
    )
    return parser


def cmd_run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not args.db:
        parser.error(f"run: --db is required (or set {DB_ENV})")
    try:
        db_url = resolve_db_url(args.db)
    except (ValueError, OSError) as exc:
        parser.error(f"run: --db: {exc}")

    # Imported here so that --version and --help stay fast.
    import uvicorn

    from sync.app import create_app, logging_config

    config = logging_config(args.log_level)
    logging.config.dictConfig(config)
    logging.captureWarnings(True)

    try:
        app = create_app(db_url)
    except ValueError as exc:
        print(f"nsss-server: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:  # e.g. no PostgreSQL driver installed
        print(
            f"nsss-server: the database driver is not installed ({exc}). For PostgreSQL: "
            "pip install 'psycopg[binary]' and use a postgresql+psycopg:// URL.",
            file=sys.stderr,
        )
        return 2

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning(
            "listening on a non-loopback address without TLS; put a TLS reverse proxy in front",
            extra={"event": "exposed", "host": args.host},
        )
    log.info(
        "listening",
        extra={
            "event": "listen",
            "host": args.host,
            "port": args.port,
            "url": f"http://{args.host}:{args.port}/v1/health",
        },
    )
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        return cmd_run(args, parser)
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
