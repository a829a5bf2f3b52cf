"""The files of a content folder that no reader can use: named pipes, sockets and devices
(opening a pipe would block the build), unreadable files and folders, unsafe names.

Found with ``os.scandir`` before anything opens a file (the planner hashes every input),
so that a mission with such a file fails at once with ``file: what to do``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from chancery.content.loaders.text import special_kind
from chancery.core.errors import Problem, display_path, msg

PAGES_DIR = "pages"
# Names that a shell, a URL or a command line would read as something else.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_FILE_NAMES = (".md", ".yml", ".yaml")
_PAGE_NAME = re.compile(r"[^\\/:*?\"<>|]+")


def name_problem(name: str, in_pages: bool) -> str | None:
    """Why ``name`` (one file or folder name) is unsafe, else ``None``."""
    if _CONTROL.search(name):
        return msg("the name holds a control character (a line break, a tab...); rename it")
    if name.startswith("-"):
        return msg("the name starts with '-' (a command would read it as an option); rename it")
    if name != name.strip():
        return msg("the name starts or ends with a space; rename it")
    if in_pages and ".." in name:
        return msg("a page name may not contain '..'; rename it (e.g. with a '-')")
    if in_pages and not _PAGE_NAME.fullmatch(name):
        return msg('a page name may not contain \\ / : * ? " < > |; rename it')
    return None


def content_problems(root: Path, *, recursive: bool = True) -> list[Problem]:
    """Problems of every entry below ``root`` (a mission's or HQ's folder); symbolic links
    are followed to see what they point at (where they may point is checked elsewhere)."""
    problems: list[Problem] = []
    check_access = os.geteuid() != 0 if hasattr(os, "geteuid") else True
    stack = [(os.fspath(root), False)]
    while stack:
        folder, in_pages = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(_problem(folder, msg("folder cannot be read ({strerror}); make it "
                                                 "readable (e.g. chmod a+rx)",
                                                 strerror=exc.strerror)))
            continue
        for entry in entries:
            pages = in_pages or (folder == os.fspath(root) and entry.name == PAGES_DIR)
            why = name_problem(entry.name, pages and entry.name != PAGES_DIR)
            if why:
                problems.append(_problem(entry.path, why))
                continue
            try:
                mode = _mode(entry)  # of what a symbolic link points at
            except OSError:
                if entry.is_symlink():
                    continue  # a broken link: the symlink rule reports it
                problems.append(_problem(entry.path, msg("cannot be read; check the file")))
                continue
            kind = special_kind(mode)
            if kind:
                problems.append(_problem(entry.path, msg("is {kind}, not a file; remove it or "
                                                         "replace it with a regular file",
                                                         kind=kind)))
            elif stat.S_ISDIR(mode) and entry.name.endswith(_FILE_NAMES):
                problems.append(_problem(entry.path, msg("is a folder named like a content "
                                                         "file; rename or remove the folder")))
            elif stat.S_ISDIR(mode):
                if recursive and not entry.is_symlink():
                    stack.append((entry.path, pages))
            elif check_access and not os.access(entry.path, os.R_OK):
                problems.append(_problem(entry.path, msg("cannot be read (permission denied); "
                                                         "make the file readable (e.g. chmod "
                                                         "a+r)")))
    return problems


def _mode(entry: os.DirEntry) -> int:
    """The entry's file type, from the listing when it says (no system call per file)."""
    if not entry.is_symlink():
        if entry.is_file(follow_symlinks=False):
            return stat.S_IFREG
        if entry.is_dir(follow_symlinks=False):
            return stat.S_IFDIR
    return entry.stat().st_mode


def visible(name: str) -> str:
    """``name`` with its control characters written ``\\xNN`` (safe to print)."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", name)


def _problem(path: str, message: str) -> Problem:
    return Problem(visible(display_path(path)), 0, "", message)
