"""RSS 2.0 and Atom feeds: valid for a real parser, absolute links, language, stable bytes."""

from __future__ import annotations

import re

import feedparser
import pytest

from chancery.features.news.feeds import FeedInfo, atom, rss
from tests.news.helpers import make_post

INFO = FeedInfo(
    title="Đại sứ quán Việt Nam tại Pháp – Tin tức",
    description="Tin mới nhất của Đại sứ quán",
    lang="vi",
    site_url="https://fr-paris.example/",
    author="Đại sứ quán Việt Nam tại Pháp",
    categories={"community": "Cộng đồng người Việt", "culture": "Văn hóa – Du lịch"},
)
POSTS = [
    make_post(
        f"post-{i}",
        f"2026-02-{10 + i:02d}T18:00:00+01:00",
        categories=("community", "culture"),
        author="Phòng <Báo chí> & Văn hóa",
    )
    for i in range(6, 0, -1)
]


@pytest.mark.parametrize("write", [rss, atom])
def test_feeds_parse_without_errors(write) -> None:
    feed = feedparser.parse(write(INFO, POSTS).encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == INFO.title
    assert feed.feed.get("language") == "vi"
    assert [e.link for e in feed.entries] == [
        f"https://fr-paris.example/news/2026/post-{i}/" for i in range(6, 0, -1)
    ]
    first = feed.entries[0]
    assert first.summary == "s"
    assert [t.term if write is rss else t.label for t in first.tags] == [
        "Cộng đồng người Việt",
        "Văn hóa – Du lịch",
    ]
    assert first.published_parsed[:5] == (2026, 2, 16, 17, 0)


def test_rss_says_where_it_lives_and_when_it_changed() -> None:
    text = rss(INFO, POSTS)
    assert '<atom:link href="https://fr-paris.example/news/feed.xml" rel="self"' in text
    assert "<lastBuildDate>Mon, 16 Feb 2026 18:00:00 +0100</lastBuildDate>" in text
    assert '<guid isPermaLink="true">https://fr-paris.example/news/2026/post-6/</guid>' in text


def test_atom_has_language_author_and_escaped_text() -> None:
    text = atom(INFO, POSTS)
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">' in text
    assert "<name>Phòng &lt;Báo chí&gt; &amp; Văn hóa</name>" in text
    feed = feedparser.parse(text.encode())
    assert feed.entries[0].author == "Phòng <Báo chí> & Văn hóa"
    assert feed.feed.links[0].href == "https://fr-paris.example/news/atom.xml"


def test_feeds_do_not_depend_on_the_time_of_the_build() -> None:
    dates = set(re.findall(r"<(?:updated|published)>([^<]+)<", atom(INFO, POSTS)))
    assert dates == {post.date.isoformat() for post in POSTS}
    empty = feedparser.parse(atom(INFO, []).encode())
    assert not empty.bozo and empty.entries == []
    assert "<updated>1970-01-01T00:00:00+00:00</updated>" in atom(INFO, [])
