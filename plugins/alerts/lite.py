"""Write the text-only edition (chancery.site.lite) of one language build into its site folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from chancery.core.atomic import write_text_atomic
from chancery.site.language import LanguageBuild
from chancery.site.lite import NEWS_POSTS
from chancery.site.lite.edition import Feed, LiteEdition, NewsItem
from chancery.site.news import NewsBuild


def news_items(news: NewsBuild, count: int = NEWS_POSTS) -> list[NewsItem]:
    """The latest ``count`` listed posts of a language's news, as its news page lists them."""
    items = []
    for post in news.news.latest(count):
        when = news.views.when(post.date)
        items.append(NewsItem(post.title, when.text, when.datetime, post.meta.summary or "",
                              post.url))
    return items


def write_lite(config: MkDocsConfig, build: LanguageBuild, moment: datetime) -> None:
    """``lite/`` under the language's root: every page replaced whole (never written
    through a hard link that an incremental build made to the previous output)."""
    news: NewsBuild | None = getattr(config.plugins.get("chancery/news"), "news", None)
    items, feed = [], None
    if news is not None:
        head = news.head()
        items, feed = news_items(news), Feed(head["title"], head["rss"], head["atom"])
    edition = LiteEdition(build, moment, items, feed, tuple(config.theme.dirs))
    site = Path(config.site_dir)
    for page in edition.pages():
        write_text_atomic(site / page.path, page.html, mkdir=True)
