"""``build.py i18n``: keep the UI string catalogs in step with templates and code, and hand a
translator everything one language lacks (a worksheet) and take it back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chancery.cli.common import add_content_option
from chancery.core.errors import ContentError, display_path

ACTIONS = ["extract", "update", "check", "missing", "import"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "i18n",
        help="UI string catalogs; a translator's worksheet of everything a language lacks",
        description="extract: write themes/chancery/locales/messages.pot from templates and "
        "code; update: merge it into every language's .po; check: list strings that a "
        "language lacks (non-zero exit if any) and the catalogs not yet reviewed by a native "
        "speaker (their X-Chancery-Review header field). missing --lang XX: write a "
        "translator's worksheet (CSV) with every HQ text, data text, holiday name, UI string "
        "and HQ page XX lacks, the Vietnamese and English source beside each; import FILE: "
        "write the worksheet's filled cells back (nothing is written if a row is wrong). "
        "Catalogs are compiled in memory at build time.",
    )
    parser.add_argument("action", choices=ACTIONS, help="what to do (see above)")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="import: the filled worksheet")
    parser.add_argument("--lang", action="append", metavar="CODE",
                        help="limit to this language (repeatable; default: every language); "
                        "missing: the language of the worksheet (once)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="missing: where to write the worksheet "
                        "(default: translations-<lang>.csv)")
    add_content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "missing":
        return _missing(args)
    if args.action == "import":
        return _import(args)
    if args.file is not None:
        print(f"i18n {args.action} takes no file", file=sys.stderr)
        return 2
    from chancery.content.i18n.catalog import po_path
    from chancery.content.i18n.messages import extract, untranslated, update, write_template
    from chancery.content.i18n.review import FIELD, review
    from chancery.content.model.languages import project_languages

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
    codes = args.lang or project_languages().codes
    for code in codes:
        missing = untranslated(code, catalog)
        for message in missing:
            print(f"{code}: untranslated: {message}", file=sys.stderr)
        status |= bool(missing)
        marked = review(po_path(code))
        if marked.state == "invalid":
            print(f"{display_path(po_path(code))}:1: {FIELD}: '{marked.note}' is not a review "
                  f"state; write 'draft, ...' or 'reviewed by NAME, DATE'", file=sys.stderr)
            status = 1
    print("all catalogs complete" if not status else "some catalogs are incomplete")
    drafts = [code for code in codes if not review(po_path(code)).reviewed]
    if drafts:
        print(f"not reviewed by a native speaker yet ({len(drafts)}): {', '.join(drafts)}")
    return int(status)


def _missing(args: argparse.Namespace) -> int:
    from chancery.tools.worksheet import missing_rows, write_worksheet

    if not args.lang or len(args.lang) != 1 or args.file is not None:
        print("usage: build.py i18n missing --lang CODE [--out FILE]", file=sys.stderr)
        return 2
    lang = args.lang[0]
    rows = missing_rows(args.content / "_hq", lang)
    out = write_worksheet(rows, lang, args.out or Path(f"translations-{lang}.csv"))
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row.kind] = kinds.get(row.kind, 0) + 1
    summary = ", ".join(f"{count} {kind}(s)" for kind, count in kinds.items()) or "nothing"
    print(f"'{lang}' lacks {summary}")
    print(f"worksheet: {display_path(out)} (fill the '{lang}' column, then run: "
          f"python3 build.py i18n import {display_path(out)})")
    return 0


def _import(args: argparse.Namespace) -> int:
    from chancery.tools.worksheet import import_worksheet

    if args.file is None or args.lang:
        print("usage: build.py i18n import FILE", file=sys.stderr)
        return 2
    try:
        counts = import_worksheet(args.file, args.content / "_hq")
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in the worksheet; nothing was written",
              file=sys.stderr)
        return 1
    summary = ", ".join(f"{count} {kind}(s)" for kind, count in counts.items())
    print(f"imported {summary or 'nothing (no translation filled in)'}")
    return 0
