"""``build.py build``: build the chosen missions into ``<out>/<mission-id>/``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from chancery.cli.common import PROJECT_ROOT, add_content_option, add_out_option
from chancery.cli.now import add_now_option, chosen_now
from chancery.cli.table import render_table

# The builder, the models and the dashboard are imported when needed: not for --help.


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
    add_out_option(parser, "output folder")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings (e.g. broken links) as errors"
    )
    parser.add_argument(
        "--force", "--no-cache", dest="force", action="store_true",
        help="build every mission and language again, ignoring what earlier builds recorded",
    )
    parser.add_argument(
        "--cache-dir", type=Path, default=PROJECT_ROOT / ".cache" / "builds", metavar="DIR",
        help="where builds record their inputs, to skip what did not change "
        "(default: .cache/builds/)",
    )
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the build's report as JSON"
    )
    add_content_option(parser)
    add_now_option(parser)
    parser.set_defaults(run=run)


def write_dashboard(content: Path, out: Path,
                    left_out: Callable[[str], None] = lambda mission_id: None) -> Path:
    """HQ's translation dashboard over every valid mission: ``<out>/_dashboard/index.html``.
    ``left_out`` hears of each mission left out because some of its pages do not read.

    The dashboard covers the whole network, even when only some missions were built: a
    broken page of a mission that was not asked for leaves that mission out; it must not
    stop the build of the others, nor hide their own errors (each mission's problems are
    its own build's and ``check``'s to report).
    """
    from chancery.content.freshness import mission_status
    from chancery.content.i18n.status import catalog_statuses
    from chancery.content.model.network import load_network_tolerant
    from chancery.core.errors import ContentError
    from chancery.tools.dashboard import dashboard_html

    network, _ = load_network_tolerant(content)
    statuses = []
    for entry in network.missions.values():
        try:
            statuses += mission_status(network, entry)
        except ContentError:
            left_out(entry.id)
    path = out / "_dashboard" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogs = catalog_statuses(network.languages.codes)
    path.write_text(dashboard_html(statuses, catalogs=catalogs), encoding="utf-8")
    return path


def _left_out(mission_id: str) -> None:
    print(f"translation dashboard: {mission_id} left out, some of its pages do not read "
          f"(python3 build.py check --mission {mission_id} lists them)", file=sys.stderr)


def _catalogs_newer(dashboard: Path) -> bool:
    """Whether a UI catalog changed since the dashboard was written (it shows their status)."""
    from chancery.content.i18n.catalog import LOCALES_DIR

    written = dashboard.stat().st_mtime_ns
    return any(po.stat().st_mtime_ns > written for po in LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))


def run(args: argparse.Namespace) -> int:
    from chancery.pipeline.runner import build_missions

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
        cache_dir=args.cache_dir,
        force=args.force,
        now=chosen_now(args),
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in reports], indent=2), encoding="utf-8")
    print()
    print(
        render_table(
            ["mission", "languages", "built", "pages", "seconds", "warnings", "result"],
            [
                [
                    r.mission,
                    ",".join(r.languages) or "-",
                    ",".join(f"{lang} ({len(r.partial[lang])} pages)" if lang in r.partial
                             else lang for lang in r.built) or "-",
                    r.pages,
                    f"{r.seconds:.1f}",
                    len(r.warnings),
                    "unfinished" if r.unfinished else "FAILED" if not r.ok
                    else "unchanged" if r.unchanged else "ok",
                ]
                for r in reports
            ],
            right={3, 4, 5},
        )
    )
    for report in reports:
        if report.warnings:
            print(f"\nwarnings for {report.mission}:")
            for warning in report.warnings:
                print(f"  {warning}")
    dashboard = args.out / "_dashboard" / "index.html"
    if args.mission or not dashboard.is_file() or _catalogs_newer(dashboard) or any(
            r.translations_changed or not r.ok for r in reports):
        write_dashboard(args.content, args.out, _left_out)  # else the same statuses
    print(f"\ntranslation dashboard: {dashboard}")
    # A mission just made with 'build.py new' and not filled in yet is skipped, not a failure
    # of the network's build; asked for by name, it cannot be built, which fails.
    skipped = [r for r in reports if r.unfinished and not args.mission]
    for report in skipped:
        print(f"\nskipped {report.mission}: unfinished, {len(report.errors)} TODO(s) left "
              f"(fill them in, then run: python3 build.py check --mission {report.mission})",
              file=sys.stderr)
        for error in report.errors:
            print(f"  {error}", file=sys.stderr)
    failed = [r for r in reports if not r.ok and r not in skipped]
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
    print(f"\nbuilt {len(reports) - len(skipped)} mission(s) into {args.out}"
          + (f"; {len(skipped)} unfinished mission(s) skipped" if skipped else ""))
    return 0
