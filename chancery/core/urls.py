"""URLs, the way the sites are laid out: the one module that makes them.

Directory URLs (``about/index.md`` -> ``about/``), the default language at the
mission's root and every other one under ``<lang>/``, links relative to the page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from functools import lru_cache


def page_url(path: str) -> str:
    """Site-relative URL of the Markdown page at ``path``: ``about/index.md`` -> ``about/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def _plain(path: str) -> bool:
    """No leading slash, no empty segment, no segment starting with a dot (``.``, ``..``)."""
    return not path or (path[0] not in "/." and "//" not in path and "/." not in path)


@lru_cache(maxsize=65536)  # pages link to the same few places: home, sections, search
def relative_url(from_dir: str, to: str) -> str:
    """Relative link from a page at ``from_dir`` (a directory URL) to ``to``.

    Both are paths from the mission's root, e.g. ``fr/about/`` and ``about/``; a target
    ending in ``/`` is a directory URL and its link keeps the slash. The clean paths the
    site makes (listings make tens of links per page) take a short way by segments;
    anything else (e.g. ``..`` segments, a file named like a folder of ``from_dir``)
    goes through :func:`posixpath.relpath`, which gives the same result.
    """
    if (_plain(from_dir) and _plain(to) and (not from_dir or from_dir.endswith("/"))
            and (not to or to.endswith("/") or not from_dir.startswith(to + "/"))):
        src = from_dir.split("/")[:-1] if from_dir else []
        dst = to.split("/")
        common = 0
        while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
            common += 1
        return "../" * (len(src) - common) + "/".join(dst[common:]) or "./"
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


def language_prefixes(languages: Iterable[str], default: str) -> dict[str, str]:
    """Each language's prefix (:func:`language_prefix`), in the order given."""
    return {code: language_prefix(code, default) for code in languages}


def language_urls(path: str, languages: Iterable[str], default: str) -> dict[str, str]:
    """The per-language URL map of the page at ``path``: each of ``languages`` (those that
    have it) to its URL from the mission's root, e.g. ``{"vi": "about/", "fr": "fr/about/"}``."""
    url = page_url(path)
    return {code: prefix + url for code, prefix in language_prefixes(languages, default).items()}
