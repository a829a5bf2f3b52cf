"""``build.py rollback``: switch a mission back to an earlier release kept on its hosting."""

from __future__ import annotations

import argparse

from chancery.cli.common import add_content_option
from chancery.publish.errors import cli_guard


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rollback", help="switch a mission's live site back to an earlier release",
        description="Make an earlier release live again, atomically: by default the one "
                    "before the live release; --to names another (see 'build.py releases "
                    "--mission ID --remote'). Publishing a new build later rolls forward.")
    add_content_option(parser)
    parser.add_argument("--mission", required=True, metavar="ID",
                        help="the mission whose live site to switch back (required)")
    parser.add_argument("--to", metavar="RELEASE",
                        help="a release name, or the start of its build id (6+ characters; "
                        "default: the release before the live one)")
    parser.set_defaults(run=run)


@cli_guard
def run(args: argparse.Namespace) -> int:
    from chancery.publish.service import rollback

    outcome = rollback(args.content, args.mission, args.to)
    print(f"{args.mission}: {outcome.message}")
    return 0
