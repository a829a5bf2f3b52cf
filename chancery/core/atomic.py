"""Atomic file writes: the one way Chancery replaces a file that others may read meanwhile.

The bytes go to a temporary file next to the target (same folder, so same file system),
which then replaces it with :func:`os.replace`: a reader sees the old file or the new
one, never half of one, and an interrupted write leaves the old file. The temporary
name is hidden and ends in ``.tmp`` (``.<name>.<pid>.<thread>.tmp``), which the input
listings and output scans skip; two processes or threads never share one. Replacing
also gives the target a new inode, so a file hard-linked from a previous output is
never written through.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def temporary_name(path: Path) -> Path:
    """Where the bytes for ``path`` are written before they replace it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")


@contextmanager
def atomic_output(path: Path, *, mkdir: bool = False) -> Iterator[IO[bytes]]:
    """A binary stream whose bytes replace ``path`` when the block ends without error."""
    path = Path(path)
    if mkdir:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(path)
    try:
        with open(tmp, "wb") as stream:
            yield stream
        os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def write_bytes_atomic(path: Path, data: bytes, *, mkdir: bool = False) -> None:
    """Replace ``path`` with ``data`` (``mkdir``: create its folder first)."""
    with atomic_output(path, mkdir=mkdir) as stream:
        stream.write(data)


def write_text_atomic(path: Path, text: str, *, mkdir: bool = False) -> None:
    """Replace ``path`` with ``text`` in UTF-8 (line ends as given)."""
    write_bytes_atomic(path, text.encode("utf-8"), mkdir=mkdir)


def write_json_atomic(path: Path, value: Any, *, mkdir: bool = False, end: str = "",
                      **dumps: Any) -> None:
    """Replace ``path`` with ``json.dumps(value, **dumps) + end`` in UTF-8.

    The serialisation happens first: a value JSON cannot hold raises ``TypeError`` or
    ``ValueError`` and leaves ``path`` as it was.
    """
    write_text_atomic(path, json.dumps(value, **dumps) + end, mkdir=mkdir)
