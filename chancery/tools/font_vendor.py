"""Vendor one web font family from its Fontsource npm package into the theme.

``npm pack`` fetches ``@fontsource/<family>@<version>`` from the npm registry into a
temporary folder (npm is needed for this only, never to build). Kept: the weights of
``fonts.yml``, normal style, woff2 only, the family's subsets (see :func:`kept_subsets`),
with Fontsource's own ``unicode-range`` of each; written: ``assets/fonts/<family>/`` with
the woff2 files, ``OFL.txt`` (the package's licence) and ``faces.css``. Other families'
folders are not touched.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chancery.render.fonts import FACES, LICENCE, FontTable

_FACE = re.compile(r"/\* (?P<name>[^*]+?) \*/\s*@font-face\s*{(?P<body>[^}]*)}")
# Left out of a family unless fonts.yml lists them: the base family writes the alphabets;
# mathematical and symbol subsets are not needed for running text.
BASE_SUBSETS = {"latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext", "greek",
                "greek-ext", "math", "symbols"}
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class FontVendorError(RuntimeError):
    """A family could not be fetched or vendored (the message says what to do)."""


@dataclass(frozen=True)
class Vendored:
    family: str
    version: str
    files: int
    size: int


def check_name(family: str) -> str:
    if not _NAME.fullmatch(family):
        raise FontVendorError(f"{family!r}: not a Fontsource package name "
                              "(lower-case words joined by '-', e.g. noto-sans-lao)")
    return family


def fetch(table: FontTable, family: str, version: str, workdir: Path) -> Path:
    """``npm pack`` one package into ``workdir``; return its unpacked ``package/`` folder."""
    spec = f"{table.source}/{check_name(family)}@{version}"
    try:
        result = subprocess.run(["npm", "pack", "--silent", spec], cwd=workdir,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise FontVendorError("npm is not installed: it is needed to fetch font packages "
                              "(apt-get install npm), or pass --from DIR") from exc
    if result.returncode != 0 or not result.stdout.split():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:]
        raise FontVendorError(f"npm pack {spec} failed: {' '.join(detail)}")
    with tarfile.open(workdir / result.stdout.split()[-1]) as tar:
        tar.extractall(workdir / family, filter="data")
    return workdir / family / "package"


def subset_of(family: str, name: str) -> str:
    """'noto-sans-jp-[12]-400-normal' -> '[12]'; 'noto-sans-latin-ext-400-normal' ->
    'latin-ext'."""
    return name[len(family) + 1:].rsplit("-", 2)[0]


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


def kept_subsets(table: FontTable, family: str, available: list[str]) -> list[str]:
    """The subsets to vendor, in declaration order: ``fonts.yml``'s list for the family
    ("*" = the numbered slices, first), else every subset but :data:`BASE_SUBSETS`."""
    listed = table.subsets.get(family)
    if listed is None:
        return [s for s in available if s not in BASE_SUBSETS]
    slices = [s for s in available if s.startswith("[")] if "*" in listed else []
    missing = [s for s in listed if s != "*" and s not in available]
    if missing:
        raise FontVendorError(f"{family}: no subset {', '.join(missing)} in the package "
                              f"(it has {', '.join(available)}): fix fonts.yml subsets")
    return slices + [s for s in listed if s != "*"]


def _faces(package: Path, family: str, weights: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """subset -> weight -> @font-face body, in Fontsource's order."""
    faces: dict[str, dict[str, str]] = {}
    for weight in weights:
        css = package / f"{weight}.css"
        if not css.is_file():
            raise FontVendorError(f"{family}: the package has no weight {weight}")
        for m in _FACE.finditer(css.read_text(encoding="utf-8")):
            faces.setdefault(subset_of(family, m["name"]), {})[weight] = m["body"]
    return faces


def _field(body: str, pattern: str) -> str:
    found = re.search(pattern, body)
    if not found:
        raise FontVendorError(f"unexpected Fontsource CSS (no {pattern!r}): {body.strip()}")
    return found[1].strip()


def faces_css(package: Path, family: str, table: FontTable) -> tuple[str, list[str]]:
    """The family's ``faces.css`` and the woff2 files it names (in ``package/files``).

    Within a family, a named subset's range loses the code points of the subsets declared
    after it: Chromium downloads every face whose range meets the page's text.
    """
    faces = _faces(package, family, table.weights)
    order = kept_subsets(table, family, list(faces))
    ranges = {s: _field(faces[s][table.weights[0]], r"unicode-range:\s*([^;]+);")
              for s in order}
    later: set[int] = set()
    for subset in reversed(order):
        if subset.startswith("["):
            continue
        own = parse_range(ranges[subset])
        if own & later:
            ranges[subset] = format_range(own - later)
        later |= own
    rules, files = [], []
    for subset in order:
        for weight in table.weights:
            body = faces[subset].get(weight)
            if body is None:
                raise FontVendorError(f"{family}: subset {subset} has no weight {weight}")
            name = _field(body, r"font-family:\s*'([^']+)'")
            woff2 = _field(body, r"url\(\./files/([^)]+\.woff2)\)")
            files.append(woff2)
            rules += [
                f"/* {family}-{subset}-{weight}-normal */",
                "@font-face {",
                f'  font-family: "{name}";',
                "  font-style: normal;",
                f"  font-weight: {weight};",
                "  font-display: swap;",
                f'  src: url("{woff2}") format("woff2");',
                f"  unicode-range: {ranges[subset]};",
                "}",
            ]
    return "\n".join(rules) + "\n", files


def vendor(package: Path, family: str, table: FontTable, fonts_dir: Path,
           version: str) -> Vendored:
    """Replace ``fonts_dir/<family>/`` with the kept files of an unpacked package."""
    css, files = faces_css(package, family, table)
    licence = package / "LICENSE"
    if not licence.is_file():
        raise FontVendorError(f"{family}: the package has no LICENSE file")
    staging = Path(tempfile.mkdtemp(prefix=f".{family}-", dir=fonts_dir))
    try:
        for name in files:
            shutil.copyfile(package / "files" / name, staging / name)
        shutil.copyfile(licence, staging / LICENCE)
        (staging / FACES).write_text(css, encoding="utf-8")
        target = fonts_dir / family
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    size = sum(p.stat().st_size for p in (fonts_dir / family).iterdir())
    return Vendored(family, version, len(files), size)


def add_family(table: FontTable, family: str, fonts_dir: Path, version: str | None = None,
               unpacked: Path | None = None) -> Vendored:
    """Fetch (or read from ``unpacked/<family>/package``) and vendor one family."""
    version = version or table.version
    check_name(family)
    if unpacked is not None:
        package = unpacked / family / "package"
        if not package.is_dir():
            raise FontVendorError(f"{package}: no unpacked package there")
        return vendor(package, family, table, fonts_dir, version)
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(table, family, version, Path(tmp))
        return vendor(package, family, table, fonts_dir, version)
