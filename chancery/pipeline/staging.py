"""Put a mission's language builds together and swap them in only when all succeeded.

Each language is built (and indexed for search) in ``<staging>/<lang>/``, laid out as in
the final site: the default language at that folder's root, another language in its
``<lang>/`` subfolder, its search index in ``pagefind/<lang>/``. A language whose inputs
did not change is not built again: its files are hard-linked there from the live site.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from chancery.core.urls import language_prefix
from chancery.pipeline.search_index import SEARCH_DIR, link_duplicates

STAGING_DIR = ".staging"
_LINKED = ("assets", "media")  # folders whose files are often the same in every language


def staging_root(out_dir: Path, mission: str) -> Path:
    """A fresh private folder on the same file system as ``out_dir`` (so renames are atomic)."""
    root = out_dir / STAGING_DIR / f"{mission}-{uuid.uuid4().hex[:10]}"
    root.mkdir(parents=True)
    return root


def language_root(staging: Path, lang: str) -> Path:
    """Where ``lang`` is built and indexed: its site URLs are relative to this folder."""
    return staging / lang


def site_dir(staging: Path, lang: str, languages: list[str]) -> Path:
    """Where the engine writes ``lang``'s pages: under its URL prefix (the default language,
    ``languages[0]``, at the root)."""
    return language_root(staging, lang) / language_prefix(lang, languages[0])


def nest_languages(staging: Path, languages: list[str]) -> Path:
    """Nest the other languages and their search indexes in the default one's folder.

    Files identical to the default language's (theme assets, media) and the files every
    search bundle has are hard-linked to save space.
    """
    default, others = languages[0], languages[1:]
    root = language_root(staging, default)
    search = root / SEARCH_DIR
    for lang in others:
        target = root / lang
        if target.exists():
            raise FileExistsError(f"the default language has a folder named '{lang}'")
        (language_root(staging, lang) / lang).rename(target)
        _link_duplicates(root, target)
        index = language_root(staging, lang) / SEARCH_DIR / lang
        if index.is_dir():
            search.mkdir(exist_ok=True)
            index.rename(search / lang)
    if search.is_dir():
        link_duplicates(search)
    return root


def reuse_language(live: Path, staging: Path, lang: str, languages: list[str]) -> None:
    """Hard-link ``lang``'s pages and search index from the live site into staging."""
    source, skip = previous_output(live, lang, languages)
    target = site_dir(staging, lang, languages)
    target.mkdir(parents=True, exist_ok=True)
    link_missing(source, target, skip)
    index = live / SEARCH_DIR / lang
    if index.is_dir():
        target = language_root(staging, lang) / SEARCH_DIR / lang
        target.mkdir(parents=True, exist_ok=True)
        link_missing(index, target, set())


def link_missing(source: Path, target: Path, skip: set[str]) -> None:
    """Hard-link into ``target`` every file of ``source`` it lacks (top-level ``skip`` aside)."""
    src, dst = os.fspath(source), os.fspath(target)
    have = _relative_files(dst)
    made = {""}
    pending = [("", entry) for entry in _listing(src) if entry.name not in skip]
    while pending:
        folder, entry = pending.pop()
        rel = f"{folder}/{entry.name}" if folder else entry.name
        if entry.is_dir(follow_symlinks=False):
            pending += [(rel, child) for child in _listing(entry.path)]
        elif rel not in have:
            _make_folders(dst, folder, made)
            os.link(entry.path, os.path.join(dst, rel))


def _make_folders(root: str, folder: str, made: set[str]) -> None:
    """Make ``root/folder`` and its parents, remembering those made (or already there)."""
    if folder in made:
        return
    parent = folder.rpartition("/")[0]
    _make_folders(root, parent, made)
    with contextlib.suppress(FileExistsError):
        os.mkdir(os.path.join(root, folder))
    made.add(folder)


def _listing(folder: str) -> list[os.DirEntry]:
    with os.scandir(folder) as entries:
        return list(entries)


def _relative_files(root: str) -> set[str]:
    """Paths (``a/b.html``) of the files under ``root``, which may not exist."""
    found: set[str] = set()
    start = len(os.path.join(root, ""))
    for folder, _, names in os.walk(root):
        found.update(os.path.join(folder, name)[start:].replace(os.sep, "/") for name in names)
    return found


def previous_output(live: Path, lang: str, languages: list[str]) -> tuple[Path, set[str]]:
    """Where ``lang``'s pages are in the live site, and which top-level entries are not its."""
    if lang == languages[0]:
        return live, {*languages[1:], SEARCH_DIR}
    return live / lang, set()


def _link_duplicates(root: Path, lang_root: Path) -> None:
    for name in _LINKED:
        folder = lang_root / name
        if not folder.is_dir():
            continue
        for file in folder.rglob("*"):
            if not file.is_file():
                continue
            twin = root / file.relative_to(lang_root)
            try:
                if twin.is_file() and not os.path.samefile(twin, file) \
                        and twin.stat().st_size == file.stat().st_size \
                        and twin.read_bytes() == file.read_bytes():
                    file.unlink()
                    os.link(twin, file)
            except OSError:
                continue


def swap_in(new_root: Path, live: Path,
            remove: Callable[[Path], None] | None = None) -> None:
    """Replace ``live`` with ``new_root``; the old output is removed only after the switch
    (by ``remove``, e.g. in the background, instead of :func:`discard` if given)."""
    trash = live.parent / STAGING_DIR / f"old-{live.name}-{uuid.uuid4().hex[:10]}"
    if live.exists():
        trash.parent.mkdir(parents=True, exist_ok=True)
        live.rename(trash)
    new_root.rename(live)
    if trash.exists():
        (remove or discard)(trash)


def discard(staging: Path) -> None:
    """Delete a staging (or replaced) folder, and the staging area once it is empty."""
    shutil.rmtree(staging, ignore_errors=True)
    parent = staging.parent
    if parent.name == STAGING_DIR:
        with contextlib.suppress(OSError):  # not empty: other missions are being built
            parent.rmdir()
