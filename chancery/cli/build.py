"""``build.py build``: build the chosen missions into ``<out>/<mission-id>/``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from chancery.build.runner import build_missions
from chancery.cli.common import PROJECT_ROOT, add_content_option
from chancery.cli.now import add_now_option, set_clock
from chancery.cli.table import render_table
from chancery.dashboard import dashboard_html
from chancery.model.network import load_network_tolerant
from chancery.translations import mission_status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build mission sites (default: all missions)",
        description="Build each chosen mission in every language, in parallel worker processes. "
        "The default language goes to <out>/<mission>/, each other language to "
        "<out>/<mission>/<lang>/. A mission that fails keeps its previous output.",
    )
    parser.add_argument(
        "--mission", action="append", metavar="ID", help="build only this mission (repeatable)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: number of CPU cores)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=PROJECT_ROOT / "site",
        metavar="DIR",
        help="output folder (default: site/)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings (e.g. broken links) as errors"
    )
    add_content_option(parser)
    add_now_option(parser)
    parser.set_defaults(run=run)


def write_dashboard(content: Path, out: Path) -> Path:
    """HQ's translation dashboard over every valid mission: ``<out>/_dashboard/index.html``."""
    network, _ = load_network_tolerant(content)
    statuses = [s for entry in network.missions.values() for s in mission_status(network, entry)]
    path = out / "_dashboard" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dashboard_html(statuses), encoding="utf-8")
    return path


def run(args: argparse.Namespace) -> int:
    set_clock(args.now)
    if args.jobs < 1:
        print("--jobs must be at least 1", file=sys.stderr)
        return 2
    reports = build_missions(
        args.content,
        args.out,
        args.mission,
        jobs=args.jobs,
        strict=args.strict,
        progress=lambda line: print(line, flush=True),
    )
    print()
    print(
        render_table(
            ["mission", "languages", "pages", "seconds", "warnings", "result"],
            [
                [
                    r.mission,
                    ",".join(r.languages) or "-",
                    r.pages,
                    f"{r.seconds:.1f}",
                    len(r.warnings),
                    "ok" if r.ok else "FAILED",
                ]
                for r in reports
            ],
            right={2, 3, 4},
        )
    )
    for report in reports:
        if report.warnings:
            print(f"\nwarnings for {report.mission}:")
            for warning in report.warnings:
                print(f"  {warning}")
    dashboard = write_dashboard(args.content, args.out)
    print(f"\ntranslation dashboard: {dashboard}")
    failed = [r for r in reports if not r.ok]
    for report in failed:
        print(
            f"\nerrors for {report.mission} (its previous output was left as it was):",
            file=sys.stderr,
        )
        for error in report.errors:
            print(f"  {error}", file=sys.stderr)
    if failed:
        print(f"\n{len(failed)} of {len(reports)} mission(s) failed.", file=sys.stderr)
        return 1
    print(f"\nbuilt {len(reports)} mission(s) into {args.out}")
    return 0
