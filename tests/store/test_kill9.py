"""T3-style crash test: a writer process killed with SIGKILL at random points, again and again.

`helpers/writer.py` commits units of work (a Programme, five Figures and a counter update
each) and prints each txn id once its commit has returned. The test kills it 0-400 ms after it
reports `ready` (seeded, so a failure replays), 60 times on the same file. After every kill the
database must reopen, pass `verify` (integrity_check, cipher_integrity_check, journal
consistency), hold every txn the writer acknowledged with all its rows and journal entries,
and hold no partial txn.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys

from nsss_desktop.store.backup import verify
from nsss_desktop.store.database import Database
from tests.store.conftest import HELPERS, REPO, child_env
from tests.store.helpers.checks import parse_committed, writer_txns

ITERATIONS = 60
CHILDREN = 5
SEED = 20240630


def test_kill9_never_loses_an_acknowledged_txn_nor_leaves_a_partial_one(empty_db):
    rng = random.Random(SEED)
    env = child_env(NSSS_PASSPHRASE=empty_db.passphrase)
    acknowledged: set[str] = set()
    killed_mid_run = 0
    for i in range(ITERATIONS):
        delay = rng.uniform(0.0, 0.4)
        child = subprocess.Popen(
            [sys.executable, str(HELPERS / "writer.py"), str(empty_db.path), "--tag", "kill9",
             "--children", str(CHILDREN)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
            env=env, cwd=REPO)
        try:
            ready = child.stdout.readline()
            assert ready == "ready\n", f"writer did not start: {ready!r} {child.stderr.read()}"
            try:
                child.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                killed_mid_run += 1
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, f"iteration {i}: writer ended early: {err}"
        acknowledged |= set(parse_committed(out))

        with Database.open(empty_db.path, passphrase=empty_db.passphrase,
                           use_keyring=False) as db:
            report = verify(db)
            assert report.ok, f"iteration {i} (delay {delay:.3f} s): {report.lines()}"
            present = writer_txns(db, "kill9", CHILDREN)
        lost = acknowledged - present
        assert not lost, f"iteration {i}: {len(lost)} acknowledged txns lost: {sorted(lost)[:3]}"

    assert killed_mid_run == ITERATIONS, "the writer must still be running when it is killed"
    assert len(acknowledged) > ITERATIONS, "too few commits to exercise the crash points"
