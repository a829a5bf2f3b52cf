"""``build.py fonts``: vendor web font families from npm and check every language has one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chancery.core.project import THEME_DIR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fonts",
        help="vendor a web font family from npm, or check every language has a font",
        description="add FAMILY: fetch one Fontsource package (npm pack) and vendor its "
        "woff2 subsets, licence and @font-face rules under themes/chancery/assets/fonts/"
        "FAMILY/, leaving the other families alone; update: do so for every family of "
        "fonts.yml; check: every declared language's script has a vendored family "
        "(non-zero exit if not). Needs npm for add and update only.",
    )
    parser.add_argument("action", choices=["add", "update", "check"],
                        help="add, update or check (see above)")
    parser.add_argument("family", nargs="?", metavar="FAMILY",
                        help="for add: the package name without @fontsource/, e.g. "
                        "noto-sans-lao (no default)")
    parser.add_argument("--version", metavar="X.Y.Z",
                        help="package version (default: version in fonts.yml)")
    parser.add_argument("--from", dest="unpacked", type=Path, metavar="DIR",
                        help="read packages already unpacked as DIR/FAMILY/package/ instead "
                        "of running npm (default: fetch with npm)")
    parser.add_argument("--theme", type=Path, default=THEME_DIR, metavar="DIR",
                        help="theme folder holding fonts.yml (default: themes/chancery)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from chancery.render.fonts import load_table, missing_fonts
    from chancery.tools.font_vendor import FontVendorError, add_family

    table = load_table(args.theme / "fonts.yml")
    if args.action == "check":
        from chancery.content.model.languages import project_languages

        problems = missing_fonts(args.theme, project_languages().codes)
        for line in problems:
            print(line, file=sys.stderr)
        print("every language has a font" if not problems else "some languages lack a font")
        return int(bool(problems))
    if args.action == "add" and not args.family:
        print("fonts add: name the family, e.g. 'build.py fonts add noto-sans-lao'",
              file=sys.stderr)
        return 2
    families = [args.family] if args.action == "add" else table.families()
    fonts_dir = args.theme / "assets" / "fonts"
    for family in families:
        if args.action == "add" and family not in table.families():
            print(f"note: {family} is not in fonts.yml scripts yet; add 'Xxxx: {family}' "
                  "there so languages of that script use it", file=sys.stderr)
        try:
            done = add_family(table, family, fonts_dir, args.version, args.unpacked)
        except FontVendorError as exc:
            print(f"fonts {args.action}: {exc}", file=sys.stderr)
            return 1
        print(f"vendored {done.family}@{done.version}: {done.files} files, "
              f"{done.size // 1024} KB")
    return 0
