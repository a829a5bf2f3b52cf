"""``build.py i18n``: keep the UI string catalogs in step with templates and code."""

from __future__ import annotations

import argparse
import sys

from chancery.errors import display_path
from chancery.i18n.messages import extract, untranslated, update, write_template
from chancery.languages import project_languages


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "i18n",
        help="extract, update and check the UI string catalogs",
        description="extract: write themes/chancery/locales/messages.pot from templates and "
        "code; update: merge it into every language's .po; check: list strings "
        "that a language lacks (non-zero exit if any). Catalogs are compiled in "
        "memory at build time.",
    )
    parser.add_argument("action", choices=["extract", "update", "check"],
                        help="extract, update or check (see above)")
    parser.add_argument("--lang", action="append", metavar="CODE",
                        help="limit to this language (repeatable; default: every language)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalog = extract()
    if args.action == "extract":
        write_template(catalog)
        print(f"{len(catalog)} strings extracted")
        return 0
    if args.action == "update":
        write_template(catalog)
        for path in update(catalog, args.lang):
            print(f"updated {display_path(path)}")
        return 0
    status = 0
    for code in args.lang or project_languages().codes:
        missing = untranslated(code, catalog)
        for message in missing:
            print(f"{code}: untranslated: {message}", file=sys.stderr)
        status |= bool(missing)
    print("all catalogs complete" if not status else "some catalogs are incomplete")
    return int(status)
