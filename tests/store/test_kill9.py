"""T3-style crash test: a writer process killed with SIGKILL at random points, again and again.

`helpers/writer.py` commits units of work (a Programme, five Figures and a counter update
each) and prints each txn id once its commit has returned. The test kills it 0-400 ms after it
reports `ready` (seeded, so a failure replays), 60 times on the same file. After every kill the
database must reopen, pass `verify` (integrity_check, cipher_integrity_check, journal
consistency), hold every txn the writer acknowledged with all its rows and journal entries,
and hold no partial txn.

Each writer is a fresh process forked from an already-imported fork server (see
`writer.serve_forks`), which saves the ~0.8 s interpreter start-up per round; the process that
is killed opened the database itself and is killed with a real SIGKILL.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from nsss_desktop.store.backup import verify
from nsss_desktop.store.database import Database
from tests.store.conftest import HELPERS, REPO, child_env
from tests.store.helpers.checks import parse_committed, writer_txns

ITERATIONS = 60
CHILDREN = 5
SEED = 20240630


def _start_fork_server(db_path, passphrase, stderr):
    return subprocess.Popen(
        [sys.executable, str(HELPERS / "writer.py"), str(db_path), "--tag", "kill9",
         "--children", str(CHILDREN), "--fork-server"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True,
        env=child_env(NSSS_PASSPHRASE=passphrase), cwd=REPO)


def _send(server, command: str) -> None:
    server.stdin.write(command + "\n")
    server.stdin.flush()


@pytest.mark.timeout(240)
def test_kill9_never_loses_an_acknowledged_txn_nor_leaves_a_partial_one(empty_db, tmp_path):
    rng = random.Random(SEED)
    acknowledged: set[str] = set()
    commits_per_round: list[int] = []
    with open(tmp_path / "writer.stderr", "w+") as stderr:
        server = _start_fork_server(empty_db.path, empty_db.passphrase, stderr)
        pid = None
        try:
            for i in range(ITERATIONS):
                delay = rng.uniform(0.0, 0.4)
                _send(server, "go")
                ready = server.stdout.readline()
                assert ready.startswith("ready "), (
                    f"round {i}: writer did not start: {ready!r}\n{_tail(stderr)}")
                pid = int(ready.split()[1])
                time.sleep(delay)
                os.kill(pid, signal.SIGKILL)
                _send(server, "reap")
                lines = []
                while not (line := server.stdout.readline()).startswith("exited "):
                    assert line, f"round {i}: fork server died\n{_tail(stderr)}"
                    lines.append(line)
                assert line.split()[1:] == [str(pid), str(-signal.SIGKILL)], (
                    f"round {i}: the writer ended before the kill: {line!r}\n{_tail(stderr)}")
                pid = None
                committed = parse_committed("".join(lines))
                commits_per_round.append(len(committed))
                acknowledged |= set(committed)

                with Database.open(empty_db.path, passphrase=empty_db.passphrase,
                                   use_keyring=False, upgrade=False) as db:
                    report = verify(db)
                    assert report.ok, f"round {i} (kill after {delay:.3f} s): {report.lines()}"
                    present = writer_txns(db, "kill9", CHILDREN)
                lost = acknowledged - present
                assert not lost, (
                    f"round {i}: {len(lost)} acknowledged txns lost, e.g. {sorted(lost)[:3]}")
        finally:
            if pid is not None:
                os.kill(pid, signal.SIGKILL)
            server.stdin.close()
            server.wait(timeout=30)

    assert len(acknowledged) == sum(commits_per_round), "a txn id was acknowledged twice"
    assert sum(n > 0 for n in commits_per_round) >= ITERATIONS // 2, (
        f"too few rounds committed anything before the kill: {commits_per_round}")


def _tail(fh) -> str:
    fh.flush()
    fh.seek(0)
    return fh.read()[-3000:]
