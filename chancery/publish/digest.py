"""A built site's identity: a SHA-256 over its files' paths and bytes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20


def _files(root: Path) -> list[tuple[str, str]]:
    """``(relative POSIX path, path)`` of every file under ``root``, sorted by the former.

    As :func:`os.walk` (which this replaces, for speed): symlinks to files are files,
    symlinks to folders are not followed, unreadable folders are skipped.
    """
    top = os.fspath(root)
    start = len(os.path.join(top, ""))
    found: list[tuple[str, str]] = []
    folders = [top]
    while folders:
        try:
            listing = os.scandir(folders.pop())
        except OSError:
            continue
        with listing:
            for entry in listing:
                try:
                    if entry.is_dir():
                        if not entry.is_symlink():
                            folders.append(entry.path)
                    elif entry.is_file():
                        found.append((entry.path[start:].replace(os.sep, "/"), entry.path))
                except OSError:
                    continue
    found.sort()
    return found


def site_files(root: Path) -> list[str]:
    """Relative POSIX paths of every file under ``root``, sorted, symlinks to files included.

    Directories themselves (and so empty directories) are not part of a site's identity.
    """
    return [rel for rel, _ in _files(Path(root))]


def tree_digest(root: Path) -> str:
    """Hex SHA-256 over the sorted relative paths and bytes of every file under ``root``.

    Each file contributes ``path NUL size NUL bytes``, so neither a rename nor moving
    bytes from one file to the next can produce the same digest. The result does not
    depend on timestamps, permissions or the order the file system lists entries in.
    """
    digest = hashlib.sha256()
    for rel, path in _files(Path(root)):
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            digest.update(b"%s\0%d\0" % (rel.encode("utf-8"), size))
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    return digest.hexdigest()
