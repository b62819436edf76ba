"""`nsss-desktop plan search`: the same search from the command line (parser built here with
`register_search`, exactly as `cli_plan.register` hooks it in)."""

from __future__ import annotations

import argparse
import json

import pytest

from nsss_desktop.cli import PASS_ENV
from nsss_desktop.cli_plan import register_search
from nsss_desktop.errors import UsageError

from .conftest import PASSPHRASE


def run(plan, monkeypatch, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--passphrase-file")
    parser.add_argument("--recovery-code-file")
    parser.add_argument("--no-keyring", action="store_true")
    sub = parser.add_subparsers(dest="command")
    plan_sub = sub.add_parser("plan").add_subparsers(dest="plan_command")
    register_search(plan_sub)
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    args = parser.parse_args(["--db", str(plan.db.path), "--no-keyring", "plan", "search",
                              *argv])
    return args.func(args)


def test_plan_search_prints_hits_with_snippets(plan, monkeypatch, capsys):
    assert run(plan, monkeypatch, "বিধবা ভাতা", "--ministry", "MoWCA", "--as-of",
               "2023-07-01") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("activity 1.2 · activity [not_started]: ")
    assert "«বিধবা»" in out[0]
    assert out[-1] == "1-1 of 1 hit(s)."


def test_plan_search_json_with_filters(plan, monkeypatch, capsys):
    assert run(plan, monkeypatch, "allowance", "--plan", "AP2", "--cluster", "SA", "--status",
               "completed", "--as-of", "2023-07-01", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1
    assert (data["hits"][0]["activity_id"], data["hits"][0]["status"]) == (plan.a1, "completed")


def test_unknown_codes_are_usage_errors(plan, monkeypatch):
    with pytest.raises(UsageError, match="No ministry 'XYZ'"):
        run(plan, monkeypatch, "allowance", "--ministry", "XYZ")
