"""Escaping for the output contexts that are not HTML text or attributes (Jinja does those)."""

from __future__ import annotations

import json

from markupsafe import Markup

_SCRIPT_SAFE = str.maketrans({
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
    "\u2028": "\\u2028", "\u2029": "\\u2029",
})


def json_for_script(data: object, *, indent: int | None = None) -> Markup:
    """``data`` as JSON that can sit inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no ``</script>`` or ``<!--``
    in a title can end or disturb the element; so are U+2028 and U+2029, which end a line
    in older JavaScript parsers. The JSON means exactly the same.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return Markup(text.translate(_SCRIPT_SAFE))
