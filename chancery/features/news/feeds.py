"""RSS 2.0 and Atom 1.0 feeds of one language's latest posts (absolute URLs, language set).

The output depends only on the posts, never on the time of the build, so that
an unchanged mission rebuilds to the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

from chancery.features.news import NEWS_DIR
from chancery.features.news.dates import iso, rfc822
from chancery.features.news.model import Post

RSS_PATH = f"{NEWS_DIR}/feed.xml"
ATOM_PATH = f"{NEWS_DIR}/atom.xml"
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ET.register_namespace("atom", ATOM)


@dataclass(frozen=True)
class FeedInfo:
    """What both feeds of one language say about themselves."""

    title: str
    description: str
    lang: str  # BCP 47
    site_url: str  # the language's root, absolute, ending in "/"
    author: str  # the mission, for posts without an author
    categories: dict[str, str]  # category id -> name in this language

    @property
    def home_url(self) -> str:
        return f"{self.site_url}{NEWS_DIR}/"

    @property
    def rss_url(self) -> str:
        return f"{self.site_url}{RSS_PATH}"

    @property
    def atom_url(self) -> str:
        return f"{self.site_url}{ATOM_PATH}"

    def post_url(self, post: Post) -> str:
        return self.site_url + post.url


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _serialize(root: ET.Element) -> str:
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def _latest(posts: list[Post]) -> datetime:
    return max((p.modified for p in posts), default=EPOCH)


def rss(info: FeedInfo, posts: list[Post]) -> str:
    """An RSS 2.0 document listing ``posts`` (newest first)."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", info.title)
    _sub(channel, "link", info.home_url)
    _sub(channel, "description", info.description)
    _sub(channel, "language", info.lang)
    _sub(channel, "lastBuildDate", rfc822(_latest(posts)))
    _sub(channel, "generator", "Chancery")
    _sub(channel, f"{{{ATOM}}}link", href=info.rss_url, rel="self", type="application/rss+xml")
    for post in posts:
        url = info.post_url(post)
        item = _sub(channel, "item")
        _sub(item, "title", post.title)
        _sub(item, "link", url)
        _sub(item, "guid", url, isPermaLink="true")
        _sub(item, "pubDate", rfc822(post.date))
        _sub(item, "description", post.meta.summary)
        for category in post.meta.categories:
            _sub(item, "category", info.categories.get(category, category))
    return _serialize(root)


def atom(info: FeedInfo, posts: list[Post]) -> str:
    """An Atom 1.0 document listing ``posts`` (newest first)."""
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": info.lang})
    _sub(root, "id", info.home_url)
    _sub(root, "title", info.title)
    _sub(root, "subtitle", info.description)
    _sub(root, "updated", iso(_latest(posts)))
    _sub(root, "link", rel="self", type="application/atom+xml", href=info.atom_url)
    _sub(root, "link", rel="alternate", type="text/html", href=info.home_url)
    author = _sub(root, "author")
    _sub(author, "name", info.author)
    _sub(root, "generator", "Chancery")
    for post in posts:
        url = info.post_url(post)
        entry = _sub(root, "entry")
        _sub(entry, "id", url)
        _sub(entry, "title", post.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", iso(post.date))
        _sub(entry, "updated", iso(post.modified))
        if post.meta.author:
            _sub(_sub(entry, "author"), "name", post.meta.author)
        _sub(entry, "summary", post.meta.summary)
        for category in post.meta.categories:
            label = info.categories.get(category, category)
            _sub(entry, "category", term=category, label=label)
    return _serialize(root)
