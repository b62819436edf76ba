"""`plan status` and `plan evidence`: the commands in cli_plan.register_status, run in-process
through the real argument parser and the real encrypted database.

Until `register()` calls `register_status`, the test adds it to the parser's `plan`
sub-commands itself (the same call the hook makes); afterwards it uses the hooked parser.
"""

from __future__ import annotations

import argparse

import pytest

from nsss_desktop import cli, cli_plan
from nsss_desktop.errors import EvidenceRefused, UsageError
from tests.reforms import files
from tests.reforms.conftest import PASSPHRASE


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def parser() -> argparse.ArgumentParser:
    top = cli.build_parser()
    plan = _subcommands(top).choices["plan"]
    plan_sub = _subcommands(plan)
    if "status" not in plan_sub.choices:
        cli_plan.register_status(plan_sub)
    return top


@pytest.fixture
def run(plan, monkeypatch, capsys):
    """Run `nsss-desktop --db DB --no-keyring ARGS` on a closed copy of the plan database."""
    plan.db.close()
    monkeypatch.setenv(cli.PASS_ENV, PASSPHRASE)

    def go(*argv: str) -> str:
        args = parser().parse_args(["--db", str(plan.path), "--no-keyring", *argv])
        assert args.func(args) == 0
        return capsys.readouterr().out

    return go


def test_set_status_then_show_and_history(run):
    out = run("plan", "status", "1", "--plan", "AP2016", "--set", "in_progress", "--date",
              "2017-01-15", "--note", "Circular drafted", "--approval", "approved")
    assert "recorded 'in_progress' on 2017-01-15 (approved" in out
    out = run("plan", "status", "1", "--plan", "AP2016", "--set", "completed", "--date",
              "2017-06-20", "--period", "2016-17 Q4")
    assert "changes once this report is approved" in out
    out = run("plan", "status", "1", "--plan", "AP2016", "--as-of", "2017-07-01")
    assert "Activity 1 of AP2016: delayed as of 2017-07-01 (approved: in_progress since " \
           "2017-01-15); due 2017-06-30." in out
    assert "Pending: completed (draft)." in out
    out = run("plan", "status", "1", "--plan", "AP2016", "--history")
    assert "2017-01-15 in_progress (approved): Circular drafted" in out
    assert "2017-06-20 [2016-17 Q4] completed (draft)" in out
    assert "2 status report(s)" in out


def test_unknown_plan_activity_and_missing_date_are_usage_errors(run):
    with pytest.raises(UsageError, match="No action plan with the code 'AP1999'") as caught:
        run("plan", "status", "1", "--plan", "AP1999")
    assert "AP2016" in caught.value.hint and "NSSS2015" in caught.value.hint
    with pytest.raises(UsageError, match="no activity number 6"):
        run("plan", "status", "6", "--plan", "AP2016")
    with pytest.raises(UsageError, match="on which date"):
        run("plan", "status", "1", "--plan", "AP2016", "--set", "completed")


def test_evidence_add_list_and_save(run, tmp_path):
    source = tmp_path / "circular.pdf"
    source.write_bytes(files.pdf())
    out = run("plan", "evidence", "add", "6", "--plan", "NSSS2015", str(source), "--title",
              "VWB implementation plan", "--kind", "report", "--date", "2015-05-30")
    assert "Attached 'VWB implementation plan' (report, application/pdf" in out
    assert "stored encrypted as 'circular.pdf'" in out
    evidence_id = out.split("Evidence id ")[1].split(";")[0]
    out = run("plan", "evidence", "list", "6", "--plan", "NSSS2015")
    assert evidence_id in out and "2015-05-30" in out and "1 evidence file(s)." in out
    dest = tmp_path / "out"
    dest.mkdir()
    out = run("plan", "evidence", "save", evidence_id, str(dest))
    assert (dest / "circular.pdf").read_bytes() == files.pdf()
    assert "content checked against its SHA-256" in out


def test_refused_evidence_keeps_its_code_and_exit_code(run, tmp_path):
    source = tmp_path / "circular.pdf"
    source.write_bytes(files.exe())
    with pytest.raises(EvidenceRefused) as caught:
        run("plan", "evidence", "add", "1", "--plan", "AP2016", str(source), "--title", "x",
            "--kind", "circular")
    assert (caught.value.code, caught.value.exit_code) == ("type_not_allowed", 12)
