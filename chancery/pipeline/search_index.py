"""The search index of a mission: Pagefind bundles ("shards"), several per language.

Pagefind cannot update an index in place and costs about 1.5 ms of CPU per page, so each
language's index is split into shards decided from the content alone: ``pages`` (every
indexable page that is not a news post), ``news-YYYY`` for each of the two most recent
years with posts in that language, and ``news-archive`` for all older posts. A rebuild
indexes again only the shards whose input files changed; the others are hard-linked from
the live site (a one-post edit re-indexes that post's year, not the language).

Indexed: the ``data-pagefind-body`` part of pages that have one (so untranslated fallback
copies, the search page and ``404.html`` are not) and never the news listings (the index,
its pages, categories, year archives: they only repeat the posts' summaries).

Layout: ``pagefind/<lang>/<shard>/`` is one Pagefind bundle, ``pagefind/<lang>/shards.json``
lists the language's shards, ``pages`` first; the search page loads the first and merges
the others (Pagefind's ``mergeIndex``), so results come from every shard and never mix
languages. Each shard is indexed from a scratch folder of search copies of exactly its
pages (see :func:`search_copy`), laid out as in the final site, so URLs are the final ones;
the folder is in memory (``/dev/shm``) when there is room, as creating thousands of small
files and folders costs about four times as much on a disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from chancery.pipeline.segment import segment_html

SEARCH_DIR = "pagefind"
SHARDS_FILE = "shards.json"
PAGES, ARCHIVE = "pages", "news-archive"
RECENT_YEARS = 2  # news years with a shard of their own
_NEWS = "news"
_NOT_INDEXED = {"404.html", "search/index.html"}
_MARK = b"data-pagefind-body"
_BODY = re.compile(rb"<[A-Za-z][^<>]*\s" + _MARK + rb"[\s>=/]")  # the attribute, in a tag
_HTML = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(rb"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
PARALLEL_RUNS = 2  # Pagefind runs at once for one language
MEMORY_SCRATCH = Path("/dev/shm")  # tmpfs on Linux; used only with room to spare
_SCRATCH_MARGIN = 64 << 20  # bytes left free in memory scratch, beyond every run's copies
_SCRATCH_NAME = "chancery-search-"  # then the process id, the shard's name, a random part
_FORMAT = "shards-2"  # part of every shard's digest: change it when indexing changes


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class ShardRecord:
    """One shard as last indexed: what the next build compares and reuses."""

    input: str  # digest of its pages' paths and bytes, and of the indexer
    bundle: str  # digest of the bundle Pagefind made of them (see bundle_digest)


Shards = dict[str, ShardRecord]  # a language's, by name, in the order of shards.json


@dataclass
class Shard:
    """One bundle of a language's index: its pages (relative to the language's root)."""

    name: str
    files: list[str]
    digest: str = ""  # of the Pagefind version, the pages' paths and bytes
    sources: dict[str, str] = field(default_factory=dict)  # path -> file, if not under root
    size: int = 0  # bytes of its pages: more than their search copies take


def _pagefind() -> list[str]:
    """The Pagefind executable (without the Python wrapper's start-up when it can be found)."""
    try:
        from pagefind.service import _must_get_executable

        return [str(_must_get_executable().resolve())]
    except Exception:  # noqa: BLE001 - any trouble: let the wrapper find it
        return [sys.executable, "-m", "pagefind"]


def _tool_key() -> str:
    versions = []
    for name in ("pagefind", "pagefind_bin_extended", "pagefind_bin", "icu4py"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return f"{_FORMAT} {' '.join(versions)}"


def _run(site: Path, output: Path) -> None:
    result = subprocess.run(
        [*_pagefind(), "--site", str(site), "--output-path", str(output), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("search indexing failed: " + " | ".join(detail))


def shard_of(path: str) -> str | None:
    """The shard of a page (``path`` relative to its language's site), ``None``: not indexed.

    News posts (``news/YYYY/<slug>/index.html``) are returned as ``news/YYYY``; the caller
    groups the years.
    """
    if not path.endswith(".html") or path in _NOT_INDEXED:
        return None
    parts = path.split("/")
    if parts[0] != _NEWS:
        return PAGES
    if len(parts) == 4 and len(parts[1]) == 4 and parts[1].isdigit() and parts[2] != "page" \
            and parts[3] == "index.html":
        return f"{_NEWS}/{parts[1]}"
    return None  # a listing: the index, its pages, a category, a year archive


def _body_tag(page: bytes) -> int:
    """Where the tag of the ``data-pagefind-body`` element starts, -1 if there is none
    (finding the attribute first is some twenty times faster than searching a regex)."""
    at = page.find(_MARK)
    while at >= 0:
        start = page.rfind(b"<", 0, at)
        if start >= 0 and _BODY.match(page, start):
            return start
        at = page.find(_MARK, at + 1)
    return -1


def _indexable(page: bytes) -> bool:
    """Whether a page has a ``data-pagefind-body`` element."""
    return _body_tag(page) >= 0


def _indexable_file(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return _indexable(handle.read())
    except OSError:
        return False


def plan_shards(root: Path, prefix: str = "") -> list[Shard]:
    """The shards of the language built under ``root`` (its pages in ``root/prefix``).

    Only pages with a ``data-pagefind-body`` element count (Pagefind indexes only those when
    any page has one); every shard's digest covers its pages' paths and bytes.
    """
    site = root / prefix if prefix else root
    start = len(str(root)) + 1
    found: dict[str, dict[str, bytes]] = {}  # shard (or news/YYYY) -> path -> file digest
    sizes: dict[str, int] = {}
    for folder, dirs, names in os.walk(site):
        if folder == str(root):
            dirs[:] = [d for d in dirs if d != SEARCH_DIR]
        for name in names:
            full = os.path.join(folder, name)
            rel = full[start:]
            key = shard_of(rel[len(prefix):])
            if key is None:
                continue
            with open(full, "rb") as handle:
                data = handle.read()
            if _indexable(data):
                found.setdefault(key, {})[rel] = hashlib.sha256(data).digest()
                sizes[rel] = len(data)
    years = sorted((key for key in found if key != PAGES), reverse=True)
    groups: dict[str, dict[str, bytes]] = {}
    if PAGES in found:
        groups[PAGES] = found[PAGES]
    for number, year in enumerate(years):
        name = f"news-{year[len(_NEWS) + 1:]}" if number < RECENT_YEARS else ARCHIVE
        groups.setdefault(name, {}).update(found[year])
    tool = _tool_key()
    return [Shard(name, sorted(files), _shard_digest(tool, files),
                  size=sum(sizes[rel] for rel in files)) for name, files in groups.items()]


def _shard_digest(tool: str, files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(tool.encode())
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + files[rel])
    return digest.hexdigest()


def _shard_name(key: str, names: Collection[str]) -> str | None:
    """The shard that a page's key (see :func:`shard_of`) falls in, among ``names``."""
    if key == PAGES:
        return PAGES if PAGES in names else None
    year = f"news-{key[len(_NEWS) + 1:]}"
    return year if year in names else ARCHIVE if ARCHIVE in names else None


def update_language(root: Path, lang: str, prefix: str, previous: Shards,
                    live: Path, skip: Collection[str] = (),
                    memory: Path = MEMORY_SCRATCH) -> tuple[Shards, list[str]] | None:
    """Index again only the shards that the pages rendered under ``root`` fall in.

    For a build that rendered a few pages of a language whose other pages are those of the
    ``live`` site (laid out as ``root``; top-level ``skip`` entries are not the language's):
    each touched shard is indexed from the live pages with the rendered ones in their stead,
    into ``root/pagefind/<lang>/``; the other shards stay as they are in the live site.
    Returns the shards and the names indexed, as :func:`index_language`, or ``None`` when
    a rendered page falls outside the shards of ``previous`` (index the whole language).
    ``memory`` is as in :func:`index_language`.
    """
    start = len(str(root)) + 1
    staged: dict[str, str] = {}
    for folder, dirs, names in os.walk(root / prefix if prefix else root):
        if folder == str(root):
            dirs[:] = [d for d in dirs if d != SEARCH_DIR]
        for name in names:
            full = os.path.join(folder, name)
            staged[full[start:]] = full
    touched: set[str] = set()
    for rel, path in staged.items():
        key = shard_of(rel[len(prefix):])
        if key is None:
            continue
        if not _indexable_file(path) and not _indexable_file(str(live / rel)):
            continue  # e.g. an untranslated copy, in no shard before or now
        name = _shard_name(key, previous)
        if name is None:
            return None
        touched.add(name)
    recorded = {name: previous[name] for name in previous}
    if not touched:
        return recorded, []
    members: dict[str, dict[str, bytes]] = {name: {} for name in touched}
    sources: dict[str, str] = {}
    sizes: dict[str, int] = {}
    base = len(str(live)) + 1
    language = live / prefix if prefix else live
    years = [name[len("news-"):] for name in touched if name not in (PAGES, ARCHIVE)]
    walked = ([language / _NEWS / year for year in years] if len(years) == len(touched)
              else [language])  # a recent year's posts are all in its folder
    for folder, dirs, names in (entry for top in walked for entry in os.walk(top)):
        if folder == str(live):
            dirs[:] = [d for d in dirs if d != SEARCH_DIR and d not in skip]
        for name in names:
            full = os.path.join(folder, name)
            rel = full[base:]
            key = shard_of(rel[len(prefix):])
            shard = _shard_name(key, previous) if key is not None else None
            if shard not in touched:
                continue
            path = staged.get(rel, full)
            with open(path, "rb") as handle:
                data = handle.read()
            if _indexable(data):
                members[shard][rel] = hashlib.sha256(data).digest()
                sources[rel] = path
                sizes[rel] = len(data)
    tool = _tool_key()
    output = root / SEARCH_DIR / lang
    todo = []
    for name in sorted(touched):
        files = members[name]
        shard = Shard(name, sorted(files), _shard_digest(tool, files),
                      {rel: sources[rel] for rel in files}, sum(sizes[rel] for rel in files))
        if shard.digest != previous[name].input:  # else e.g. only a page out of search changed
            todo.append(shard)
    _index_all(root, todo, output, memory)
    for shard in todo:
        recorded[shard.name] = ShardRecord(shard.digest, bundle_digest(output / shard.name))
    return recorded, [shard.name for shard in todo]


def bundle_digest(folder: Path) -> str:
    """Hash of every file's path and bytes in a Pagefind bundle."""
    digest = hashlib.sha256()
    start = len(str(folder)) + 1
    paths = sorted(os.path.join(top, name) for top, _, names in os.walk(folder)
                   for name in names)
    for path in paths:
        with open(path, "rb") as handle:
            digest.update(path[start:].encode() + b"\0" + hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def index_language(root: Path, lang: str, prefix: str = "", previous: Shards | None = None,
                   live: Path | None = None,
                   memory: Path = MEMORY_SCRATCH) -> tuple[Shards, list[str]]:
    """Index the language built under ``root`` into ``root/pagefind/<lang>/``.

    ``previous`` holds the shards of the language's last build and ``live`` the site
    they were published in: a shard whose input did not change is hard-linked from there
    when its bundle is still as built. Returns the shards (same form as ``previous``, in
    the order of ``shards.json``) and the names of those Pagefind indexed. ``memory`` is the
    folder in memory where search copies are laid out when it has room (see
    :func:`scratch_for`).
    """
    output = root / SEARCH_DIR / lang
    output.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(root, prefix)
    recorded: Shards = {}
    todo = []
    for shard in shards:
        old = (previous or {}).get(shard.name)
        if old and old.input == shard.digest and live is not None \
                and _reuse(live / SEARCH_DIR / lang / shard.name, output / shard.name,
                           old.bundle):
            recorded[shard.name] = old
        else:
            todo.append(shard)
    _index_all(root, todo, output, memory)
    for shard in todo:
        recorded[shard.name] = ShardRecord(shard.digest, bundle_digest(output / shard.name))
    recorded = {shard.name: recorded[shard.name] for shard in shards}  # as in shards.json
    indexed = [shard.name for shard in todo]
    (output / SHARDS_FILE).write_text(json.dumps([s.name for s in shards]) + "\n",
                                      encoding="utf-8")
    return recorded, indexed


def search_copy(page: bytes) -> bytes | None:
    """What Pagefind needs of a page: ``<html>`` (its language), ``<title>``, and everything
    from the ``data-pagefind-body`` element on; ``None`` if the page is not laid out so.

    Pagefind reads nothing else of our pages (no ``data-pagefind-meta`` or filters outside
    the body element), and skipping the head, header and navigation saves it about 30 % of
    its time; the index it makes is byte for byte the same (tests/perf/test_search_shards).
    Text in scripts written without spaces (Lao, Khmer, Burmese, Thai) is cut into words
    (:mod:`chancery.pipeline.segment`): only here, never in the published page.
    """
    html, title, body = _HTML.search(page), _TITLE.search(page), _body_tag(page)
    if html is None or body < 0:
        return None
    return segment_html(b"".join((
        b"<!doctype html>\n", html.group(0), b'<head><meta charset="utf-8">',
        title.group(0) if title else b"", b"</head><body>", page[body:])))


def _index_all(root: Path, shards: list[Shard], output: Path, memory: Path) -> None:
    """Index ``shards`` into ``output/<name>/``, two Pagefind runs at a time, the largest
    first: a core another task leaves free takes the second run."""
    sweep_scratch(memory)
    largest_first = sorted(shards, key=lambda shard: -len(shard.files))
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as runs:
        for done in [runs.submit(_index, root, shard, output / shard.name, memory)
                     for shard in largest_first]:
            done.result()


def scratch_for(size: int, fallback: Path, memory: Path = MEMORY_SCRATCH) -> Path:
    """Where to lay out ``size`` bytes of search copies: the ``memory`` folder if it has room
    for the copies of every run that may be under way (a worker per core,
    :data:`PARALLEL_RUNS` each) with a margin to spare, else ``fallback`` (a folder on the
    staging's disk)."""
    try:
        room = os.statvfs(memory)
        free = room.f_bavail * room.f_frsize
        usable = os.access(memory, os.W_OK | os.X_OK)
    except OSError:
        return fallback
    enough = free >= (os.cpu_count() or 2) * PARALLEL_RUNS * size + _SCRATCH_MARGIN
    return memory if usable and enough else fallback


def sweep_scratch(where: Path = MEMORY_SCRATCH) -> list[str]:
    """Remove the scratch folders that builds killed while indexing left in memory (a
    ``finally`` does not run on SIGKILL, and memory is not cleared until a reboot): those
    whose process is gone. Returns their names."""
    swept = []
    try:
        names = os.listdir(where)
    except OSError:
        return swept
    for name in names:
        if not name.startswith(_SCRATCH_NAME):
            continue
        pid = name[len(_SCRATCH_NAME):].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        shutil.rmtree(os.path.join(where, name), ignore_errors=True)
        swept.append(name)
    return swept


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


def _index(root: Path, shard: Shard, target: Path, memory: Path) -> None:
    """Run Pagefind over exactly the shard's pages (search copies, laid out as in the site)."""
    where = scratch_for(shard.size, root.parent, memory)
    pages = tempfile.mkdtemp(prefix=f"{_SCRATCH_NAME}{os.getpid()}-{shard.name}-", dir=where)
    try:
        for rel in shard.files:
            copy = os.path.join(pages, rel)
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            source = shard.sources.get(rel) or os.path.join(root, rel)
            with open(source, "rb") as handle:
                slim = search_copy(handle.read())
            if slim is None:
                shutil.copyfile(source, copy)  # a hard link cannot cross into memory
            else:
                with open(copy, "wb") as handle:
                    handle.write(slim)
        _run(Path(pages), target)
    finally:
        shutil.rmtree(pages, ignore_errors=True)


def _reuse(source: Path, target: Path, digest: str) -> bool:
    """Hard-link a previous build's bundle if it is still exactly as built."""
    try:
        if not source.is_dir() or bundle_digest(source) != digest:
            return False
        for folder, _, names in os.walk(source):
            here = target / os.path.relpath(folder, source)
            here.mkdir(parents=True, exist_ok=True)
            for name in names:
                os.link(os.path.join(folder, name), here / name)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def link_duplicates(search_dir: Path) -> None:
    """Hard-link the files every bundle has (Pagefind's scripts, styles, WebAssembly)."""
    first: dict[tuple[str, int], Path] = {}
    for bundle in sorted(search_dir.glob("*/*/")):
        for file in sorted(bundle.iterdir()):
            if not file.is_file():
                continue
            twin = first.setdefault((file.name, file.stat().st_size), file)
            if twin == file or os.path.samefile(twin, file):
                continue
            if twin.read_bytes() == file.read_bytes():
                file.unlink()
                os.link(twin, file)
