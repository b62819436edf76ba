"""A writer process for the kill -9 and live-backup tests.

Opens the database with the passphrase in NSSS_PASSPHRASE, prints `ready <pid>`, then commits units
of work in a loop until killed (or until --count is reached). Each unit of work inserts one
Programme whose `code` is the unit's txn id plus --children Figures whose `note` is that txn
id, and bumps the counter Setting `writer:<tag>`; so each txn writes children + 2 journal rows.
After each commit returns it prints `committed <txn_id> <time.monotonic_ns()>` and flushes:
a printed txn is an acknowledged one.

    python writer.py DB --tag kill9 --children 5 [--count N] [--fork-server]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from sqlalchemy import select  # noqa: E402

from nsss_desktop.domain.ids import new_id  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from nsss_desktop.store.models import Figure, Programme, Setting  # noqa: E402


def one_unit(db: Database, tag: str, children: int) -> str:
    with db.unit_of_work(description=f"{tag} writer") as uow:
        s = uow.session
        programme = Programme(id=new_id(), code=uow.txn_id, name_en=tag)
        s.add(programme)
        s.flush()  # no relationship() between them, so insert the parent first explicitly
        for k in range(children):
            s.add(Figure(programme_id=programme.id, fiscal_year=2000 + k, note=uow.txn_id,
                         expenditure_poisha=k * 100))
        counter = s.scalar(select(Setting).where(Setting.key == f"writer:{tag}"))
        if counter is None:
            s.add(Setting(key=f"writer:{tag}", value="1"))
        else:
            counter.value = str(int(counter.value) + 1)
    return uow.txn_id


def run_writer(args: argparse.Namespace) -> None:
    db = Database.open(args.db, passphrase=os.environ["NSSS_PASSPHRASE"], use_keyring=False)
    print(f"ready {os.getpid()}", flush=True)
    done = 0
    while not args.count or done < args.count:
        txn_id = one_unit(db, args.tag, args.children)
        print(f"committed {txn_id} {time.monotonic_ns()}", flush=True)
        done += 1
    db.close()


def serve_forks(args: argparse.Namespace) -> None:
    """Import once, then fork a fresh writer process per `go` line read on stdin.

    Python start-up and imports cost most of a second; forking from this already-imported
    process lets the kill test run many kill -9 rounds quickly. Nothing here touches the
    database, so each child opens it from scratch exactly as a new process would. `reap`
    waits for the current child and prints `exited <pid> <exit code or -signal>`.
    """
    child: int | None = None
    for line in sys.stdin:
        command = line.strip()
        if command == "go" and child is None:
            child = os.fork()
            if child == 0:
                try:
                    run_writer(args)
                finally:
                    os._exit(1)  # a child never returns into this loop
        elif command == "reap" and child is not None:
            _, status = os.waitpid(child, 0)
            print(f"exited {child} {os.waitstatus_to_exitcode(status)}", flush=True)
            child = None
        else:
            break


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--tag", default="writer")
    parser.add_argument("--children", type=int, default=5)
    parser.add_argument("--count", type=int, default=0, help="stop after N (0: until killed)")
    parser.add_argument("--fork-server", action="store_true",
                        help="fork one writer per 'go' line on stdin (see serve_forks)")
    args = parser.parse_args()
    if args.fork_server:
        serve_forks(args)
    else:
        run_writer(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
