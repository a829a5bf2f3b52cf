"""Optional YAML files, parsed once per load: a loaded mission (or HQ) keeps what it read.

A data file is read by several features and by the checks of the same language
(``hours.yml`` gives the opening hours, the closures and the mission's time zone). Each
load of the network gets its own :class:`ParsedFiles`, so a file is parsed once per
assembly, per check run or per plan, and a later load (the next preview rebuild) reads
it afresh.
"""

from __future__ import annotations

import os
from pathlib import Path

from chancery.content.loaders.yaml_source import YamlSource, load_yaml_file
from chancery.core.errors import display_path


def read_optional(path: Path) -> YamlSource | None:
    """The parsed file, ``None`` if it does not exist; an empty file reads as ``{}``.

    Anything else at that path (a folder, a named pipe) is a :class:`ContentError`."""
    if not os.path.lexists(path):
        return None
    source = load_yaml_file(path, display_path(path))
    if source.data is None:
        source.data = {}
    return source


class ParsedFiles:
    """The optional YAML files one load has parsed, by path (a file that fails to parse is
    not kept: it raises again, with the same problems, for the next reader)."""

    def __init__(self) -> None:
        self._sources: dict[Path, YamlSource | None] = {}

    def optional(self, path: Path) -> YamlSource | None:
        """:func:`read_optional` of ``path``, parsed at the first call."""
        if path not in self._sources:
            self._sources[path] = read_optional(path)
        return self._sources[path]

    def __len__(self) -> int:
        return len(self._sources)
