"""Compiled theme templates, kept between builds instead of compiled for every language.

MkDocs makes a new Jinja environment for every build, which compiles Material's and
the theme's templates again (about 0.3 s). They are kept in memory for the worker
process's next build and, if ``$CHANCERY_TEMPLATE_CACHE`` names a folder (``build.py``
sets one under its cache folder), on disk for the next run. Jinja checks each entry
against the template's source and its own version, so a changed template is compiled
afresh; files are replaced atomically, so workers can share the folder. Keys also name how
templates are compiled (autoescaped): bytecode compiled otherwise is never reused.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from chancery.core.atomic import write_bytes_atomic
from chancery.core.engine import TEMPLATE_CACHE_ENV as ENV

COMPILED_AS = "autoescape"  # change when the environment compiles templates differently


class TemplateCache(BytecodeCache):
    """Jinja bytecode in memory and, optionally, in a folder."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{COMPILED_AS}:{name}", filename)

    def __init__(self) -> None:
        self.memory: dict[str, bytes] = {}

    @staticmethod
    def _file(key: str) -> Path | None:
        folder = os.environ.get(ENV)
        return Path(folder) / f"{key}.jinja" if folder else None

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


CACHE = TemplateCache()  # one per process
