"""Action Plan import of a 10,000-activity workbook against reading the same file.

Baseline: openpyxl read-only iteration of every cell (the floor any importer pays). Subject:
the full import (validate, resolve ministries, write through the unit of work with the
journal and the search index). The workbook is generated, seeded and deterministic, with
merged objective cells, two indicators per activity, Bangla text and shared ministries.
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook, load_workbook

from bench.run import Result, measure

ACTIVITIES = 10_000
PER_OBJECTIVE = 50
MINISTRIES = ["Ministry of Social Welfare", "Ministry of Women and Children Affairs",
              "Finance Division", "Ministry of Disaster Management and Relief",
              "Ministry of Food", "Ministry of Primary and Mass Education",
              "মহিলা ও শিশু বিষয়ক মন্ত্রণালয়"]
TIMEFRAMES = ["June 2017", "December 2018", "Each year", "Periodically", "2016 (done)",
              "Annually for next five years", "2019-20"]
HEADER = ["No.", "Objective", "Activities", "Performance indicators", "Timeframe",
          "Responsible ministry", "Shared responsibility"]


def write_workbook(path: Path, activities: int = ACTIVITIES, seed: int = 7) -> Path:
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "Action Plan"
    ws.append(HEADER)
    for i in range(activities):
        objective = f"Objective {i // PER_OBJECTIVE + 1}: বয়স্ক ভাতা coverage and delivery"
        ws.append([f"{i // PER_OBJECTIVE + 1}.{i % PER_OBJECTIVE + 1}",
                   objective if i % PER_OBJECTIVE == 0 else None,
                   f"Activity {i + 1}: review the allowance rules, ভাতা পর্যালোচনা {rng.random():.6f}",
                   "Circular issued\nCoverage increased by 15%",
                   rng.choice(TIMEFRAMES), rng.choice(MINISTRIES),
                   "; ".join(rng.sample(MINISTRIES[:6], rng.randint(0, 2)))])
        if i % PER_OBJECTIVE == PER_OBJECTIVE - 1:
            first = i - PER_OBJECTIVE + 3
            ws.merge_cells(start_row=first, start_column=2, end_row=i + 2, end_column=2)
    wb.save(path)
    return path


def bench_plan_import(work: Path, repeats: int) -> Result:
    from nsss_desktop.services.action_plan import import_plan
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database

    book = write_workbook(work / "plan10k.xlsx")
    counter = iter(range(1000))

    def subject() -> None:
        db, _ = Database.create(work / f"plan{next(counter)}.nsssdb", "benchmark passphrase",
                                use_keyring=False)
        with db:
            build_demo(db)
            import_plan(db, book, plan_code="AP2021", plan_title="Generated 10k plan")

    def baseline() -> None:
        wb = load_workbook(book, read_only=True)
        for row in wb.active.iter_rows(values_only=True):
            for _ in row:
                pass
        wb.close()

    s, b = measure(subject, baseline, repeats)
    return Result("Action Plan import, 10,000 activities",
                  "import (validate + write + journal + search index), incl. demo set-up",
                  "openpyxl read-only iteration of the same file", "report it (floor ratio)",
                  s, b)
