"""``build.py affected``: the missions to rebuild, for CI's build matrix."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta

from chancery.cli.common import add_content_option
from chancery.core.clock import parse_now, wall_now
from chancery.pipeline.affected import (
    Affected,
    GitRangeError,
    affected_since,
    known_missions,
    scheduled_changes,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "affected", help="list the missions a change (or the schedule) affects",
        description="Print the missions to rebuild: those a git diff touches (--base), those "
                    "whose scheduled posts or alerts changed state in the last minutes "
                    "(--schedule-window), or a given selection (--select). Reasons go to "
                    "stderr; the list goes to stdout.")
    add_content_option(parser)
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--base", metavar="REF",
                     help="compare HEAD (or --head) with REF, e.g. origin/main; if REF is "
                          "unknown in this clone, every mission is selected")
    how.add_argument("--schedule-window", type=int, metavar="MINUTES",
                     help="missions with a date-time in their content (a post's date:/"
                          "expires:, an alert's start:/end:…) or their local midnight in the "
                          "last MINUTES")
    how.add_argument("--select", metavar="all|ID[,ID]",
                     help="'all' or a comma-separated list of mission ids (checked)")
    parser.add_argument("--head", default="HEAD", metavar="REF", help="default: HEAD")
    parser.add_argument("--now", metavar="ISO-TIME",
                        help="with --schedule-window: the time to look back from (default: now)")
    parser.add_argument("--format", choices=["lines", "json"], default="lines",
                        help="one id per line (default) or a JSON list for a CI matrix")
    parser.set_defaults(run=run)


def _select(args: argparse.Namespace) -> Affected:
    missions = known_missions(args.content)
    if args.select is not None:
        wanted = [m.strip() for m in args.select.split(",") if m.strip()]
        if wanted == ["all"]:
            return Affected(missions, {"*": ["--select all"]})
        unknown = [m for m in wanted if m not in missions]
        if unknown:
            raise GitRangeError(f"unknown mission(s) {', '.join(unknown)}; "
                                f"known: {', '.join(missions)}")
        return Affected(sorted(set(wanted)), {m: ["--select"] for m in wanted})
    if args.schedule_window is not None:
        now = parse_now(args.now) if args.now else wall_now()
        return scheduled_changes(args.content, now, timedelta(minutes=args.schedule_window))
    try:
        return affected_since(args.content, args.base, args.head)
    except GitRangeError as exc:
        print(f"note: cannot diff against '{args.base}' ({exc}); selecting every mission",
              file=sys.stderr)
        return Affected(missions, {"*": [f"no usable diff against {args.base}"]})


def run(args: argparse.Namespace) -> int:
    try:
        result = _select(args)
    except (GitRangeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for target, why in sorted(result.reasons.items()):
        label = "every mission" if target == "*" else target
        print(f"{label}: {', '.join(why[:5])}{' …' if len(why) > 5 else ''}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result.missions))
    else:
        for mission in result.missions:
            print(mission)
    return 0
