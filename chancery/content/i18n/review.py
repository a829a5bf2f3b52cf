"""Whether a native speaker has reviewed a UI catalog: the ``X-Chancery-Review`` header field.

Each ``messages.po`` says so in its header, for example::

    "X-Chancery-Review: draft, not reviewed by a native speaker\\n"
    "X-Chancery-Review: reviewed by Nguyễn Văn A, 2027-01-15\\n"
    "X-Chancery-Review: source, the interface strings are written in English\\n"

The value starts with ``draft``, ``reviewed`` or ``source`` (the language the strings are
written in, which needs no review); the rest is a free note (who, when). A catalog without the
field counts as not reviewed. Babel drops header fields it does not know when it
rewrites a catalog, so :func:`set_marker` puts the field back (``build.py i18n update`` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import unescape

FIELD = "X-Chancery-Review"
DRAFT = "draft, not reviewed by a native speaker"
SOURCE = "source, the interface strings are written in English"
STATES = ("reviewed", "draft", "source")
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')


@dataclass(frozen=True)
class Review:
    """``state`` is ``reviewed``, ``draft``, ``source``, ``unmarked`` (no field) or ``invalid``."""

    state: str
    note: str = ""

    @property
    def reviewed(self) -> bool:
        """Whether the catalog needs no (more) review by a native speaker."""
        return self.state in ("reviewed", "source")

    @property
    def label(self) -> str:
        """For people: the dashboard and ``i18n check``."""
        if self.state == "reviewed":
            return f"reviewed ({self.note})" if self.note else "reviewed"
        if self.state == "source":
            return "source language (the strings are written in it)"
        if self.state == "unmarked":
            return f"not reviewed (no {FIELD} field)"
        if self.state == "invalid":
            return f"not reviewed ({FIELD} must start with 'draft' or 'reviewed')"
        return "not reviewed by a native speaker (draft)"


def _header_lines(text: str) -> tuple[list[str], int, int]:
    """The header entry's fields, and the span of its quoted ``msgstr`` lines in ``text``."""
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines[:-1]):
        if line.strip() == 'msgid ""' and lines[i + 1].strip() == 'msgstr ""':
            start = i + 2
            break
    if start is None:
        return [], 0, 0
    end = start
    while end < len(lines) and _QUOTED.match(lines[end].strip()):
        end += 1
    value = "".join(unescape(line.strip()) for line in lines[start:end])
    return value.splitlines(), start, end


def read_marker(path: Path) -> str | None:
    """The raw ``X-Chancery-Review`` value of the catalog at ``path``; None if absent."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    fields, _, _ = _header_lines(text)
    for field in fields:
        name, _, value = field.partition(":")
        if name.strip().lower() == FIELD.lower():
            return value.strip()
    return None


def parse(value: str | None) -> Review:
    """The review state a marker value gives."""
    if value is None:
        return Review("unmarked")
    word, _, note = value.partition(",")
    state = word.strip().split(" ")[0].lower() if word.strip() else ""
    if state not in STATES:
        return Review("invalid", value)
    rest = word.strip()[len(state):].strip()
    note = ", ".join(part for part in (rest, note.strip()) if part)
    return Review(state, note)


def review(path: Path) -> Review:
    """The review state of the catalog at ``path``."""
    return parse(read_marker(path))


def set_marker(path: Path, value: str = DRAFT) -> None:
    """Write ``X-Chancery-Review: value`` into the header of the catalog at ``path``."""
    if "\n" in value or '"' in value or "\\" in value:
        raise ValueError(f"{FIELD} is one line without quotes or backslashes: {value!r}")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    _, start, end = _header_lines(text)
    if not end:
        raise ValueError(f"{path}: no header entry (msgid \"\")")
    kept = [line for line in lines[start:end]
            if not unescape(line.strip()).lower().startswith(FIELD.lower() + ":")]
    header = kept + [f'"{FIELD}: {value}\\n"\n']
    path.write_text("".join(lines[:start] + header + lines[end:]), encoding="utf-8")
