"""`nsss-desktop plan report` end to end, in a real subprocess, on a copy of the demo data."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.conftest import REPO, run_cli
from tests.reports.conftest import PASSPHRASE, page_count, poppler

ENV = {"NSSS_PASSPHRASE": PASSPHRASE}


def report(plan, *args: str, env: dict | None = None):  # noqa: ANN001, ANN201
    return run_cli("--db", str(plan.path), "--no-keyring", "plan", "report", *args,
                   env={**ENV, **(env or {})})


def test_xlsx_with_filters_and_grouping(recorded, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "out" / "reforms.xlsx"
    done = report(recorded, "--out", str(out), "--plan", "AP2016", "--as-of", "2017-07-01",
                  "--group-by", "status", "--status", "delayed", "in_progress",
                  "--status", "completed")
    assert done.returncode == 0, done.stderr
    assert f"Wrote the reform tracking report to {out}." in done.stdout
    assert "Data as of local change #" in done.stdout
    wb = load_workbook(out)
    summary = wb[wb.sheetnames[0]]
    assert wb.sheetnames[0] == "Summary by status"
    rows = {r[0].value: [c.value for c in r[1:]] for r in summary.iter_rows(min_row=2)}
    assert rows["Total (each activity counted once)"] == [1, 1, 1, 0, 0, 3, 33.3]  # 5, 2, 1
    paragraphs = [r[0].value for r in wb["Notes"].iter_rows() if r[0].value]
    assert ("3 activities in this report: action plan AP2016; status Completed or In progress "
            "or Delayed.") in paragraphs  # in the committee's column order


def test_bangla_pdf(recorded, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "reforms-bn.pdf"
    done = report(recorded, "--out", str(out), "--as-of", "2017-07-01", "--lang", "bn",
                  "--ministry", "MoWCA", "--due-from", "2014-01-01", "--due-to", "2015-12-31")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "NotoSansBengali" in poppler("pdffonts", out)
    assert page_count(out) >= 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="headless Linux fallback")
def test_pdf_without_a_display_or_platform_setting(recorded, tmp_path) -> None:  # noqa: ANN001
    """No QT_QPA_PLATFORM, no X server: the renderer picks the offscreen platform itself."""
    out = tmp_path / "headless.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "nsss_desktop", "--db", str(recorded.path), "--no-keyring",
         "plan", "report", "--out", str(out), "--as-of", "2017-07-01"],
        capture_output=True, text=True, env={**env, **ENV}, timeout=120,
        stdin=subprocess.DEVNULL, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(("name", "args", "message"), [
    ("report.docx", [], "Cannot write a report to"),
    ("r.pdf", ["--plan", "AP1999"], "No action plan 'AP1999'"),
    ("r.xlsx", ["--as-of", "July"], "'July' is not a date"),
])
def test_mistakes_exit_with_a_usage_error(plan, tmp_path, name, args, message) -> None:  # noqa: ANN001
    out = tmp_path / "out" / name
    done = report(plan, "--out", str(out), *args)
    assert done.returncode == 2
    assert message in done.stderr and "what to do:" in done.stderr
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_unknown_status_is_refused_by_the_parser(plan) -> None:  # noqa: ANN001
    done = report(plan, "--out", "x.pdf", "--status", "finished")
    assert done.returncode == 2
    assert "invalid choice: 'finished'" in done.stderr
