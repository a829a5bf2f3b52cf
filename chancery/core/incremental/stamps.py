"""File stamps: what tells, without reading a file, that it is the one read before.

A :class:`FileStamp` is a file's size, modification and change times (nanoseconds) and
inode. While a file keeps its stamp it keeps its bytes, with one exception that git
calls "racy": a file written again within the file system's timestamp granularity of
the moment it was stamped could keep the same stamp with other bytes. So a fact read
from a file counts as *settled* (may be kept across runs) only if the file had last
changed more than :data:`RACY_SECONDS` before it was read (:meth:`FileStamp.settled`);
an unsettled fact is simply read again next time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

RACY_SECONDS = 2.0  # a file changed this soon before it was read may change again unseen


class FileStamp(NamedTuple):
    """A file's size, modification and change times (ns) and inode.

    Immutable, and a tuple: a build stamps every file of its output, tens of thousands,
    and a tuple is made several times faster than a frozen dataclass."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileStamp:
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)

    @classmethod
    def read(cls, path: Path | str) -> FileStamp | None:
        """The stamp of ``path`` (following symlinks), ``None`` if it cannot be stat'ed."""
        try:
            return cls.of(os.stat(path))
        except (OSError, ValueError):
            return None

    @property
    def changed_at(self) -> float:
        """When the file last changed (its bytes or its inode), in seconds since the epoch."""
        return max(self.mtime_ns, self.ctime_ns) / 1e9

    def settled(self, read_at: float) -> bool:
        """Whether what was read at ``read_at`` (seconds since the epoch) may be kept: the
        file had not changed for more than :data:`RACY_SECONDS` by then."""
        return read_at - self.changed_at > RACY_SECONDS

    @property
    def identity(self) -> tuple[int, int, int]:
        """Size, modification time and inode: what tells an output file from another
        without its change time, which hard-linking it into the next build changes."""
        return self.size, self.mtime_ns, self.inode

    def to_json(self) -> list[int]:
        """The one encoding of a whole stamp in cache files: ``[size, mtime_ns, ctime_ns,
        inode]`` (the output digests keep only its :attr:`identity`)."""
        return list(self)

    @classmethod
    def from_json(cls, value: object) -> FileStamp | None:
        """A stamp from :meth:`to_json`'s form; ``None`` for anything else."""
        if type(value) is list and len(value) == 4:  # read for every output file: kept lean
            size, mtime_ns, ctime_ns, inode = value
            if type(size) is int and type(mtime_ns) is int and type(ctime_ns) is int \
                    and type(inode) is int:
                return cls(size, mtime_ns, ctime_ns, inode)
        return None
