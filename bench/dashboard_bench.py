"""Programme dashboards on a scale dataset (performance.md): a full refresh of the national,
ministry, cluster, life-cycle and all-ministries views, read from the rollups, against

* a plain-SQLite full-scan `GROUP BY` over the same fact rows (figures and breakdowns, in an
  unencrypted copy of the same file): what a dashboard without rollups would have to do;
* `pandas` `groupby` over the same rows already in memory: what an analyst does today;
* the same dashboard refresh on the unencrypted copy: the SQLCipher overhead.

The `ministry` dataset is generated on every run; `--national PATH` (a database made by
`nsss-desktop scale national`, passphrase in NSSS_BENCH_PASSPHRASE) adds the national size.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from bench.run import Result, measure

PASSPHRASE = "benchmark passphrase"
FACT_SCAN = """
    SELECT f.fiscal_year, f.programme_id, d.dimension, d.category,
           sum(d.beneficiaries), sum(d.amount_poisha), sum(f.amount_disbursed_poisha)
    FROM figure_disaggregation AS d JOIN figure AS f ON f.id = d.figure_id
    GROUP BY f.fiscal_year, f.programme_id, d.dimension, d.category
"""


def refresh(session: Session) -> None:
    """Everything the dashboards screen shows for its four views and the all-ministries table."""
    from nsss_desktop.services import programme_dashboards as pd

    pd.clear_cache()  # a cold refresh: as after a write, every view shares one rollup load
    cat = pd.catalogue(session)
    ministry = sorted(cat.ministries.values(), key=lambda m: m.code)[0].code
    cluster = sorted(cat.clusters.values(), key=lambda c: c.code)[0].code
    stage = sorted(cat.stages.values(), key=lambda s: s.code)[0].code
    pd.national_view(session)
    pd.ministry_view(session, ministry)
    pd.cluster_view(session, cluster)
    pd.life_cycle_view(session, stage)
    pd.all_ministries(session)


def plain_copy(db: object, target: Path) -> Path:
    """An unencrypted copy of the database (same pages, same rows) for the baselines."""
    if target.exists():
        target.unlink()
    with db.engine.connect() as conn:  # type: ignore[attr-defined]
        raw = conn.connection.dbapi_connection
        raw.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        raw.execute("SELECT sqlcipher_export('plain')")
        raw.execute("DETACH DATABASE plain")
    return target


def _bench_database(label: str, db: object, work: Path, repeats: int) -> list[Result]:
    import sqlite3

    import pandas as pd

    plain = plain_copy(db, work / f"{label}-plain.sqlite")
    plain_engine = create_engine(f"sqlite:///{plain}")
    conn = sqlite3.connect(plain)
    facts = conn.execute("SELECT count(*) FROM figure_disaggregation").fetchone()[0] + \
        conn.execute("SELECT count(*) FROM figure").fetchone()[0]
    frame = pd.read_sql_query(
        "SELECT f.fiscal_year, f.programme_id, d.dimension, d.category, d.beneficiaries, "
        "d.amount_poisha FROM figure_disaggregation AS d JOIN figure AS f ON f.id = d.figure_id",
        conn)

    def subject() -> None:
        with db.reader() as session:  # type: ignore[attr-defined]
            refresh(session)

    def scan() -> None:
        conn.execute(FACT_SCAN).fetchall()

    def pandas_groupby() -> None:
        frame.groupby(["fiscal_year", "programme_id", "dimension", "category"])[
            ["beneficiaries", "amount_poisha"]].sum()

    def plain_refresh() -> None:
        with Session(plain_engine) as session:
            refresh(session)

    size = f"{label}, {facts:,} fact rows"
    results = []
    s, b = measure(subject, scan, repeats)
    results.append(Result(f"dashboard refresh ({size})", "5 views from the rollups (SQLCipher)",
                          "plain-SQLite full-scan GROUP BY of the fact rows", "≤ 0.01×", s, b))
    s, b = measure(subject, pandas_groupby, repeats)
    results.append(Result(f"dashboard refresh vs pandas ({size})", "5 views from the rollups",
                          "pandas groupby of the same rows in memory", "≤ 0.1×", s, b))
    s, b = measure(subject, plain_refresh, repeats)
    results.append(Result(f"SQLCipher overhead on dashboards ({size})", "refresh on SQLCipher",
                          "same refresh on the unencrypted copy", "≤ 1.3×", s, b))
    conn.close()
    plain_engine.dispose()
    return results


def bench_dashboards(work: Path, repeats: int, national: Path | None = None) -> list[Result]:
    from nsss_desktop.services.scale_data import generate
    from nsss_desktop.store.database import Database

    os.environ["NSSS_SCRYPT_N"] = "16384"
    db, _ = Database.create(work / "ministry-scale.nsssdb", PASSPHRASE, use_keyring=False)
    with db:
        generate(db, "ministry")
        results = _bench_database("ministry", db, work, repeats)
    if national is not None:
        passphrase = os.environ.get("NSSS_BENCH_PASSPHRASE", PASSPHRASE)
        with Database.open(national, passphrase=passphrase, use_keyring=False) as big:
            results += _bench_database("national", big, work, max(3, repeats // 2))
    return results
