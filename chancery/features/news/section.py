"""The news section of a language site: posts at ``news/<YYYY>/<slug>/``, listings, feeds."""

from __future__ import annotations

from chancery.features.news.build import NewsBuild
from chancery.features.section import Section, SectionInput


def news_section(site: SectionInput) -> Section:
    """Posts keep their Markdown files but never enter the navigation; drafts and future
    posts are dropped; listing pages and feeds are added. Raises :class:`ContentError`."""
    news = site.once(NewsBuild, site)
    addresses, unlisted = news.addresses()
    pages = site.pages.by_lang[site.lang]
    posts = {post.path: post for post in news.news.published}
    listings = [listing.src_uri for listing in news.news.listings()]
    templates = {path: template for path in (*pages, *listings)
                 if (template := news.template_for(path))}
    return Section(
        "news",
        addresses=addresses,
        unlisted=unlisted,
        globals={"chancery_news": news.head()},
        files=dict(news.feeds()),
        documents=tuple(news.generated_pages(pages.__contains__)),
        moves={path: post.url for path, post in posts.items()},
        dropped=frozenset(path for path in pages if news.leaves_out(path)),
        templates=templates,
        meta={path: {"description": post.meta.summary} for path, post in posts.items()},
        views=news.view_for,
    )
