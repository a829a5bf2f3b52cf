"""What a build's output depends on, as content hashes: code, content, per language.

* The **code key** covers the engine and everything that renders: ``chancery/``,
  ``plugins/``, ``themes/``, ``mkdocs.yml``, the pins, the installed distributions'
  versions and the Python version.
* A mission's **input files** are its folder plus the shared content (``_hq/`` and any
  other ``_`` folder, files directly in the content folder). Files and folders whose
  name starts with ``.`` are not content.
* A language's **key** adds to the code key and the mission's shared files (settings,
  data, media) what that language reads of the pages: its own pages in full, the
  front matter of every page in every language (titles, dates, slugs, translation
  keys), the default language's text where it stands in for a missing translation,
  and whether each of its translations is up to date with its source. So editing the
  body of one language's page changes that language's key only (and another
  language's only if that page's freshness notice or fallback copy changes).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chancery.content.pages import PAGES_DIR
from chancery.core.incremental.reads import ReadCache
from chancery.core.project import PROJECT_ROOT
from chancery.pipeline.filehash import front_matter_digest

CODE_PATHS = ("chancery", "plugins", "themes", "mkdocs.yml", "pyproject.toml",
              "requirements.lock", "build.py")
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".mo", ".tmp")


def _files(root: Path, base: Path) -> Iterable[tuple[str, Path]]:
    """``(path relative to base, file)`` for every content file under ``root``, sorted."""
    if root.is_file():
        yield root.relative_to(base).as_posix(), root
        return
    start = len(str(base)) + 1
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith(_SKIP_SUFFIXES):
                path = os.path.join(folder, name)
                yield path[start:].replace(os.sep, "/"), Path(path)


def dependency_versions() -> list[str]:
    """Names of the installed distributions with their versions (``*.dist-info`` folders)."""
    found: set[str] = set()
    for entry in sys.path:
        if Path(entry).name not in ("site-packages", "dist-packages"):
            continue  # e.g. the project itself or the current folder when run as a script
        try:
            with os.scandir(entry or ".") as listing:
                found.update(e.name for e in listing
                             if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(found)


def code_key(hashes: ReadCache, extra: Iterable[str] = (), root: Path = PROJECT_ROOT,
             folders: Iterable[Path] = ()) -> str:
    """Hash of what renders every site, plus ``extra`` (engine name, options) and every
    file in ``folders`` (e.g. the folder of another site configuration and its theme)."""
    digest = hashlib.sha256()
    roots = [(root / name, root) for name in CODE_PATHS] + [(f, f.parent) for f in folders]
    for top, base in roots:
        if top.exists():
            for rel, file in _files(top, base):
                digest.update(f"{rel}\0{hashes.digest(file)}\n".encode())
    digest.update("\n".join(dependency_versions()).encode())
    digest.update(f"\n{sys.version}\n".encode())
    for item in extra:
        digest.update(f"{item}\n".encode())
    return digest.hexdigest()


def shared_roots(content_dir: Path) -> list[Path]:
    """Content every mission reads: files directly in ``content_dir`` and ``_`` folders."""
    roots = []
    for child in sorted(content_dir.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_file() or (child.is_dir() and child.name.startswith("_")):
            roots.append(child)
    return roots


@dataclass
class MissionFiles:
    """A mission's input files, split into page trees (per language) and everything else."""

    shared: list[tuple[str, Path]] = field(default_factory=list)
    pages: dict[str, list[tuple[str, Path]]] = field(default_factory=dict)  # by language folder

    @property
    def every(self) -> list[tuple[str, Path]]:
        return self.shared + [item for lang in sorted(self.pages) for item in self.pages[lang]]


def mission_files(content_dir: Path, mission: str) -> MissionFiles:
    """Every input file of ``mission``, relative to ``content_dir``."""
    result = MissionFiles()
    for root in [*shared_roots(content_dir), content_dir / mission]:
        for rel, file in _files(root, content_dir):
            parts = rel.split("/")
            if len(parts) > 3 and parts[1] == PAGES_DIR:
                result.pages.setdefault(parts[2], []).append((rel, file))
            else:
                result.shared.append((rel, file))
    return result


def files_digest(hashes: ReadCache, files: Iterable[tuple[str, Path]], *,
                 front_matter: bool = False) -> str:
    """Hash over paths and contents (or, for Markdown, only front matter) of ``files``."""
    digest = hashlib.sha256()
    for rel, file in files:
        if front_matter and file.suffix.lower() == ".md":
            part = "fm:" + front_matter_digest(hashes, file)
        elif front_matter:
            continue  # other files in page folders only matter to their own language
        else:
            part = hashes.digest(file)
        digest.update(f"{rel}\0{part}\n".encode())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    """One hash from several."""
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
