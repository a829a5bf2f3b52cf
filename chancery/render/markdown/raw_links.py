"""Links to pages written in raw HTML (``<a href="/contact/index.md">``) made site URLs.

The site engine rewrites the links Markdown makes; those in raw HTML reach the page as
written. ``build.py check`` holds both to the same rule (name the page's ``.md`` file),
so the render rewrites the raw ones with the engine's own function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape

_A_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")', re.IGNORECASE)
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def rewrite_page_links(html: str, to_url: Callable[[str], str]) -> str:
    """``html`` (attributes double-quoted, as the sanitiser writes them) with every
    ``href`` naming a ``.md`` file replaced by ``to_url(href)``."""
    def rewrite(match: re.Match) -> str:
        url = unescape(match.group(2))
        path = url.split("#", 1)[0].split("?", 1)[0]
        if _REMOTE.match(url) or not path.lower().endswith(".md"):
            return match.group(0)
        return match.group(1) + escape(to_url(url), quote=True) + match.group(3)

    return _A_HREF.sub(rewrite, html)
