"""``build.py releases``: a mission's archived releases, or those kept on its hosting."""

from __future__ import annotations

import argparse

from chancery.cli.common import add_content_option
from chancery.cli.publish import add_archive_option, chosen_archive
from chancery.publish.archive import list_archives
from chancery.publish.errors import cli_guard


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "releases", help="list a mission's archived releases (or those on its hosting)",
        description="List every release of a mission kept in the archive folder, oldest "
                    "first; with --remote, list the releases kept on the mission's hosting "
                    "and which one is live (needs the same credentials as publish).")
    add_content_option(parser)
    parser.add_argument("--mission", required=True, metavar="ID",
                        help="the mission whose releases to list (required)")
    add_archive_option(parser)
    parser.add_argument("--remote", action="store_true",
                        help="list the releases on the hosting instead of the archive")
    parser.set_defaults(run=run)


@cli_guard
def run(args: argparse.Namespace) -> int:
    if args.remote:
        from chancery.publish.service import hosted_releases

        where, kept = hosted_releases(args.content, args.mission)
        print(f"{args.mission}: {len(kept)} release(s) on {where}")
        for release in kept:
            print(f"{release.name}  {release.build_id[:12]}{'  live' if release.live else ''}")
        return 0
    folder = chosen_archive(args)
    archived = list_archives(folder, args.mission)
    print(f"{args.mission}: {len(archived)} archived release(s) in {folder / args.mission}")
    for item in archived:
        info = item.info
        size = item.path.stat().st_size
        print(f"{item.name}  build {item.build_id[:12]}  built {info.get('built_at') or '?'}  "
              f"{info.get('pages') or '?'} pages  {size / 1e6:.1f} MB  {item.path.name}")
    return 0
