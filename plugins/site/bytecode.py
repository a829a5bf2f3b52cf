"""Compiled theme templates, kept between builds instead of compiled for every language.

MkDocs makes a new Jinja environment for every build, which compiles Material's and
the theme's templates again (about 0.3 s). They are kept in memory for the worker
process's next build and, if the render request names a folder (``build.py`` sets one
under its cache folder), on disk for the next run. Jinja checks each entry
against the template's source and its own version, so a changed template is compiled
afresh; files are replaced atomically, so workers can share the folder. Keys also name how
templates are compiled (autoescaped): bytecode compiled otherwise is never reused.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from chancery.core.atomic import write_bytes_atomic

COMPILED_AS = "autoescape"  # change when the environment compiles templates differently


class TemplateCache(BytecodeCache):
    """Jinja bytecode in memory and, optionally, in a folder."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{COMPILED_AS}:{name}", filename)

    def __init__(self, memory: dict[str, bytes], folder: Path | None) -> None:
        self.memory = memory
        self.folder = folder

    def _file(self, key: str) -> Path | None:
        return self.folder / f"{key}.jinja" if self.folder else None

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.memory.get(bucket.key)
        file = self._file(bucket.key)
        if data is None and file is not None:
            try:
                data = file.read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = self.memory[bucket.key] = bucket.bytecode_to_string()
        file = self._file(bucket.key)
        if file is None:
            return
        with contextlib.suppress(OSError):  # a cache: the next build compiles again
            write_bytes_atomic(file, data, mkdir=True)


# Compiled templates of this process's earlier builds: Jinja checks every entry against
# its template's source, so it holds no build's state, only work a later build can skip.
_COMPILED: dict[str, bytes] = {}


def template_cache(folder: Path | None) -> TemplateCache:
    """The cache of one build: this process's compiled templates, and ``folder`` if given."""
    return TemplateCache(_COMPILED, folder)
