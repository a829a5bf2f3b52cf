"""Write the text-only edition (chancery.site.lite) of one language site into its folder."""

from __future__ import annotations

from pathlib import Path

from chancery.core.atomic import write_text_atomic
from chancery.features.news.build import NewsBuild
from chancery.site.language import LanguageSite
from chancery.site.lite import NEWS_POSTS
from chancery.site.lite.edition import Feed, LiteEdition, NewsItem


def news_items(news: NewsBuild, count: int = NEWS_POSTS) -> list[NewsItem]:
    """The latest ``count`` listed posts of a language's news, as its news page lists them."""
    items = []
    for post in news.news.latest(count):
        when = news.views.when(post.date)
        items.append(NewsItem(post.title, when.text, when.datetime, post.meta.summary or "",
                              post.url))
    return items


def write_lite(site: LanguageSite, theme_dirs: tuple[str, ...], site_dir: Path) -> None:
    """``lite/`` under the language's root: every page replaced whole (never written
    through a hard link that an incremental build made to the previous output)."""
    items, feed = [], None
    if site.section("news") is not None:
        news = site.facts.once(NewsBuild, site.facts)  # the news section's own
        head = news.head()
        items, feed = news_items(news), Feed(head["title"], head["rss"], head["atom"])
    edition = LiteEdition(site, site.request.now, items, feed, theme_dirs)
    for page in edition.pages():
        write_text_atomic(site_dir / page.path, page.html, mkdir=True)
