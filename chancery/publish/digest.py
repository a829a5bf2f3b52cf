"""A built site's identity: a SHA-256 over its files' paths and bytes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20


def site_files(root: Path) -> list[str]:
    """Relative POSIX paths of every file under ``root``, sorted, symlinks to files included.

    Directories themselves (and so empty directories) are not part of a site's identity.
    """
    root = Path(root)
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder)
        for name in files:
            path = base / name
            if path.is_file():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def tree_digest(root: Path) -> str:
    """Hex SHA-256 over the sorted relative paths and bytes of every file under ``root``.

    Each file contributes ``path NUL size NUL bytes``, so neither a rename nor moving
    bytes from one file to the next can produce the same digest. The result does not
    depend on timestamps, permissions or the order the file system lists entries in.
    """
    root = Path(root)
    digest = hashlib.sha256()
    for rel in site_files(root):
        path = root / rel
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(str(path.stat().st_size).encode("ascii") + b"\0")
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    return digest.hexdigest()
