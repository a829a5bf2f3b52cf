"""``build.py preview``: a built mission as a folder that works opened from disk."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from chancery.cli.common import PROJECT_ROOT, add_out_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "preview", help="copy a built mission into a preview that opens from disk",
        description="Copy <out>/<mission>/ (made by 'build.py build') to <to>/<mission>/ "
                    "with every link naming its index.html, so the site can be clicked "
                    "through from files (a CI artifact, a USB stick) without a web server; "
                    "every page says noindex. Search needs a web server: use "
                    "'build.py serve' for it.")
    parser.add_argument("--mission", required=True, metavar="ID",
                        help="the mission to preview (required; build it first)")
    add_out_option(parser, "where the build wrote the site")
    parser.add_argument("--to", type=Path, default=PROJECT_ROOT / "previews", metavar="DIR",
                        help="where to write the preview, replacing an earlier one "
                        "(default: previews/)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from chancery.publish.built import load_built_site
    from chancery.publish.errors import PublishError
    from chancery.tools.offline_preview import write_offline_preview

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", args.mission):
        print(f"'{args.mission}' is not a mission id (e.g. fr-paris)", file=sys.stderr)
        return 2
    try:
        site = load_built_site(args.out, args.mission).path  # verified against its manifest
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    report = write_offline_preview(site, args.to / args.mission)
    for broken in report.broken:
        print(f"warning: {broken} leads to no file of the preview", file=sys.stderr)
    print(f"{args.mission}: {report.pages} pages in {report.folder}; open "
          f"{report.folder / 'index.html'} in a browser")
    return 0
