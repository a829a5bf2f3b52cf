"""Lean HTML: drop the blank lines and indentation that templates leave between tags.

Material's templates leave a line of spaces wherever a ``{% if %}`` or ``{% set %}``
stood, and indent every line: together about a fifth of a news post's page. Outside
the elements that keep white space as written, a browser shows any run of white space
as one space at most, so each line break followed by spaces, tabs or more line breaks
becomes a single line break: the page looks the same. Inside ``<pre>``, ``<textarea>``,
``<code>`` and ``<kbd>`` (shown as typed), and ``<script>`` and ``<style>`` (code),
everything is left exactly as it is.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|code|kbd|script|style)\b", re.IGNORECASE)
_ENDS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
         for name in ("pre", "textarea", "code", "kbd", "script", "style")}
_LINE_BREAK_AND_SPACE = re.compile(r"\n[ \t\r\n]+")


def _compact(html: str) -> str:
    return _LINE_BREAK_AND_SPACE.sub("\n", html)


def compact_html(html: str) -> str:
    """``html`` without blank lines and indentation, outside the elements that keep them."""
    parts, start, search_from = [], 0, 0
    while (kept := _KEPT.search(html, search_from)) is not None:
        end = _ENDS[kept.group(1).lower()].search(html, kept.end())
        if end is None:  # not closed: not an element that keeps its white space
            search_from = kept.end()
            continue
        parts += [_compact(html[start:kept.start()]), html[kept.start():end.end()]]
        start = search_from = end.end()
    parts.append(_compact(html[start:]))
    return "".join(parts)
