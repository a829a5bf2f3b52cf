"""``build.py publish``: publish one mission's finished build to its own hosting."""

from __future__ import annotations

import argparse
from pathlib import Path

from chancery.cli.common import PROJECT_ROOT, add_content_option, add_out_option
from chancery.publish.archive import default_archive_dir
from chancery.publish.errors import cli_guard


def add_archive_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--archive", type=Path, default=None, metavar="DIR",
                        help="release archive folder (default: $CHANCERY_ARCHIVE_DIR, "
                             "else archive/)")


def chosen_archive(args: argparse.Namespace) -> Path:
    """The release archive folder ``--archive`` names, else the default one."""
    return args.archive or default_archive_dir(PROJECT_ROOT)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "publish", help="publish one mission's build to its own hosting, atomically",
        description="Publish the finished build of one mission (site/<id>/ and "
                    "site/<id>.manifest.json) to the target in its mission.yml. Credentials "
                    "come from environment variables only (see the README). Refuses a target "
                    "another mission declares, an unfinished or altered build; publishing "
                    "the live build again changes nothing.")
    add_content_option(parser)
    parser.add_argument("--mission", required=True, metavar="ID",
                        help="the mission to publish, built beforehand (required)")
    add_out_option(parser, "build output folder")
    add_archive_option(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help="verify the build and the target, contact nothing, change nothing")
    parser.set_defaults(run=run)


@cli_guard
def run(args: argparse.Namespace) -> int:
    from chancery.publish.service import publish

    outcome = publish(args.content, args.mission, args.out, chosen_archive(args),
                      dry_run=args.dry_run, say=lambda text: print(text, flush=True))
    print(f"{args.mission}: {outcome.message}")
    return 0
