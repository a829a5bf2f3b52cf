"""Problems found in content, reported as ``file:line: field: message``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


class Text(str):
    """A message in English that remembers its template and values, so that a report can
    give it in the reader's language (see :mod:`chancery.content.i18n.problems`)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Text:
        try:
            english = template.format(**params)  # "{{" for a brace
        except (KeyError, IndexError, ValueError):
            english = template
        text = super().__new__(cls, english)
        text.template, text.params = template, params
        return text

    def __reduce__(self) -> tuple:  # workers send problems to the parent process
        return (_text, (self.template, self.params))


def _text(template: str, params: dict[str, Any]) -> Text:
    return Text(template, **params)


def msg(template: str, **params: Any) -> Text:
    """An editor-facing message: ``template`` (English, ``{name}`` placeholders) is looked
    up in the ``chancery`` catalog when a report is printed in another language."""
    return Text(template, **params)


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
    return _display(str(path), None if root is None else str(root), os.getcwd())


@lru_cache(maxsize=65536)
def _display(path: str, root: str | None, cwd: str) -> str:
    """:func:`display_path`, remembered: checks name every page, and resolving costs."""
    folder, name = os.path.split(path)
    resolved = Path(_resolved(folder or ".")) / name  # the folder resolved once for its files
    for base in (root, cwd):
        if base is None:
            continue
        try:
            return resolved.relative_to(_resolved(base)).as_posix()
        except ValueError:
            continue
    return Path(path).as_posix()


@lru_cache(maxsize=4096)
def _resolved(folder: str) -> str:
    return str(Path(folder).resolve())
