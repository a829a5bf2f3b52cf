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


# relative path -> [FileStamp.to_json(), hex SHA-256 of the bytes]
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
    and modification time are those recorded (:meth:`FileStamp.same_file`: the unchanged
    files of a rebuild are hard links of the previous build's, which changes their change
    time). It is updated to the files found now.
    """
    seen: KnownDigests = {}
    for rel, path in site_paths(Path(root)):
        stamp = FileStamp.of(os.stat(path))
        entry = known.get(rel) if known is not None else None
        recorded = _entry(entry)
        if recorded is not None and recorded[0].same_file(stamp):
            hexdigest = recorded[1]
        else:
            hexdigest = file_digest(path).hex()
        seen[rel] = [stamp.to_json(), hexdigest]
    if known is not None:
        known.clear()
        known.update(seen)
    return digest_of(seen)


def _entry(entry: object) -> tuple[FileStamp, str] | None:
    """A known digest's stamp and hex SHA-256, ``None`` if it is not of that shape."""
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str)
            and len(entry[1]) == 64):
        return None
    stamp = FileStamp.from_json(entry[0])
    return None if stamp is None else (stamp, entry[1])


def well_formed(known: object) -> bool:
    """Whether ``known`` (e.g. read back from a cache) has the shape :func:`tree_digest` keeps."""
    return isinstance(known, dict) and all(
        isinstance(rel, str) and _entry(entry) is not None for rel, entry in known.items())


def stamps_of(files: KnownDigests) -> dict[str, FileStamp]:
    """The stamps of a well-formed ``files`` (see :func:`well_formed`)."""
    return {rel: FileStamp(*entry[0]) for rel, entry in files.items()}


def digest_of(files: KnownDigests) -> str:
    """:func:`tree_digest` of a tree whose files ``files`` lists (``{path: [stamp, hex
    SHA-256]}``), e.g. kept up to date while a build replaces some of them."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        stamp, hexdigest = files[rel]
        digest.update(b"%s\0%d\0" % (rel.encode("utf-8"), stamp[0]))  # the size
        digest.update(bytes.fromhex(hexdigest))
    return digest.hexdigest()


def file_entry(path: str) -> list:
    """``[stamp, hex SHA-256]`` of one file, as :func:`tree_digest` keeps it."""
    return [FileStamp.of(os.stat(path)).to_json(), file_digest(path).hex()]
