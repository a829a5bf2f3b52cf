"""Page paths to URLs, the way the sites are laid out (directory URLs)."""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_url(path: str) -> str:
    """Site-relative URL of the Markdown page at ``path``: ``about/index.md`` -> ``about/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


@lru_cache(maxsize=65536)  # pages link to the same few places: home, sections, search
def relative_url(from_dir: str, to: str) -> str:
    """Relative link from a page at ``from_dir`` (a directory URL) to ``to``.

    Both are paths from the mission's root, e.g. ``fr/about/`` and ``about/``.
    """
    target = to or "./"
    rel = posixpath.relpath("/" + target, "/" + (from_dir or ""))
    if rel == ".":
        rel = "./"
    elif target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def language_prefix(lang: str, default: str) -> str:
    """``""`` for the default language (site root), ``"<lang>/"`` for the others."""
    return "" if lang == default else f"{lang}/"
