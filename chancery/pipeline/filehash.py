"""Content hashes of input files, remembered across builds by their file-system stamp.

A file whose size, modification and change times and inode are those recorded is not
read again. As in git, a file modified less than :data:`RACY_SECONDS` before it was
hashed is not remembered (a second write within the file system's timestamp
granularity could keep the same stamp), so it is simply read again next time. Facts
drawn from a file's bytes (:meth:`FileHashes.memo`) are remembered by the bytes' digest:
they are computed again only for files whose content changed."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chancery.core.atomic import write_json_atomic

RACY_SECONDS = 2.0
_VERSION = 1
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


class FileHashes:
    """SHA-256 of files and of Markdown front matter, plus the date-times they mention."""

    def __init__(self, store: Path | None = None) -> None:
        self.store = store
        self.started = time.time()
        self._stamps: dict[str, list] = {}
        self._facts: dict[str, list] = {}
        self._used: set[str] = set()
        self._run: dict[str, str] = {}  # files already stamped in this run
        self._memos: dict[str, dict] = {}  # name -> {"version": ..., "values": {sha: value}}
        if store is not None and store.is_file():
            try:
                saved = json.loads(store.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            if saved.get("version") == _VERSION:
                self._stamps = saved.get("files", {})
                self._facts = saved.get("facts", {})
                self._memos = saved.get("memos", {})

    def digest(self, file: Path) -> str:
        """Hex SHA-256 of ``file``'s bytes (as it was when first asked for in this run)."""
        key = str(file)
        if key in self._run:
            return self._run[key]
        self._run[key] = sha = self._digest(file, key)
        return sha

    def _digest(self, file: Path, key: str) -> str:
        stat = file.stat()
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        known = self._stamps.get(key)
        if known is not None and known[:4] == stamp:
            self._used.add(key)
            return known[4]
        data = file.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if self.started - max(stat.st_mtime, stat.st_ctime) > RACY_SECONDS:
            self._stamps[key] = [*stamp, sha]
            self._used.add(key)
        self._facts.setdefault(sha, _facts(file, data))
        return sha

    def front_matter(self, file: Path) -> str:
        """Hex SHA-256 of the front matter of a Markdown file (the whole file if it has none)."""
        return self._fact(file)[0]

    def moments(self, file: Path) -> list[str]:
        """ISO 8601 date-times written in a YAML file or a Markdown file's front matter."""
        return self._fact(file)[1]

    def _fact(self, file: Path) -> list:
        sha = self.digest(file)
        if sha not in self._facts:
            self._facts[sha] = _facts(file, file.read_bytes())
        return self._facts[sha]

    def memo(self, file: Path, name: str, version: str,
             compute: Callable[[Path, bytes], Any]) -> Any:
        """``compute(file, its bytes)``, remembered across builds by the bytes' digest.

        ``version`` names the code that computes it: values of another version are
        forgotten. The value must be JSON (lists come back as lists). If ``compute``
        raises, nothing is remembered.
        """
        table = self._memos.get(name)
        if table is None or table.get("version") != version:
            table = self._memos[name] = {"version": version, "values": {}}
        values = table["values"]
        sha = self.digest(file)
        if sha in values:
            return values[sha]
        data = file.read_bytes()
        value = compute(file, data)
        values[hashlib.sha256(data).hexdigest()] = value  # the bytes it was computed from
        return value

    def save(self) -> None:
        """Write what was used in this run (forgetting files no longer looked at)."""
        if self.store is None:
            return
        files = {k: v for k, v in self._stamps.items() if k in self._used}
        shas = {v[4] for v in files.values()}
        facts = {k: v for k, v in self._facts.items() if k in shas}
        memos = {name: {"version": table["version"],
                        "values": {k: v for k, v in table["values"].items() if k in shas}}
                 for name, table in self._memos.items()}
        write_json_atomic(self.store, {"version": _VERSION, "files": files, "facts": facts,
                                       "memos": memos}, mkdir=True)


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
