"""``build.py status``: translation status per mission and language."""

from __future__ import annotations

import argparse
import json

from chancery.cli.common import add_content_option
from chancery.cli.table import render_table
from chancery.content.freshness import mission_status
from chancery.content.model.network import load_network


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status", help="translation status: pages translated, missing, outdated",
        description="For each mission and each language other than Vietnamese: how many pages "
                    "exist in Vietnamese (total), how many are translated and up to date, "
                    "missing, or outdated (the Vietnamese page changed since the translation "
                    "was marked done with 'build.py translated').")
    parser.add_argument("--mission", action="append", metavar="ID",
                        help="only this mission (repeatable; default: every mission)")
    parser.add_argument("--format", choices=["table", "json"], default="table",
                        help="a table to read or JSON for scripts (default: %(default)s)")
    parser.add_argument("--pages", action="store_true", help="list the pages that need work")
    add_content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    network = load_network(args.content, only=args.mission)
    statuses = [s for entry in network.missions.values() for s in mission_status(network, entry)]
    if args.format == "json":
        print(json.dumps([s.as_dict(with_pages=args.pages) for s in statuses], indent=2,
                         ensure_ascii=False))
        return 0
    print(render_table(
        ["mission", "language", "total", "translated", "missing", "outdated"],
        [[s.mission, s.lang, s.total, s.translated, s.missing, s.outdated] for s in statuses],
        right={2, 3, 4, 5}))
    if args.pages:
        for status in statuses:
            for page in status.pages:
                if page.state != "translated":
                    print(f"{status.mission}/{status.lang}: {page.state}: {page.path}")
    return 0
