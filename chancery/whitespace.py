"""Lean HTML: drop the blank lines that templates leave between tags.

Material's templates leave a line of spaces wherever a ``{% if %}`` or ``{% set %}``
stood: about a tenth of a news post's page. A line holding only spaces adds nothing a
browser shows, except where white space is kept as written: inside ``<pre>``,
``<textarea>``, ``<code>`` and ``<kbd>`` (shown as typed), and ``<script>`` and
``<style>`` (code), which are left exactly as they are. Indentation is kept.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|code|kbd|script|style)\b", re.IGNORECASE)
_ENDS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
         for name in ("pre", "textarea", "code", "kbd", "script", "style")}
_BLANK = re.compile(r"\n[ \t\r]*(?=\n)")


def drop_blank_lines(html: str) -> str:
    """``html`` without its blank lines, outside the elements that keep them."""
    parts, start, search_from = [], 0, 0
    while (kept := _KEPT.search(html, search_from)) is not None:
        end = _ENDS[kept.group(1).lower()].search(html, kept.end())
        if end is None:  # not closed: not an element that keeps its white space
            search_from = kept.end()
            continue
        parts += [_BLANK.sub("", html[start:kept.start()]), html[kept.start():end.end()]]
        start = search_from = end.end()
    parts.append(_BLANK.sub("", html[start:]))
    return "".join(parts)
