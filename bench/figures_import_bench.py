"""Importing a ministry's filled-in figures template (read, validate, write with journal and
rollup refresh) on a scale dataset, against reading the same workbook with openpyxl in
read-only mode (the floor) and with `pandas.read_excel` (what an analyst does today).

Each repeat imports a different month, so every import really writes new figures.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.run import Result, measure

PASSPHRASE = "benchmark passphrase"


def _filled_templates(db: object, work: Path, label: str, count: int) -> tuple[str, list[Path]]:
    """Templates of the ministry with the most programmes, pre-filled for months of 2024-25."""
    from nsss_desktop.domain import Count, FiscalYear, Money
    from nsss_desktop.io.figures_template import write_template
    from nsss_desktop.services import figures_import
    from nsss_desktop.services.programme_dashboards import catalogue

    with db.reader() as session:  # type: ignore[attr-defined]
        cat = catalogue(session)
        ministry = max(cat.ministries.values(),
                       key=lambda m: len(cat.programmes_of_ministry(m.id)))
        programmes = figures_import.template_programmes(db, ministry.code)
    paths = []
    for month in range(1, count + 1):
        period = FiscalYear.parse("2024-25").months()[month - 1]
        existing = {p.code: {"active_beneficiaries": Count(100_000 + i),
                             "cumulative_beneficiaries": Count(120_000 + i),
                             "benefit_value": Money.from_taka(600),
                             "amount_disbursed": Money.from_taka(600 * (100_000 + i)),
                             "expenditure": Money.from_taka(600 * (100_000 + i))}
                    for i, p in enumerate(programmes)}
        path = work / f"{label}-template-{month:02d}.xlsx"
        write_template(path, ministry_code=ministry.code, ministry_name_en=ministry.name_en,
                       ministry_name_bn=ministry.name_bn or "", period=period,
                       programmes=programmes, existing=existing,
                       generated_at="2026-11-25T00:00:00Z")
        paths.append(path)
    return ministry.code, paths


def _bench(label: str, db: object, work: Path, repeats: int) -> list[Result]:
    import openpyxl
    import pandas as pd

    from nsss_desktop.services.figures_import import import_template

    code, paths = _filled_templates(db, work, label, repeats)
    todo = iter(paths)
    first = paths[0]

    def subject() -> None:
        result = import_template(db, next(todo))  # type: ignore[arg-type]
        assert result.written and result.inserted

    def floor() -> None:
        book = openpyxl.load_workbook(first, read_only=True)
        for ws in book.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        book.close()

    def pandas_read() -> None:
        pd.read_excel(first, sheet_name=None)

    s, b = measure(subject, floor, repeats)
    results = [Result(f"figures template import ({label}, {code}, one month)",
                      "read + validate + write + journal + rollup refresh",
                      "openpyxl read-only iteration of the same file", "report it", s, b)]
    todo = iter(paths)  # the same months again: now unchanged, nothing written
    s2, b2 = measure(lambda: import_template(db, next(todo)), pandas_read,  # type: ignore[arg-type]
                     repeats)
    results.append(Result(f"figures template re-import, unchanged ({label})",
                          "read + validate + compare (no write)",
                          "pandas.read_excel of the same file", "< 1.0×", s2, b2))
    return results


def bench_figures_import(work: Path, repeats: int, national: Path | None = None
                         ) -> list[Result]:
    from nsss_desktop.services.scale_data import generate
    from nsss_desktop.store.database import Database

    os.environ["NSSS_SCRYPT_N"] = "16384"
    db, _ = Database.create(work / "ministry-import.nsssdb", PASSPHRASE, use_keyring=False)
    with db:
        generate(db, "ministry")
        results = _bench("ministry", db, work, repeats)
    if national is not None:
        passphrase = os.environ.get("NSSS_BENCH_PASSPHRASE", PASSPHRASE)
        with Database.open(national, passphrase=passphrase, use_keyring=False) as big:
            results += _bench("national", big, work, max(3, repeats // 2))
    return results
