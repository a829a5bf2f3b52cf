"""``build.py comment``: the pull request comment CI writes (previews and check report)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "comment", help="write the pull request comment: previews and the check report",
        description="Print, as Markdown, the comment CI leaves on a pull request: the "
                    "preview artifact of each mission it affects and the report of "
                    "'build.py check' (set so that nothing in it becomes a link).")
    parser.add_argument("--check-report", type=Path, required=True, metavar="FILE",
                        help="the saved output of 'build.py check' (required)")
    parser.add_argument("--check-failed", action="store_true",
                        help="check found problems (default: it passed)")
    parser.add_argument("--missions", default="[]", metavar="JSON",
                        help="the missions previewed, as 'build.py affected --format json' "
                        "prints them (default: [], none)")
    parser.add_argument("--run-url", default="", metavar="URL",
                        help="the CI run's page, where the artifacts are (default: none)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from chancery.tools.review_comment import review_comment

    try:
        report = args.check_report.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"{args.check_report}: cannot be read ({exc.strerror})", file=sys.stderr)
        return 1
    try:
        missions = json.loads(args.missions)
    except ValueError:
        missions = None
    if not isinstance(missions, list) or not all(isinstance(m, str) for m in missions):
        print("--missions: expected a JSON list of mission ids, e.g. [\"fr-paris\"]",
              file=sys.stderr)
        return 2
    print(review_comment(report, args.check_failed, missions, args.run_url))
    return 0
