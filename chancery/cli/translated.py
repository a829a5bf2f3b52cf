"""``build.py translated``: a translator marks translations as done (up to date)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chancery.cli.common import add_content_option
from chancery.content.freshness import mark_translated
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.content.model.network import load_network
from chancery.content.pages import PAGES_DIR
from chancery.core.errors import display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "translated", help="mark translations as up to date with their Vietnamese source",
        description="Record in each translation's front matter (source_hash) which version of "
                    "the Vietnamese page it translates. Run it when a translation is finished.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="pages to mark, e.g. consular/visa.md (default with --all: every "
                             "translated page)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--mission", metavar="ID", help="a mission's own pages")
    target.add_argument("--hq", action="store_true", help="HQ's shared pages (content/_hq/)")
    parser.add_argument("--lang", action="append", metavar="L",
                        help="language(s) to mark (default: every language but Vietnamese)")
    parser.add_argument("--all", action="store_true", help="mark every existing translation")
    add_content_option(parser)
    parser.set_defaults(run=run)


def _own_pages(root: Path, languages: list[str]) -> dict[str, dict[str, Path]]:
    """Markdown files per language under ``root/pages/<lang>/`` (no inheritance)."""
    return {lang: {p.relative_to(root / PAGES_DIR / lang).as_posix(): p
                   for p in sorted((root / PAGES_DIR / lang).rglob("*.md"))}
            for lang in languages}


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.all:
        print("name the pages to mark, or use --all", file=sys.stderr)
        return 2
    network = load_network(args.content, only=[args.mission] if args.mission else [])
    if args.hq:
        root = network.hq_dir
        folders = sorted(p.name for p in (root / PAGES_DIR).iterdir() if p.is_dir())
        languages = [DEFAULT_LANGUAGE, *[code for code in folders if code != DEFAULT_LANGUAGE]]
    else:
        root = network.missions[args.mission].root
        languages = network.missions[args.mission].mission.languages
    pages = _own_pages(root, languages)
    status = 0
    for lang in args.lang or languages[1:]:
        if lang not in languages or lang == DEFAULT_LANGUAGE:
            print(f"'{lang}' is not a translation language here", file=sys.stderr)
            return 2
        for path in args.paths or sorted(pages[lang]):
            source, translation = pages[DEFAULT_LANGUAGE].get(path), pages[lang].get(path)
            if source is None:
                print(f"{path}: no Vietnamese page at this path", file=sys.stderr)
                status = 1
            elif translation is None:
                print(f"{path}: not translated into '{lang}' yet", file=sys.stderr)
                status = 1
            else:
                digest = mark_translated(source, translation)
                print(f"marked {display_path(translation)} ({digest})")
    return status
