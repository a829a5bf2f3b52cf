"""A built site's identity: a SHA-256 over its files' paths, sizes and SHA-256 digests."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from chancery.core.incremental.stamps import FileStamp

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


# relative path -> [size, modification time (ns), inode, hex SHA-256 of the bytes]: the
# file's FileStamp.identity, then its digest. Flat,
# as it is read, checked and written again for every output file of a one-page rebuild.
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
    and modification time are those recorded (:attr:`FileStamp.identity`: the unchanged
    files of a rebuild are hard links of the previous build's, which changes their change
    time). It is updated to the files found now.
    """
    seen: KnownDigests = {}
    for rel, path in site_paths(Path(root)):
        identity = FileStamp.of(os.stat(path)).identity
        entry = known.get(rel) if known is not None else None
        if _well_formed(entry) and tuple(entry[:3]) == identity:  # type: ignore[index]
            hexdigest = entry[3]  # type: ignore[index]
        else:
            hexdigest = file_digest(path).hex()
        seen[rel] = [*identity, hexdigest]
    if known is not None:
        known.clear()
        known.update(seen)
    return digest_of(seen)


def _well_formed(entry: object) -> bool:
    """Whether ``entry`` is a known digest's ``[size, mtime_ns, inode, hex SHA-256]``."""
    if type(entry) is not list or len(entry) != 4:
        return False
    size, mtime_ns, inode, hexdigest = entry
    return type(size) is int and type(mtime_ns) is int and type(inode) is int \
        and type(hexdigest) is str and len(hexdigest) == 64


def checked_lines(known: object) -> list[str] | None:
    """One line ``path NUL size NUL mtime_ns NUL inode`` per file of ``known`` (e.g. read
    back from a cache), the stamp part a fingerprint is made of; ``None`` unless every
    entry has the shape :func:`tree_digest` keeps. One pass: it both checks and reads."""
    if type(known) is not dict:
        return None
    lines = []
    for rel, entry in known.items():
        if type(rel) is not str or not _well_formed(entry):
            return None
        lines.append(stamp_line(rel, entry[0], entry[1], entry[2]))
    return lines


def stamp_line(rel: str, size: int, mtime_ns: int, inode: int) -> str:
    """One file in an output fingerprint: its path and :attr:`FileStamp.identity`."""
    return f"{rel}\0{size}\0{mtime_ns}\0{inode}"


def digest_of(files: KnownDigests) -> str:
    """:func:`tree_digest` of a tree whose files ``files`` lists (``{path: [size, mtime_ns,
    inode, hex SHA-256]}``), e.g. kept up to date while a build replaces some of them."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        entry = files[rel]
        digest.update(b"%s\0%d\0" % (rel.encode("utf-8"), entry[0]))  # the size
        digest.update(bytes.fromhex(entry[3]))
    return digest.hexdigest()


def file_entry(path: str) -> list:
    """``[size, mtime_ns, inode, hex SHA-256]`` of one file, as :func:`tree_digest` keeps it."""
    return [*FileStamp.of(os.stat(path)).identity, file_digest(path).hex()]
