"""Vendor Decap CMS from its npm package into ``themes/chancery/admin/`` (no CDN).

``npm pack decap-cms@<version>`` fetches the package (npm is needed for this only, never to
build). Kept: ``dist/decap-cms.js``, the chunks and WebAssembly files it loads from its own
folder, and the licence texts. Source maps and the ``cms.js`` twin are left out.

Decap's ``multiple_folders`` i18n expects ``<folder>/<locale>/<file>``, with the locale as
the *parent folder of the file*; our pages live at ``pages/<lang>/<section>/.../<file>``.
Five small, checked replacements teach the bundle our layout: the locale is the folder
right after ``pages/`` (writing, reading, grouping the versions of one entry), a
collection's ``filter: {field: "{path}", value: <regex>}`` keeps the entries whose path
matches (news posts apart from pages), and a language whose title is left empty is not
written (the entry is not translated into it yet; see :data:`TRANSLATED_FIELD`). Each
replacement must match exactly once, or vendoring fails: a new Decap version is checked,
not patched blindly.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chancery.content.pages import PAGES_DIR

PACKAGE = "decap-cms"
DEFAULT_VERSION = "3.16.3"
BUNDLE = "decap-cms.js"
MANIFEST = "VENDORED.json"
LICENCE = "LICENSE.txt"
PATH_FILTER = "{path}"  # a collection filter on this "field" matches entry paths by regex
# A language's version of an entry is written only when this field is filled in it: Decap
# would otherwise write a file for every language (the fields copied to every language,
# dates and categories, fill it), and a page without its title is an error to the build.
TRANSLATED_FIELD = "title"

_CHUNK = re.compile(r"[0-9]+\.decap-cms\.js|[0-9a-f]{20}\.wasm")

# (what it fixes, pattern, replacement); \g<n> refer to the bundle's minified names.
PATCHES: tuple[tuple[str, str, str], ...] = (
    (
        "getFilePath: the locale folder goes right after pages/",
        r"case (\w+)\.MULTIPLE_FOLDERS:return (\w+)\.replace"
        r"\(`/\$\{(\w+)\}`,`/\$\{(\w+)\}/\$\{\3\}`\)",
        rf"case \1.MULTIPLE_FOLDERS:return \2.replace(`/{PAGES_DIR}/${{\3}}`,"
        rf"`/{PAGES_DIR}/${{\4}}/${{\3}}`)",
    ),
    (
        "getLocaleFromPath: the locale is the folder after pages/, not the file's parent",
        r"case (\w+)\.MULTIPLE_FOLDERS:\{const (\w+)=(\w+)\.split\(\"/\"\);"
        r"return \2\.pop\(\),\2\.pop\(\)\}",
        rf'case \1.MULTIPLE_FOLDERS:{{const \2=\3.split("/");'
        rf'return \2[\2.indexOf("{PAGES_DIR}")+1]}}',
    ),
    (
        "normalizeFilePath: remove the locale folder after pages/ only",
        r"case (\w+)\.MULTIPLE_FOLDERS:return (\w+)\.replace\(`\$\{(\w+)\}/`,\"\"\)",
        rf'case \1.MULTIPLE_FOLDERS:return \2.replace(`/{PAGES_DIR}/${{\3}}/`,"/{PAGES_DIR}/")',
    ),
    (
        "filterEntries: a {path} filter matches the entry's path with a regular expression",
        r"filterEntries\((\w+),(\w+)\)\{return \1\.entries\.filter\((\w+)=>\{",
        rf'filterEntries(\1,\2){{return \1.entries.filter(\3=>{{'
        rf'if(\2.get("field")==="{PATH_FILTER}")return new RegExp(\2.get("value")).test(\3.path);',
    ),
    (
        "getI18nFiles: a language without a title is not written (not translated yet)",
        r'const (\w+)=(\w+)\((\w+),(\w+)\),(\w+)=(\w+)\.set\("data",\6\.getIn\(\1\)\);'
        r'return\{path:([^}]*?),raw:\5\.get\("data"\)\?(\w+)\(\5\):""',
        r'const \1=\2(\3,\4),\5=\6.set("data",\6.getIn(\1));return{path:\7,'
        rf'raw:\5.get("data")&&(\3===\4||\5.getIn(["data","{TRANSLATED_FIELD}"]))?\8(\5):""',
    ),
)


class VendorError(Exception):
    """npm failed, or the bundle is not what the patches expect."""


@dataclass(frozen=True)
class Vendored:
    version: str
    files: int
    size: int


def patch_bundle(text: str) -> str:
    """``text`` with every patch of :data:`PATCHES` applied once; raise if one does not fit."""
    for purpose, pattern, replacement in PATCHES:
        text, count = re.subn(pattern, replacement, text)
        if count != 1:
            raise VendorError(f"the bundle does not fit the patch '{purpose}' "
                              f"({count} matches, expected 1): check this Decap version")
    return text


def _npm_pack(spec: str, workdir: Path) -> Path:
    try:
        result = subprocess.run(["npm", "pack", "--silent", spec], cwd=workdir,
                                capture_output=True, text=True, timeout=600, check=False)
    except FileNotFoundError as exc:
        raise VendorError("npm is not installed: it is needed to vendor Decap CMS "
                          "(apt-get install npm)") from exc
    if result.returncode != 0:
        raise VendorError(f"npm pack {spec} failed: {result.stderr.strip()[-400:]}")
    return workdir / result.stdout.strip().splitlines()[-1]


def vendor(target: Path, version: str = DEFAULT_VERSION, tarball: Path | None = None) -> Vendored:
    """Replace ``target``'s vendored Decap files with those of ``version`` (patched)."""
    with tempfile.TemporaryDirectory(prefix="decap-") as tmp:
        work = Path(tmp)
        archive = tarball or _npm_pack(f"{PACKAGE}@{version}", work)
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        dist = work / "package" / "dist"
        meta = json.loads((work / "package" / "package.json").read_text(encoding="utf-8"))
        if meta.get("version") != version:
            raise VendorError(f"the package is {meta.get('version')}, not {version}")
        bundle = patch_bundle((dist / BUNDLE).read_text(encoding="utf-8"))
        target.mkdir(parents=True, exist_ok=True)
        for old in target.iterdir():
            if old.name == BUNDLE or _CHUNK.fullmatch(old.name) or old.name in (
                    MANIFEST, LICENCE, f"{BUNDLE}.LICENSE.txt"):
                old.unlink()
        (target / BUNDLE).write_text(bundle, encoding="utf-8")
        names = [BUNDLE]
        for file in sorted(dist.iterdir()):
            if _CHUNK.fullmatch(file.name):
                shutil.copyfile(file, target / file.name)
                names.append(file.name)
        shutil.copyfile(dist / f"{BUNDLE}.LICENSE.txt", target / f"{BUNDLE}.LICENSE.txt")
        (target / LICENCE).write_text(_licence(meta), encoding="utf-8")
        names += [f"{BUNDLE}.LICENSE.txt", LICENCE]
        manifest = {
            "package": PACKAGE,
            "version": version,
            "licence": meta.get("license"),
            "patches": [purpose for purpose, _, _ in PATCHES],
            "sha256": {name: _sha256(target / name) for name in names},
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = sum((target / name).stat().st_size for name in names)
    return Vendored(version, len(names), size)


def _licence(meta: dict) -> str:
    return (
        f"Decap CMS {meta.get('version')} (https://github.com/decaporg/decap-cms), "
        f"licence: {meta.get('license')}.\n\n"
        "MIT License\n\nCopyright (c) 2016 Netlify <decap@p-m.si>\n\n"
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
        "software and associated documentation files (the \"Software\"), to deal in the "
        "Software without restriction, including without limitation the rights to use, copy, "
        "modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, "
        "and to permit persons to whom the Software is furnished to do so, subject to the "
        "following conditions:\n\nThe above copyright notice and this permission notice "
        "shall be included in all copies or substantial portions of the Software.\n\n"
        "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR "
        "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR "
        "A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT "
        "HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF "
        "CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE "
        "OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n\n"
        f"The bundled third-party licences are listed in {BUNDLE}.LICENSE.txt.\n"
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
