"""Facts the planner draws from input files: the digest of a Markdown file's front matter
and the date-times a file mentions.

Both come from the file's bytes and are remembered by their digest in the build's
:class:`~chancery.core.incremental.reads.ReadCache` (:meth:`~ReadCache.memo`): they are
computed again only for files whose content changed."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from chancery.core.incremental.reads import ReadCache

FACTS_VERSION = "1"  # of _facts below: change it when what it draws changes
# Date-times as content writes them (ISO 8601), wherever they occur: values of any key.
_MOMENT = re.compile(
    rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def front_matter_end(data: bytes) -> int:
    """Where the front matter of a Markdown file ends (after its closing line), else ``0``.

    A superset of what the front matter reader parses: its closing line is never after
    ours, so any edit the reader can see changes the bytes up to here.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    first = data.find(b"\n")
    if first < 0 or data[:first].rstrip() != b"---":
        return 0
    start = first + 1
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end].rstrip() in (b"---", b"..."):
            return min(end + 1, len(data))
        start = end + 1
    return 0


def front_matter_digest(reads: ReadCache, file: Path) -> str:
    """Hex SHA-256 of the front matter of a Markdown file (the whole file if it has none)."""
    return _fact(reads, file)[0]


def moments(reads: ReadCache, file: Path) -> list[str]:
    """ISO 8601 date-times written in a YAML file or a Markdown file's front matter."""
    return _fact(reads, file)[1]


def _fact(reads: ReadCache, file: Path) -> list:
    return reads.memo(file, "facts", FACTS_VERSION, _facts)


def _facts(file: Path, data: bytes) -> list:
    """``[front matter digest, date-times]`` of one file's bytes."""
    suffix = file.suffix.lower()
    if suffix == ".md":
        end = front_matter_end(data)
        head = data[:end] if end else data
        return [hashlib.sha256(head).hexdigest(), _moments(head) if end else []]
    if suffix in (".yml", ".yaml"):
        return [hashlib.sha256(data).hexdigest(), _moments(data)]
    return [hashlib.sha256(data).hexdigest(), []]


def _moments(data: bytes) -> list[str]:
    return sorted({m.decode("ascii") for m in _MOMENT.findall(data)})
