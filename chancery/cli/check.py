"""``build.py check``: validate content and data without rendering."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from chancery.cli.common import add_content_option
from chancery.content.i18n.problems import available_languages

FORMATS = ("text", "json", "github")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate content and data without building",
        description="Check mission and HQ data, front matter, links and images. Reads every "
        "file of every mission, even of a mission that does not load, and lists each problem "
        "once as file:line, grouped by mission, with a count at the end; exits non-zero if "
        "any is an error.",
    )
    parser.add_argument(
        "--mission", action="append", metavar="ID",
        help="check only this mission (repeatable; default: every mission)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "--format", choices=FORMATS, default="text",
        help="text: the list on standard error, the count on standard output; json: one JSON "
        "object {checked, errors, warnings, lang, problems: [{mission, file, line, field, "
        "severity, message}]} on standard output; github: GitHub Actions annotations "
        "(::error file=...,line=...::message) on standard output (default: %(default)s)",
    )
    languages = available_languages()
    parser.add_argument(
        "--lang", choices=languages, metavar="LANG",
        help=f"language of the messages: {', '.join(languages)} (default: the locale's, "
        "as gettext reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG; else en)",
    )
    add_content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from chancery.checks.report import as_github, as_json, as_text, make_report
    from chancery.content.i18n.problems import language_from_environment

    checked: list[str] = []  # filled as the problems are found
    report = make_report(_problems(args.content, args.mission, checked), args.content, checked)
    lang = args.lang or language_from_environment()
    if args.format == "json":
        print(as_json(report, lang))
    elif args.format == "github":
        print(as_github(report, lang))
    else:
        listed, count = as_text(report, lang)
        if listed:
            print(listed, file=sys.stderr)
        print(count)
    return 1 if report.errors or (args.strict and report.warnings) else 0


def _problems(content: Path, only: list[str] | None, checked: list[str]) -> Iterator:
    """Every problem of the missions ``only`` names (all by default), one mission after
    another (``checked`` receives their ids). A mission that does not load, or HQ settings
    that do not, still have each of their files read."""
    from chancery.checks.content import check_mission
    from chancery.checks.unloaded import failed_mission_problems, unloaded_problems
    from chancery.content.model.network import (
        HQ_DIR,
        load_network_tolerant,
        mission_dirs,
        unknown_missions,
    )
    from chancery.core.errors import ContentError
    from chancery.publish.targets import network_conflicts

    folders = mission_dirs(content)
    unknown = unknown_missions(content, only, folders)
    yield from unknown
    wanted = [f for f in folders if only is None or f.name in only]
    try:
        network, failures = load_network_tolerant(
            content, None if only is None else [f.name for f in wanted])
    except ContentError as exc:  # HQ's settings or languages: no mission loads
        yield from exc.problems
        yield from unloaded_problems(content / HQ_DIR, exc.problems)
        for folder in wanted:
            checked.append(folder.name)
            yield from failed_mission_problems(None, folder, exc.problems)
        yield from network_conflicts(content, only)  # without HQ's allow-list
        return
    for folder in wanted:
        checked.append(folder.name)
        if folder.name in failures:
            yield from failures[folder.name]
            yield from failed_mission_problems(network, folder, failures[folder.name])
        elif folder.name in network.missions:
            yield from check_mission(network, network.missions[folder.name])
    yield from network_conflicts(content, only, network.hq)  # one hosting each
