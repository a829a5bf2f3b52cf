"""Comments and docstrings that name a file or folder of the repository name one that exists.

The code moved once (issue 16) and left comments pointing at ``chancery/build/...`` in the
theme's published assets; a maintainer following such a pointer finds nothing. This test
reads the code and the theme (not docs/, whose history notes may name old paths) and fails
on any repository path they name that is not there.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

from tests.conftest import ROOT

SCANNED = ("chancery", "plugins", "themes")
SUFFIXES = {".py", ".js", ".css", ".html", ".yml", ".toml"}
SKIPPED = ("themes/chancery/assets/fonts/", "themes/chancery/assets/vendor/")
TOP_FOLDERS = ("chancery", "plugins", "themes", "content", "benchmarks", "tests", "docs")
# A path as code writes it: a top folder, then at least one more part; globs allowed.
_NAMED = re.compile(r"(?<![\w/.$<{-])((?:" + "|".join(TOP_FOLDERS) + r")/[\w.*/-]*[\w*])")


_PLACEHOLDER = re.compile(r"/[A-Z_]+(/|$)")  # content/ID/...: a name the reader fills in


def named_paths(text: str) -> set[str]:
    """The repository paths ``text`` names (a trailing full stop is punctuation), bar
    those with a placeholder part in capitals."""
    found = {match.group(1).removesuffix(".") for match in _NAMED.finditer(text)}
    return {named for named in found if not _PLACEHOLDER.search(named)}


def exists(named: str) -> bool:
    """Whether ``named`` (a path, a glob, or a module without ``.py``) matches something."""
    return any(glob.glob(str(ROOT / candidate)) for candidate in (named, named + ".py"))


def scanned_files() -> list[Path]:
    files = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and path.suffix in SUFFIXES and not rel.startswith(SKIPPED) \
                    and "__pycache__" not in rel:
                files.append(path)
    return files


def test_the_pattern_finds_paths_as_comments_write_them() -> None:
    text = ("see chancery/pipeline/segment.py, the blocks (themes/chancery/blocks/*.html) "
            "and chancery/features/news. Not https://x.org/chancery/a, site/chancery/b or "
            "content/ID/mission.yml")
    assert named_paths(text) == {"chancery/pipeline/segment.py", "chancery/features/news",
                                 "themes/chancery/blocks/*.html"}
    assert exists("chancery/pipeline/segment") and exists("themes/chancery/blocks/*.html")
    assert not exists("chancery/build/segment.py")


def test_every_path_the_code_and_theme_name_exists() -> None:
    files = scanned_files()
    assert len(files) > 100  # the code and the theme were found
    missing = {path.relative_to(ROOT).as_posix(): sorted(
        named for named in named_paths(path.read_text(encoding="utf-8", errors="replace"))
        if not exists(named)) for path in files}
    missing = {path: names for path, names in missing.items() if names}
    assert not missing, f"paths named that do not exist (file: names): {missing}"
