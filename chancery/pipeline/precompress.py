"""Gzip and Brotli copies beside a site's text files, for servers that send them as they are.

A web server set up for it (nginx ``gzip_static on;`` and, with the ngx_brotli module,
``brotli_static on;``; Caddy ``file_server { precompressed br gzip }``; GitLab Pages by
default) answers a browser that accepts Brotli or gzip with ``page.html.br`` or
``page.html.gz`` instead of compressing ``page.html`` on every request, and at a stronger
level than it could afford per request. Every HTML, CSS, JavaScript, JSON, XML, SVG and text
file gets both copies, each only when it is smaller than the file. They are made
deterministically (gzip with no name and time 0, Brotli at a fixed quality), so a rebuild
makes the same bytes and an incremental build equals a cold one.

A language is compressed in its staging folder once it is rendered and indexed
(:func:`chancery.pipeline.tasks.index_search`). A file that is still the live site's (hard-linked
from it: a page the build did not render again, a search shard not indexed again) keeps the
live site's copies when they are linked too; every other file gets new ones, written to a new
file and renamed over the old name, never into a linked file (which is the live site's).
Copies left without their file are removed. The S3 publisher does not upload the copies: a
bucket cannot choose between them by the reader's ``Accept-Encoding``.

The theme's and search's files are the same in every language and mission: a
:class:`CompressionMemo` that the caller hands in remembers their copies by their content's
digest, so that a build compresses each once (the build's tasks share one folder of them).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import struct
from pathlib import Path

import brotli

from chancery.core.atomic import write_bytes_atomic

TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt",
                 ".webmanifest")
ENCODINGS = (".gz", ".br")
# MkDocs publishes ``sitemap.xml.gz`` itself (the same bytes as sitemap.xml, gzipped): it is
# left as MkDocs wrote it and published everywhere, S3 included.
OWN_COPIES = frozenset({"sitemap.xml.gz"})
# Pages change with every build; theme and search files rarely, and are the same in every
# language and mission (compressed once per build, see CompressionMemo): more effort for them.
_PAGE_SUFFIXES = (".html", ".xml")
_PAGE_QUALITY, _ASSET_QUALITY = 5, 9
_GZIP_LEVEL = 9
MEMO_LIMIT = 16 << 20  # bytes of copies a memo keeps in memory
_LENGTHS = struct.Struct(">qq")  # an entry on disk: the two copies' lengths (-1: none), then both

Copies = tuple[bytes | None, bytes | None]


def is_precompressed(path: str) -> bool:
    """Whether ``path`` (relative, POSIX) is a copy made here (``x.html.gz``, ``x.css.br``)."""
    stem, dot, suffix = path.rpartition(".")
    if not dot or f".{suffix}" not in ENCODINGS or path.rpartition("/")[2] in OWN_COPIES:
        return False
    return stem.endswith(TEXT_SUFFIXES)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0)


def brotli_bytes(data: bytes, name: str) -> bytes:
    quality = _PAGE_QUALITY if name.endswith(_PAGE_SUFFIXES) else _ASSET_QUALITY
    return brotli.compress(data, quality=quality)


class CompressionMemo:
    """The copies of files other than pages, by their content's digest: a file met again (the
    same theme or search file in another shard, language or mission) is not compressed again.

    It keeps up to ``limit`` bytes of copies in memory (then starts over) and, with a
    ``folder``, every entry in that folder too: the tasks of a build, in whichever worker
    process, each make their own memo on the build's folder and share what the others
    compressed. The folder holds one build's entries (the build removes it): a cold build
    and an incremental one make the same bytes.
    """

    def __init__(self, folder: Path | None = None, limit: int = MEMO_LIMIT) -> None:
        self.folder, self.limit = folder, limit
        self._copies: dict[bytes, Copies] = {}
        self._size = 0
        self.compressed = 0  # files other than pages this memo compressed (not found made)

    def copies(self, data: bytes, name: str) -> Copies:
        """The gzip and Brotli copies of a file named ``name`` holding ``data`` (``None``
        where the copy would not be smaller than the file)."""
        if name.endswith(_PAGE_SUFFIXES):
            return _make(data, name)
        key = hashlib.sha256(data).digest()
        made = self._copies.get(key)
        if made is None:
            made = self._read(key)
            if made is None:
                made = _make(data, name)
                self.compressed += 1
                self._write(key, made)
            self._remember(key, made)
        return made

    def _remember(self, key: bytes, made: Copies) -> None:
        size = sum(len(copy) for copy in made if copy is not None)
        if self._size + size > self.limit:
            self._copies.clear()
            self._size = 0
        self._copies[key] = made
        self._size += size

    def _read(self, key: bytes) -> Copies | None:
        if self.folder is None:
            return None
        try:
            entry = (self.folder / key.hex()).read_bytes()
        except FileNotFoundError:
            return None
        if len(entry) < _LENGTHS.size:
            return None
        zipped, squeezed = _LENGTHS.unpack_from(entry)
        body = entry[_LENGTHS.size:]
        if max(zipped, 0) + max(squeezed, 0) != len(body):
            return None  # not an entry this code wrote: compress again
        cut = max(zipped, 0)
        return (body[:cut] if zipped >= 0 else None, body[cut:] if squeezed >= 0 else None)

    def _write(self, key: bytes, made: Copies) -> None:
        if self.folder is None:
            return
        zipped, squeezed = made
        entry = _LENGTHS.pack(-1 if zipped is None else len(zipped),
                              -1 if squeezed is None else len(squeezed))
        write_bytes_atomic(self.folder / key.hex(), entry + (zipped or b"") + (squeezed or b""),
                           mkdir=True)


def _make(data: bytes, name: str) -> Copies:
    zipped, squeezed = gzip_bytes(data), brotli_bytes(data, name)
    return (zipped if len(zipped) < len(data) else None,
            squeezed if len(squeezed) < len(data) else None)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def precompress(root: Path, live: Path | None = None,
                memo: CompressionMemo | None = None) -> int:
    """Write the ``.gz`` and ``.br`` copies of every text file under ``root``; return how
    many files were compressed.

    ``live`` is the live site laid out as ``root`` is (``root/x`` is ``live/x``): a file that
    is the live one (same inode) and whose copies are the live ones is left alone. ``memo``
    remembers the copies of files other than pages (default: a memo for this call only).
    """
    memo = CompressionMemo() if memo is None else memo
    done = 0
    top = os.fspath(root)
    for folder, _, names in os.walk(top):
        present = set(names)
        for name in names:
            path = os.path.join(folder, name)
            stem, dot, suffix = name.rpartition(".")
            if dot and f".{suffix}" in ENCODINGS and name not in OWN_COPIES \
                    and stem.endswith(TEXT_SUFFIXES) and stem not in present:
                _remove(path)  # a copy whose file is gone
                continue
            if not name.endswith(TEXT_SUFFIXES):
                continue
            if live is not None and _kept(path, os.path.join(live, os.path.relpath(path, top))):
                continue
            with open(path, "rb") as file:
                data = file.read()
            for suffix, copy in zip(ENCODINGS, memo.copies(data, name), strict=True):
                target = path + suffix
                if name + suffix in OWN_COPIES:
                    continue
                if copy is None:
                    _remove(target)
                else:
                    write_bytes_atomic(Path(target), copy)  # never into a linked file
            done += 1
    return done


def _kept(path: str, live: str) -> bool:
    """Whether ``path`` and its copies are those of the live site (hard links of them)."""
    if not _same_file(path, live):
        return False
    for suffix in ENCODINGS:
        ours, theirs = os.path.exists(path + suffix), os.path.exists(live + suffix)
        if ours != theirs or (ours and not _same_file(path + suffix, live + suffix)):
            return False
    return True
