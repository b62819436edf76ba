"""Checks shared by the tests that run `helpers/writer.py`: is every writer txn all-or-nothing?"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import ChangeJournal, Figure, JournalTxn, Programme, Setting


def parse_committed(stdout: str) -> dict[str, int]:
    """`{txn_id: monotonic_ns}` for every complete `committed` line (a cut last line is not)."""
    done: dict[str, int] = {}
    for line in stdout.splitlines(keepends=True):
        parts = line.split()
        if line.endswith("\n") and len(parts) == 3 and parts[0] == "committed":
            done[parts[1]] = int(parts[2])
    return done


def writer_txns(db: Database, tag: str, children: int) -> set[str]:
    """Return the writer txns present in `db`; fail unless each is complete with its journal.

    Complete means: its Programme, exactly `children` Figures pointing at it, a `journal_txn`
    header whose change_count is children + 2, and journal rows for exactly those rows (one
    programme insert, `children` figure inserts, one counter setting change); the counter
    Setting equals the number of writer txns; and no writer row or header exists without the
    rest.
    """
    with db.reader() as s:
        programmes = dict(s.execute(
            select(Programme.code, Programme.id).where(Programme.name_en == tag)).all())
        figures = Counter()
        for note, programme_id, n in s.execute(
            select(Figure.note, Figure.programme_id, func.count())
            .join(Programme, Programme.id == Figure.programme_id)
            .where(Programme.name_en == tag).group_by(Figure.note, Figure.programme_id)
        ):
            figures[note] += n
            if programmes.get(note) != programme_id:
                raise AssertionError(f"figures of txn {note} point at the wrong programme")
        headers = dict(s.execute(
            select(JournalTxn.txn_id, JournalTxn.change_count)
            .where(JournalTxn.description == f"{tag} writer")).all())
        journal: dict[str, Counter] = {}
        for txn_id, table, op, n in s.execute(
            select(ChangeJournal.txn_id, ChangeJournal.table_name, ChangeJournal.op,
                   func.count())
            .where(ChangeJournal.txn_id.in_(
                select(JournalTxn.txn_id).where(JournalTxn.description == f"{tag} writer")))
            .group_by(ChangeJournal.txn_id, ChangeJournal.table_name, ChangeJournal.op)
        ):
            journal.setdefault(txn_id, Counter())[(table, op)] += n
        counter = s.scalar(select(Setting.value).where(Setting.key == f"writer:{tag}"))

    problems: list[str] = []
    if set(programmes) != set(headers):
        problems.append(f"rows without a header: {sorted(set(programmes) - set(headers))[:3]}; "
                        f"headers without rows: {sorted(set(headers) - set(programmes))[:3]}")
    for txn_id in programmes:
        if figures[txn_id] != children:
            problems.append(f"txn {txn_id} has {figures[txn_id]} of {children} figures")
        entries = journal.get(txn_id, Counter())
        setting_changes = entries[("setting", "insert")] + entries[("setting", "update")]
        if (entries[("programme", "insert")], entries[("figure", "insert")], setting_changes,
                sum(entries.values())) != (1, children, 1, children + 2):
            problems.append(f"txn {txn_id} has journal rows {dict(entries)}")
        if headers.get(txn_id) not in (None, children + 2):
            problems.append(f"txn {txn_id} header change_count {headers[txn_id]}")
    expected_counter = str(len(programmes)) if programmes else None
    if counter != expected_counter:
        problems.append(f"counter setting is {counter}, but {len(programmes)} txns exist")
    assert not problems, "partial or inconsistent writer txns:\n" + "\n".join(problems[:20])
    return set(programmes)
