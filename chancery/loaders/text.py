"""Reading editors' text files: UTF-8 only, and a clear error naming the line otherwise."""

from __future__ import annotations

from pathlib import Path

from chancery.errors import ContentError, Problem


def read_text(path: Path, file: str) -> str:
    """The file's text; a missing or non-UTF-8 file is a :class:`ContentError` at ``file``."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(file, 0, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ContentError(
            [Problem(file, line, "", "file is not UTF-8 text; save it with UTF-8 encoding")]
        ) from None
