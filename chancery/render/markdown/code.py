"""Where Markdown source holds code: fenced blocks and code spans, which link to nothing
and show no picture.

The checks that read a page's source line by line (links, pictures, unsafe HTML) blank
the code out first, keeping the line numbers and, for code spans, the columns.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _spaces(match: re.Match) -> str:
    return " " * len(match.group(0))


def blank_code(body: str, *, spans: bool = True) -> list[str]:
    """The lines of ``body`` with fenced code blocks blanked (their fence lines too) and,
    with ``spans``, every code span made as many spaces."""
    lines, in_fence = [], False
    for line in body.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
        elif in_fence:
            lines.append("")
        else:
            lines.append(CODE_SPAN.sub(_spaces, line) if spans else line)
    return lines
