#!/usr/bin/env python3
"""Re-vendor the theme's web fonts from the @fontsource npm packages and rewrite fonts.css.

    python3 themes/chancery/assets/fonts/update_fonts.py [--version 5.3.0] [--from DIR]

Fetches each package with ``npm pack`` (or reads already unpacked ones from ``--from DIR``,
laid out as DIR/<family>/package/), keeps weights 400 and 700, normal style, woff2 only,
and the subsets listed in KEEP, copies each family's OFL licence, and regenerates each
family's ``<family>/faces.css`` (the site plugin links only the families a mission's
languages need). MkDocs never publishes this script (theme *.py files are
skipped). See themes/chancery/FONTS.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1]

# family -> subsets to keep, in the order they are declared; "*" means the numbered
# unicode-range slices of a CJK family (kept in Fontsource's order). Latin, Vietnamese and
# Cyrillic come from Noto Sans, which is first in every font stack, so the Arabic and CJK
# packages' own Latin/Vietnamese/Cyrillic subsets are not needed.
# Where ranges overlap, the face declared last wins, but Chromium still downloads every
# face whose range meets the page's text. So the named subsets are declared with
# "vietnamese" after "latin-ext" (Fontsource does the opposite) and each one's
# unicode-range loses the code points of the subsets declared after it: a Vietnamese page
# then takes ă, đ, ơ, ư from the 5 KB Vietnamese file and skips the 56 KB latin-ext one.
KEEP = {
    "noto-sans": ["cyrillic-ext", "cyrillic", "latin-ext", "vietnamese", "latin"],
    "noto-sans-arabic": ["arabic"],
    "noto-sans-jp": ["*"],
    "noto-sans-sc": ["*"],
    "noto-sans-kr": ["*"],
}
WEIGHTS = ["400", "700"]
FACE = re.compile(r"/\* (?P<name>[^*]+?) \*/\s*@font-face\s*{(?P<body>[^}]*)}")
HEADER = """\
/* Chancery self-hosted fonts: generated from the @fontsource packages listed in
   themes/chancery/FONTS.md (SIL Open Font License 1.1, see fonts/<family>/OFL.txt).
   Do not edit by hand; regenerate with fonts/update_fonts.py. Weights 400 and 700, normal
   style, woff2 only; each unicode-range slice is downloaded only if a page uses it. */
"""


def fetch(version: str, workdir: Path) -> Path:
    """npm pack every family into workdir and unpack it; return the directory of packages."""
    for family in KEEP:
        out = subprocess.run(
            ["npm", "pack", "--silent", f"@fontsource/{family}@{version}"],
            cwd=workdir,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(workdir / out) as tar:
            tar.extractall(workdir / family, filter="data")
    return workdir


def subset_of(family: str, name: str) -> str:
    """'noto-sans-jp-[12]-400-normal' -> '[12]'; 'noto-sans-latin-ext-400-normal' -> 'latin-ext'."""
    return name[len(family) + 1 :].rsplit("-", 2)[0]


def parse_range(value: str) -> set[int]:
    points: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip()[2:].partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def format_range(points: set[int]) -> str:
    spans: list[tuple[int, int]] = []
    for cp in sorted(points):
        if spans and cp == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], cp)
        else:
            spans.append((cp, cp))
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in spans)


def wanted(subset: str, keep: list[str]) -> bool:
    return subset in keep or (subset.startswith("[") and "*" in keep)


def _range_of(body: str) -> str:
    return re.search(r"unicode-range:\s*([^;]+);", body)[1].strip()


def vendor(src: Path, assets: Path = ASSETS) -> list[str]:
    """Copy the kept woff2 files and licences into assets/fonts; return the CSS lines."""
    css = [HEADER]
    for family, keep in KEEP.items():
        pkg = src / family / "package"
        dest = assets / "fonts" / family
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        shutil.copyfile(pkg / "LICENSE", dest / "OFL.txt")
        faces: dict[str, dict[str, tuple[str, str]]] = {}  # in Fontsource's order
        for weight in WEIGHTS:
            for m in FACE.finditer((pkg / f"{weight}.css").read_text(encoding="utf-8")):
                faces.setdefault(subset_of(family, m["name"]), {})[weight] = (m["name"], m["body"])
        named = [s for s in keep if s != "*"]
        order = sorted(
            (s for s in faces if wanted(s, keep)),
            key=lambda s: named.index(s) if s in named else -1,  # stable: slices first
        )
        ranges = {sub: _range_of(faces[sub][WEIGHTS[0]][1]) for sub in order}
        later: set[int] = set()
        for sub in reversed(order):
            if sub in named:
                own = parse_range(ranges[sub])
                if own & later:
                    ranges[sub] = format_range(own - later)
                later |= own
        # 400 and 700 of a slice side by side: the repeated unicode-range compresses well.
        for subset in order:
            by_weight = faces[subset]
            for weight in WEIGHTS:
                name, body = by_weight[weight]
                name_family = re.search(r"font-family:\s*'([^']+)'", body)[1]
                woff2 = re.search(r"url\(\./files/([^)]+\.woff2)\)", body)[1]
                unicode_range = ranges[subset]
                shutil.copyfile(pkg / "files" / woff2, dest / woff2)
                css += [
                    f"/* {name} */",
                    "@font-face {",
                    f'  font-family: "{name_family}";',
                    "  font-style: normal;",
                    f"  font-weight: {weight};",
                    "  font-display: swap;",
                    f'  src: url("../fonts/{family}/{woff2}") format("woff2");',
                    f"  unicode-range: {unicode_range};",
                    "}",
                ]
    return css


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="5.3.0", help="@fontsource version (all families)")
    parser.add_argument("--from", dest="src", type=Path, help="already unpacked packages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = args.src or fetch(args.version, Path(tmp))
        css = vendor(src)
    for path in write_family_css(css):
        print(f"wrote {path}")


def write_family_css(css: list[str]) -> list[Path]:
    """Split the @font-face rules by family into ``fonts/<family>/faces.css``."""
    text = "\n".join(css) + "\n"
    rules: dict[str, list[str]] = {}
    for rule in re.findall(r"(?:/\*[^*]*\*/\n)?@font-face \{.*?\n\}", text, flags=re.S):
        family = re.search(r'url\("\.\./fonts/([^/]+)/', rule)[1]
        rules.setdefault(family, []).append(re.sub(r'url\("\.\./fonts/[^/]+/', 'url("', rule))
    written = []
    for family, faces in rules.items():
        path = ASSETS / "fonts" / family / "faces.css"
        path.write_text("\n".join(faces) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    main()
