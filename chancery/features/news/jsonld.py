"""schema.org ``NewsArticle`` JSON-LD for a post page."""

from __future__ import annotations

from chancery.features.news.dates import iso
from chancery.features.news.model import Post
from chancery.render.security.escape import json_for_script


def news_article(
    post: Post,
    *,
    url: str,
    image_url: str | None,
    site_name: str,
    site_url: str,
    logo_url: str | None,
    sections: list[str],
) -> str:
    """The JSON-LD object as text, safe to put inside ``<script type="application/ld+json">``."""
    publisher: dict = {"@type": "GovernmentOrganization", "name": site_name, "url": site_url}
    if logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url}
    author = (
        {"@type": "Organization", "name": post.meta.author}
        if post.meta.author
        else {"@type": "GovernmentOrganization", "name": site_name}
    )
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.meta.summary,
        "datePublished": iso(post.date),
        "dateModified": iso(post.modified),
        "inLanguage": post.lang,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": author,
        "publisher": publisher,
        "articleSection": sections,
    }
    if image_url:
        data["image"] = [image_url]
    if post.meta.tags:
        data["keywords"] = ", ".join(post.meta.tags)
    # "</script>" or "<!--" inside a title must not end or disturb the script element.
    return json_for_script(data)
