"""``build.py check``: validate content and data without rendering."""

from __future__ import annotations

import argparse
import sys

from chancery.check import check_mission
from chancery.cli.common import add_content_option
from chancery.model.network import load_network_tolerant
from chancery.publish.targets import network_conflicts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate content and data without building",
        description="Check mission and HQ data, front matter, links and images. Prints every "
        "problem as file:line; exits non-zero if any is an error.",
    )
    parser.add_argument(
        "--mission", action="append", metavar="ID", help="check only this mission (repeatable)"
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    add_content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    network, failures = load_network_tolerant(args.content, args.mission)
    problems = [p for found in failures.values() for p in found]
    for entry in network.missions.values():
        problems += check_mission(network, entry)
    problems += network_conflicts(args.content, args.mission, network.hq)  # one hosting each
    problems = sorted(set(problems))
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    checked = len(network.missions) + len(failures)
    print(f"checked {checked} mission(s): {errors} error(s), {warnings} warning(s)")
    return 1 if errors or (args.strict and warnings) else 0
