"""`nsss-desktop figures …`: programme M&E data (template, import, export, dashboard, report,
search, targets, cumulative).

The sub-commands live in small modules by theme; each has `register(figures_sub)`. This module
only creates the `figures` group and asks each theme module to add its commands, importing
them lazily so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib

# Theme modules; each defines `register(figures_sub)`.
THEMES = (
    "nsss_desktop.cli_figures_io",     # template, import, import-finance
    "nsss_desktop.cli_figures_views",  # dashboard, export, cumulative, targets, search, report
)


def register(sub: argparse._SubParsersAction) -> None:
    figures = sub.add_parser(
        "figures", help="programme figures: template, import, export, dashboard, report, search")
    figures_sub = figures.add_subparsers(dest="figures_command", metavar="FIGURES_COMMAND")
    for module in THEMES:
        importlib.import_module(module).register(figures_sub)
    figures.set_defaults(func=lambda args: figures.print_help() or 2)
