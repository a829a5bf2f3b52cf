"""A built site's identity: a SHA-256 over its files' paths, sizes and SHA-256 digests."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20


def site_paths(root: Path) -> list[tuple[str, str]]:
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
    return [rel for rel, _ in site_paths(Path(root))]


Stamp = tuple[int, int, int]  # inode, size, modification time (ns)
# relative path -> [inode, size, mtime_ns, hex SHA-256 of the bytes]
KnownDigests = dict[str, list]


def file_digest(path: str) -> bytes:
    """SHA-256 of one file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.digest()


def tree_digest(root: Path, known: KnownDigests | None = None) -> str:
    """Hex SHA-256 over the sorted relative paths, sizes and contents of every file.

    Each file contributes ``path NUL size NUL sha256(bytes)``, so neither a rename nor
    moving bytes from one file to the next can produce the same digest. The result does
    not depend on timestamps, permissions or the order the file system lists entries in.

    ``known`` (kept by the builder between builds) spares reading a file whose inode, size
    and modification time are those recorded: the unchanged files of a rebuild are hard
    links of the previous build's. It is updated to the files found now.
    """
    seen: KnownDigests = {}
    for rel, path in site_paths(Path(root)):
        stat = os.stat(path)
        stamp = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
        entry = known.get(rel) if known is not None else None
        if isinstance(entry, list) and len(entry) == 4 and entry[:3] == stamp \
                and isinstance(entry[3], str) and len(entry[3]) == 64:
            hexdigest = entry[3]
        else:
            hexdigest = file_digest(path).hex()
        seen[rel] = [*stamp, hexdigest]
    if known is not None:
        known.clear()
        known.update(seen)
    return digest_of(seen)


def well_formed(known: object) -> bool:
    """Whether ``known`` (e.g. read back from a cache) has the shape :func:`tree_digest` keeps."""
    return isinstance(known, dict) and all(
        isinstance(rel, str) and isinstance(entry, list) and len(entry) == 4
        and all(isinstance(n, int) for n in entry[:3])
        and isinstance(entry[3], str) and len(entry[3]) == 64
        for rel, entry in known.items())


def digest_of(files: KnownDigests) -> str:
    """:func:`tree_digest` of a tree whose files ``files`` lists (``{path: [inode, size,
    mtime_ns, hex SHA-256]}``), e.g. kept up to date while a build replaces some of them."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        size, hexdigest = files[rel][1], files[rel][3]
        digest.update(b"%s\0%d\0" % (rel.encode("utf-8"), size))
        digest.update(bytes.fromhex(hexdigest))
    return digest.hexdigest()


def file_entry(path: str) -> list:
    """``[inode, size, mtime_ns, hex SHA-256]`` of one file, as :func:`tree_digest` keeps it."""
    stat = os.stat(path)
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, file_digest(path).hex()]
