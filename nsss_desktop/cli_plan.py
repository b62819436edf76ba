"""`nsss-desktop plan …`: the NSSS Action Plan commands (import, export, status, search)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    plan = sub.add_parser("plan", help="NSSS Action Plan: import, export, status, search")
    plan.add_subparsers(dest="plan_command", metavar="PLAN_COMMAND")
    plan.set_defaults(func=lambda args: plan.print_help() or 2)
