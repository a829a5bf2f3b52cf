"""Lean HTML: drop the blank lines that templates leave between tags.

Material's templates leave a line of spaces wherever a ``{% if %}`` or ``{% set %}``
stood: about a tenth of a news post's page. A line holding only spaces adds nothing a
browser shows, except where white space is kept as written: inside ``<pre>``,
``<textarea>``, ``<code>`` and ``<kbd>`` (shown as typed), and ``<script>`` and
``<style>`` (code), which are left exactly as they are. Indentation is kept.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>",
                   re.DOTALL | re.IGNORECASE)
_BLANK = re.compile(r"\n[ \t\r]*(?=\n)")


def drop_blank_lines(html: str) -> str:
    """``html`` without its blank lines, outside the elements that keep them."""
    parts, start = [], 0
    for kept in _KEPT.finditer(html):
        parts += [_BLANK.sub("", html[start:kept.start()]), kept.group(0)]
        start = kept.end()
    parts.append(_BLANK.sub("", html[start:]))
    return "".join(parts)
