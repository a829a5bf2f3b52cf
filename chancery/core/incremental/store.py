"""Cache files: versioned JSON, written atomically, read back only when trustworthy.

Every cache file Chancery keeps is ``{"chancery": KIND, "version": VERSION, "data": ...}``:
``KIND`` names what the file holds (so one kind is never read as another) and
``VERSION`` the layout of its data, which the module writing it bumps when that layout
changes. :func:`read` gives the data only when both match and the file parses; a
missing, truncated, corrupt, older or foreign file reads as ``None``, and
:func:`write` never raises either: a cache can only cost time, never stop or change a
build. Writes replace the file atomically (:mod:`chancery.core.atomic`).
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path
from typing import Any

from chancery.core.atomic import write_json_atomic

SCHEMA = 1  # of the envelope itself; part of every file's version check


def read(path: Path, kind: str, version: int | str) -> Any:
    """The data of the cache file ``path`` if it holds ``kind`` at ``version``, else ``None``."""
    try:
        with open(path, encoding="utf-8") as handle:
            saved = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(saved, dict) or saved.get("chancery") != kind \
            or saved.get("version") != version or saved.get("schema") != SCHEMA:
        return None
    return saved.get("data")


def write(path: Path, kind: str, version: int | str, data: Any, **dumps: Any) -> bool:
    """Replace ``path`` with ``data`` as ``kind`` at ``version`` (folders made as needed).

    Returns whether it was written: data JSON cannot hold (a YAML tag's value) or a file
    system that refuses leaves the old file, and the next build does without it.
    """
    envelope = {"chancery": kind, "schema": SCHEMA, "version": version, "data": data}
    try:
        write_json_atomic(Path(path), envelope, mkdir=True, **dumps)
    except (OSError, TypeError, ValueError, RecursionError):
        return False
    return True


def forget(path: Path) -> None:
    """Remove a cache file (e.g. one that no longer describes the output)."""
    with suppress(OSError):
        Path(path).unlink(missing_ok=True)
