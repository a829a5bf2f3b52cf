"""Fast reading of post front matter for builds (libyaml, no line numbers).

Builds read every post of every language of a mission, so this skips the
line-aware loader; whatever does not load or validate here is read again with
:func:`chancery.content.loaders.frontmatter.read_markdown` to report it at ``file:line``.
Scalars follow the same rules as the strict loader (YAML 1.2 core schema).
Results are kept per process while a file is unchanged: a worker checks its
language and then builds it, and ``serve`` rebuilds after every save. Builds with a
cache folder also keep the front matter they read in a file per mission
(:func:`load_cache`, :func:`save_cache`), so that rebuilding after one post was edited
reads that post only.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from pydantic import ValidationError

from chancery.content.loaders.frontmatter import quick_read
from chancery.core.atomic import write_json_atomic
from chancery.features.news.model import PostMeta


def read_meta(path: Path) -> dict | None:
    """The front matter of ``path`` as a dict; ``None`` when it cannot be read that simply
    (no front matter, a repeated key, a tab, bad YAML: the careful reader says why)."""
    found = quick_read(path)
    if found is None or found[2] == 1:  # body on line 1: no front matter
        return None
    return dict(found[0])


DRAFT = "draft"
Stamp = tuple[int, int, int, int]  # modified (ns), size, inode, changed (ns)
RACY_S = 2.0  # a file changed this soon before it was read may change again unseen
_CACHE_VERSION = 1
_RAW: dict[str, tuple[Stamp, dict | None, float]] = {}  # path -> stamp, front matter, read at
_SEEN: dict[str, tuple[Stamp, PostMeta | str | None]] = {}
_LOADED: set[str] = set()  # cache files read by this process
_read_since_saved = False  # files were read that no cache file holds yet


def _stamp(stat: os.stat_result) -> Stamp:
    return stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns


def cached_meta(path: Path, stamp: Stamp) -> dict | None:
    """:func:`read_meta`, remembered while the file keeps its ``stamp``."""
    key = str(path)
    known = _RAW.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    global _read_since_saved
    data = read_meta(path)
    _RAW[key] = (stamp, data, time.time())
    _read_since_saved = True
    return data


def fast_meta(path: Path) -> PostMeta | str | None:
    """A post's valid front matter, :data:`DRAFT`, or ``None`` if it needs the careful reader."""
    key = str(path)
    try:
        stamp = _stamp(os.stat(key))
    except OSError:
        return None
    seen = _SEEN.get(key)
    if seen is not None and seen[0] == stamp:
        return seen[1]
    data = cached_meta(path, stamp)
    result: PostMeta | str | None = None
    if data is not None and data.get("draft") is True:
        result = DRAFT
    elif data is not None:
        try:
            result = PostMeta.model_validate(data)
        except ValidationError:
            result = None
    _SEEN[key] = (stamp, result)
    return result


def remember(path: Path, data: bytes, found: tuple[dict, str, int] | None) -> None:
    """Take the front matter another reader parsed from ``data``, the bytes it read of
    ``path`` (``found`` as :func:`chancery.content.loaders.frontmatter.quick_read` gives it), if the
    file still holds exactly those bytes: the planner parses every page for the translations'
    freshness, and seeds the cache of a mission's first build with what it read."""
    key = str(path)
    try:
        before = os.stat(key)
        with open(key, "rb") as handle:
            same = handle.read() == data
        after = os.stat(key)
    except OSError:
        return
    if not same or _stamp(before) != _stamp(after):
        return  # changed while it was read: the workers read it themselves
    global _read_since_saved
    meta = None if found is None or found[2] == 1 else dict(found[0])
    _RAW[key] = (_stamp(after), meta, time.time())
    _read_since_saved = True


def forget() -> None:
    """Drop what this process remembers of posts (the cache files it read included)."""
    global _read_since_saved
    _RAW.clear()
    _SEEN.clear()
    _LOADED.clear()
    _read_since_saved = False


def load_cache(file: Path) -> None:
    """Take in the front matter a previous build kept in ``file`` (once per process)."""
    if str(file) in _LOADED:
        return
    _LOADED.add(str(file))
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("version") != _CACHE_VERSION:
            return
        for path, (stamp, meta) in data["entries"].items():
            _RAW.setdefault(path, (tuple(stamp), meta, 0.0))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return  # a cache: whatever is wrong with it, the files are read again


def save_cache(file: Path, under: Path) -> None:
    """Keep in ``file`` the front matter read of the files under ``under``.

    A file read less than :data:`RACY_S` after it last changed is left out: it could
    change again within the same clock tick without its stamp telling.
    """
    global _read_since_saved
    if not _read_since_saved:
        return
    _read_since_saved = False
    prefix = str(under).rstrip(os.sep) + os.sep
    entries = {}
    for path, (stamp, meta, read_at) in _RAW.items():
        if not path.startswith(prefix):
            continue
        settled = read_at == 0.0 or read_at - max(stamp[0], stamp[3]) / 1e9 >= RACY_S
        if settled:  # read_at 0: taken from a cache file, settled when it was kept
            entries[path] = [list(stamp), meta]
    try:
        write_json_atomic(file, {"version": _CACHE_VERSION, "entries": entries}, mkdir=True,
                          ensure_ascii=False)
    except (TypeError, ValueError):
        return  # front matter that JSON cannot hold (a YAML tag): not kept
    except OSError:
        pass  # a cache: the next build reads the files again
