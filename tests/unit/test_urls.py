"""chancery.core.urls, the one module that makes URLs: relative links and per-language URL maps."""

from __future__ import annotations

import itertools
import posixpath
import random

from chancery.core.urls import language_prefixes, language_urls, page_url, relative_url


def by_relpath(from_dir: str, to: str) -> str:
    """The site's rule, written the slow and obvious way."""
    target = to or "./"
    rel = posixpath.relpath("/" + target, "/" + (from_dir or ""))
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


def test_relative_links_follow_the_site_rule_for_any_path() -> None:
    """The short way for clean paths and the relpath way agree on every pair, including
    ``..`` segments, a file named like a folder of the page and leading slashes."""
    segments = ["news", "2026", "yy", "tet", "x.jpg", ".", "..", "", ".hidden", "feed.xml"]
    rng = random.Random(16)
    pairs = [("news/2026/", "news"), ("news/2026/", "news/2026"), ("yy/", "yy"),
             ("", ""), ("yy/", ""), ("a/b/", "/a/c/"), ("/a/", "a/")]
    for _ in range(5000):
        paths = ["/".join(rng.choice(segments) for _ in range(rng.randint(0, 4)))
                 for _ in range(2)]
        pairs.append(tuple(p + "/" if p and rng.random() < 0.5 else p for p in paths))
    for here, to in pairs:
        assert relative_url(here, to) == by_relpath(here, to), (here, to)


def test_relative_links_between_the_places_a_site_has() -> None:
    places = ["", "news/", "news/page/2/", "news/2026/tet/", "yy/news/2026/tet/", "yy/", "zz/news/"]
    targets = [*places, "media/news/x.jpg", "yy/media/a.jpg", "news/feed.xml"]
    for here, to in itertools.product(places, targets):
        assert relative_url(here, to) == by_relpath(here, to), (here, to)
    assert relative_url("yy/news/2026/tet/", "") == "../../../../"
    assert relative_url("news/", "news/") == "./"
    assert relative_url("yy/about/", "yy/media/a.jpg") == "../media/a.jpg"


def test_the_per_language_url_map_puts_the_default_language_at_the_root() -> None:
    # Codes made up: the functions take whatever languages a mission declares.
    codes = ["xx", "yy", "zz"]
    assert language_prefixes(codes, "xx") == {"xx": "", "yy": "yy/", "zz": "zz/"}
    assert list(language_prefixes(codes[::-1], "xx")) == codes[::-1]  # the order given
    assert language_urls("about/index.md", codes, "xx") == {
        "xx": "about/", "yy": "yy/about/", "zz": "zz/about/"}
    assert language_urls("index.md", ["yy"], "xx") == {"yy": "yy/"}
    assert language_urls("search.md", [], "xx") == {}
    assert page_url("news/2026/tet.md") == "news/2026/tet/"
