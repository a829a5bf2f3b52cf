"""Problems found in content, reported as ``file:line: field: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        tag = "" if self.severity == "error" else f" [{self.severity}]"
        return f"{where}:{tag}{field} {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """Raised when input files are invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str, root: Path | None = None) -> str:
    """Return ``path`` relative to ``root`` (or the working directory) when possible."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()
