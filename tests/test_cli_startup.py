"""`nsss-desktop --help` and `--version` stay fast: the store and report stacks load only when
a command needs them."""

import subprocess
import sys

from nsss_desktop.cli_plan import REPORT_GROUP_BYS
from nsss_desktop.reports.reform_report import GROUP_BYS


def test_report_groupings_match_the_builder():
    assert REPORT_GROUP_BYS == GROUP_BYS


def test_help_does_not_import_the_store_or_reports():
    code = ("import sys; from nsss_desktop.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'openpyxl', "
            "'keyring', 'nsss_desktop.store', 'nsss_desktop.reports'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
