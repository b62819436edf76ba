"""Run the benchmarks and write bench/results/latest.json and latest.md.

Each benchmark times its subject and its baseline alternately in the same process (so machine
noise hits both), repeats, and reports min/median/max and the ratio of medians. The wider
national-scale suite (performance.md) builds on this runner.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

RESULTS = Path(__file__).with_name("results")


@dataclass
class Result:
    name: str
    subject: str
    baseline: str
    target: str
    subject_s: list[float]
    baseline_s: list[float]
    group: str = ""  # the --only group that produced it (set by main)

    @property
    def ratio(self) -> float:
        return statistics.median(self.subject_s) / statistics.median(self.baseline_s)


def measure(subject: Callable[[], None], baseline: Callable[[], None], repeats: int
            ) -> tuple[list[float], list[float]]:
    s_times, b_times = [], []
    for _ in range(repeats):
        for fn, out in ((baseline, b_times), (subject, s_times)):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return s_times, b_times


def bench_unlock(work: Path, repeats: int) -> Result:
    """Passphrase unlock (one scrypt + open + schema check) against opening with the raw key."""
    from nsss_desktop.store import engine
    from nsss_desktop.store.database import Database

    os.environ.pop("NSSS_SCRYPT_N", None)  # production KDF cost
    path = work / "unlock.nsssdb"
    db, _ = Database.create(path, "benchmark passphrase", use_keyring=False)
    key = db.raw_key()
    db.close()

    def subject() -> None:
        Database.open(path, passphrase="benchmark passphrase", use_keyring=False).close()

    def baseline() -> None:
        conn = engine.connect(path, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    s, b = measure(subject, baseline, repeats)
    return Result("unlock with passphrase", "scrypt(n=2^17) unwrap + open + migration check",
                  "raw-key open + schema read", "≤ 0.5 s absolute", s, b)


def bench_demo_build(work: Path, repeats: int) -> Result:
    """Build the demo database (validate, write, journal) against merely reading its CSVs."""
    from nsss_desktop import paths
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database

    os.environ["NSSS_SCRYPT_N"] = "16384"  # the KDF is measured above, not here
    counter = iter(range(10_000))

    def subject() -> None:
        db, _ = Database.create(work / f"demo{next(counter)}.nsssdb", "benchmark passphrase",
                                use_keyring=False)
        with db:
            build_demo(db)

    def baseline() -> None:
        for name in ("programmes.csv", "ministries.csv", "names_bn.csv", "action_plan.csv",
                     "disaggregation.csv"):
            with open(paths.demo_data_dir() / name, encoding="utf-8", newline="") as fh:
                list(csv.DictReader(fh))
        (paths.demo_data_dir() / "SOURCES.md").read_text(encoding="utf-8")

    s, b = measure(subject, baseline, repeats)
    return Result("demo database build", "create + load real data through the unit of work",
                  "read the same CSV/Markdown inputs", "report it", s, b)


def ratio_text(ratio: float) -> str:
    """Small ratios keep their digits (0.022×, not 0.0×): they are what the targets compare."""
    return f"{ratio:.3f}×" if ratio < 0.1 else f"{ratio:.2f}×" if ratio < 1 else f"{ratio:.1f}×"


def table(results: list[Result]) -> str:
    lines = ["| benchmark | subject | baseline | median subject | median baseline | ratio | "
             "min / max subject | target |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r.name} | {r.subject} | {r.baseline} | {statistics.median(r.subject_s):.4f} s |"
            f" {statistics.median(r.baseline_s):.5f} s | {ratio_text(r.ratio)} |"
            f" {min(r.subject_s):.4f} / {max(r.subject_s):.4f} s | {r.target} |")
    return "\n".join(lines)


GROUPS = ("unlock", "demo", "search", "plan-import", "dashboards", "figures-import", "sync")


def merged(previous: Path, results: list[Result]) -> list[Result]:
    """The figures of `previous` (a latest.json) with those of this run put in their place:
    same name or same group replaced, new ones appended."""
    try:
        old = json.loads(previous.read_text(encoding="utf-8"))["results"]
    except (OSError, ValueError, KeyError):
        return results
    names = {r.name for r in results}
    groups = {r.group for r in results}
    known = {f.name for f in fields(Result)}
    kept = [Result(**{k: v for k, v in r.items() if k in known}) for r in old
            if r["name"] not in names and r.get("group", "") not in groups]
    return kept + results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--national", type=Path, metavar="DB",
                        help="also measure the dashboards on this `nsss-desktop scale national` "
                             "database (passphrase in NSSS_BENCH_PASSPHRASE)")
    parser.add_argument("--only", action="append", choices=GROUPS, metavar="GROUP",
                        help=f"run only this group ({', '.join(GROUPS)}; repeatable); the other "
                             "figures already in bench/results/latest.* are kept")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    selected = set(args.only or GROUPS)
    with tempfile.TemporaryDirectory(prefix="nsss-bench-") as tmp:
        work = Path(tmp)
        from bench.dashboard_bench import bench_dashboards
        from bench.figures_import_bench import bench_figures_import
        from bench.plan_import_bench import bench_plan_import
        from bench.search_bench import bench_search
        from bench.sync_bench import bench_sync

        runs: list[tuple[str, Callable[[], list[Result]]]] = [
            ("unlock", lambda: [bench_unlock(work, args.repeats)]),
            ("demo", lambda: [bench_demo_build(work, args.repeats)]),
            ("search", lambda: [bench_search(work, args.repeats)]),
            ("plan-import", lambda: [bench_plan_import(work, max(1, args.repeats // 3))]),
            ("dashboards", lambda: bench_dashboards(work, args.repeats, args.national)),
            ("figures-import", lambda: bench_figures_import(work, args.repeats, args.national)),
            ("sync", lambda: bench_sync(work, args.repeats)),
        ]
        results = []
        for group, run in runs:
            if group in selected:
                for result in run():
                    result.group = group
                    results.append(result)
    RESULTS.mkdir(exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(),
            "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    if args.only:
        meta["groups"] = sorted(selected)
        try:  # when the figures kept from the earlier run were measured
            earlier = json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))["meta"]
            replaced = "earlier" in earlier and set(earlier.get("groups", ())) <= selected
            meta["earlier"] = earlier["earlier"] if replaced else \
                {k: v for k, v in earlier.items() if k != "earlier"}
        except (OSError, ValueError, KeyError):
            pass
        results = merged(RESULTS / "latest.json", results)
    (RESULTS / "latest.json").write_text(json.dumps(
        {"meta": meta, "results": [{**asdict(r), "ratio": r.ratio} for r in results]},
        indent=2), encoding="utf-8")
    md = table(results)
    (RESULTS / "latest.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    return 0
