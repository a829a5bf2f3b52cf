"""The read cache: what was read of input files, so that it is not read again.

One :class:`ReadCache` object holds, for the files one piece of work reads:

* **digests**: the SHA-256 of a file's bytes, by its :class:`FileStamp`;
* **facts by stamp** (:meth:`ReadCache.fact`): a value drawn from a file, e.g. its front
  matter, valid while the file keeps its stamp;
* **memos by digest** (:meth:`ReadCache.memo`): a value drawn from a file's bytes, valid
  for those bytes whatever the file's stamp (a restored checkout keeps them), under a
  version naming the code that computes it.

Nobody shares a read cache by accident: whoever does the work creates one and passes it
in (the build's parent process one for planning, each worker task one of its own), and
the pipeline persists it (:meth:`ReadCache.save`, once per build or per mission). What
was read within :data:`~.stamps.RACY_SECONDS` of the file's last change is used but not
persisted. A cache file that is missing, corrupt or of another version reads as empty
(:mod:`.store`): a cache only saves reading, it never changes what is read.

There is no ambient cache: a function that can use one takes it as its ``reads``
argument (a render's comes in with its language site, a check's with ``check_mission``)
and reads the file directly without it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from chancery.core.incremental import store
from chancery.core.incremental.stamps import FileStamp

KIND = "reads"
VERSION = 1
T = TypeVar("T")


class _Digest(NamedTuple):  # a tuple: made for every input file a build reads
    stamp: FileStamp
    sha: str
    settled: bool


class _Fact(NamedTuple):
    stamp: FileStamp
    value: Any
    keep: bool  # may be persisted (asked to, and settled when read)


class ReadCache:
    """Digests, facts by stamp and memos by digest of the files one piece of work reads."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._known: dict[str, _Digest] = {}  # persisted digests, by path
        self._run: dict[str, _Digest] = {}  # digests as first taken in this run
        self._facts: dict[str, dict[str, _Fact]] = {}  # name -> path -> fact
        self._memos: dict[str, tuple[str, dict[str, Any]]] = {}  # name -> version, {sha: value}
        self._learnt: dict[str, dict[str, _Fact]] = {}  # facts new in this run, to persist
        self.changed = False  # anything learnt that the cache file does not hold

    # -- persistence -------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None, clock: Callable[[], float] = time.time) -> ReadCache:
        """A cache holding what :meth:`save` kept in ``path`` (empty if it cannot be trusted)."""
        cache = cls(clock)
        data = store.read(path, KIND, VERSION) if path is not None else None
        if isinstance(data, dict):
            cache._take(data)
        return cache

    def _take(self, data: dict) -> None:
        """What a cache file holds; any entry not of the expected shape is left out."""
        files, facts, memos = data.get("files"), data.get("facts"), data.get("memos")
        for key, entry in (files.items() if isinstance(files, dict) else ()):
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str):
                stamp = FileStamp.from_json(entry[0])
                if stamp is not None:
                    self._known[key] = _Digest(stamp, entry[1], True)
        self.absorb(facts if isinstance(facts, dict) else {}, learnt=False)
        for name, table in (memos.items() if isinstance(memos, dict) else ()):
            if isinstance(table, list) and len(table) == 2 and isinstance(table[0], str) \
                    and isinstance(table[1], dict):
                self._memos[name] = (table[0], dict(table[1]))

    def absorb(self, facts: dict, *, learnt: bool = True) -> None:
        """Take in facts in :meth:`learnt`'s form (e.g. those a worker task learnt)."""
        for name, table in facts.items():
            if not isinstance(table, dict):
                continue
            mine = self._facts.setdefault(name, {})
            for key, entry in table.items():
                if not (isinstance(entry, list) and len(entry) == 2):
                    continue
                stamp = FileStamp.from_json(entry[0])
                if stamp is None or (key in mine and mine[key].stamp == stamp):
                    continue
                mine[key] = fact = _Fact(stamp, entry[1], True)
                if learnt:
                    self._learnt.setdefault(name, {})[key] = fact
                    self.changed = True

    def learnt(self, under: Path | None = None) -> dict:
        """The facts learnt in this run that may be persisted (files under ``under``):
        ``{name: {path: [stamp, value]}}``, for :meth:`absorb`."""
        prefix = None if under is None else os.path.join(str(under), "")
        return {name: {key: [fact.stamp.to_json(), fact.value]
                       for key, fact in table.items() if prefix is None or key.startswith(prefix)}
                for name, table in self._learnt.items()}

    def forget(self, under: Path) -> None:
        """Drop the facts of the files under ``under`` (handed on, e.g. to a mission's
        workers: memory stays flat across a network). Digests and memos are kept."""
        prefix = os.path.join(str(under), "")
        for tables in (self._facts, self._learnt):
            for table in tables.values():
                for key in [key for key in table if key.startswith(prefix)]:
                    del table[key]

    def save(self, path: Path, *, under: Path | None = None, facts: bool = True,
             digests: bool = True) -> bool:
        """Keep in ``path`` what later work may trust: the digests taken in this run,
        ``facts`` (of files under ``under``) whose file still has the stamp they were read
        at, and the memos of the digests kept. Returns whether the file was written."""
        files = {key: [d.stamp.to_json(), d.sha] for key, d in sorted(self._run.items())
                 if d.settled} if digests else {}
        shas = {entry[1] for entry in files.values()}
        prefix = None if under is None else os.path.join(str(under), "")
        kept: dict[str, dict[str, list]] = {}
        for name, table in (self._facts.items() if facts else ()):
            for key, fact in sorted(table.items()):
                if fact.keep and (prefix is None or key.startswith(prefix)) \
                        and FileStamp.read(key) == fact.stamp:
                    kept.setdefault(name, {})[key] = [fact.stamp.to_json(), fact.value]
        memos = {name: [version, {sha: value for sha, value in values.items() if sha in shas}]
                 for name, (version, values) in self._memos.items()} if digests else {}
        written = store.write(path, KIND, VERSION, {"files": files, "facts": kept,
                                                    "memos": memos},
                              ensure_ascii=False, separators=(",", ":"))
        if not written and facts:  # e.g. a YAML value JSON cannot hold: keep the rest
            written = store.write(path, KIND, VERSION, {"files": files, "facts": {},
                                                        "memos": memos},
                                  separators=(",", ":"))
        if written:
            self.changed = False
        return written

    # -- reading -----------------------------------------------------------------------

    def digest(self, path: Path) -> str:
        """Hex SHA-256 of the bytes of ``path``, as they were when first asked for in this
        run (raises :class:`OSError` if it cannot be read)."""
        return self._digest(str(path)).sha

    def _digest(self, key: str) -> _Digest:
        taken = self._run.get(key)
        if taken is not None:
            return taken
        read_at = self._clock()
        stamp = FileStamp.of(os.stat(key))
        taken = self._known.get(key)
        if taken is None or taken.stamp != stamp:
            with open(key, "rb") as handle:
                sha = hashlib.sha256(handle.read()).hexdigest()
            taken = _Digest(stamp, sha, stamp.settled(read_at))
        self._run[key] = taken
        return taken

    def fact(self, path: Path, name: str, compute: Callable[[Path], T], *,
             keep: bool = True) -> T:
        """``compute(path)``, remembered while ``path`` keeps its stamp; ``keep``: also
        persisted (the value must then be JSON; lists come back as lists). A file that
        cannot be stat'ed is asked about every time."""
        key = str(path)
        read_at = self._clock()
        stamp = FileStamp.read(key)
        table = self._facts.setdefault(name, {})
        known = table.get(key)
        if stamp is not None and known is not None and known.stamp == stamp:
            return known.value
        value = compute(path)
        if stamp is not None:
            table[key] = fact = _Fact(stamp, value, keep and stamp.settled(read_at))
            if fact.keep:
                self._learnt.setdefault(name, {})[key] = fact
                self.changed = True
        return value

    def remember(self, path: Path, name: str, value: Any, data: bytes) -> None:
        """Record ``value`` as the fact ``name`` of ``path`` (see :meth:`fact`), drawn by the
        caller from ``data``: kept only if ``data`` are the bytes this cache digested for
        the file in this run, whose stamp it then knows."""
        known = self._run.get(str(path))
        if known is None or hashlib.sha256(data).hexdigest() != known.sha:
            return
        fact = _Fact(known.stamp, value, known.settled)
        self._facts.setdefault(name, {})[str(path)] = fact
        if fact.keep:
            self._learnt.setdefault(name, {})[str(path)] = fact
            self.changed = True

    def memo(self, path: Path, name: str, version: str,
             compute: Callable[[Path, bytes], T]) -> T:
        """``compute(path, its bytes)``, remembered by the bytes' digest under ``version``
        (the code that computes it: values of another version are forgotten). The value
        must be JSON (lists come back as lists). If ``compute`` raises, nothing is kept."""
        table = self._memos.get(name)
        if table is None or table[0] != version:
            table = self._memos[name] = (version, {})
        values = table[1]
        sha = self.digest(path)
        if sha in values:
            return values[sha]
        with open(path, "rb") as handle:
            data = handle.read()
        value = compute(path, data)
        values[hashlib.sha256(data).hexdigest()] = value  # the bytes it was computed from
        return value


def fact_of(reads: ReadCache | None, path: Path, name: str, compute: Callable[[Path], T],
            *, keep: bool = True) -> T:
    """``compute(path)`` through ``reads``; computed directly without one."""
    if reads is None:
        return compute(path)
    return reads.fact(path, name, compute, keep=keep)
