"""Open Graph and Twitter card metadata for sharing a post (absolute URLs only)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.core import get_global

from chancery.content.model.languages import language
from chancery.features.news.dates import iso
from chancery.features.news.model import Post


@dataclass(frozen=True)
class Meta:
    """One ``<meta>`` element: ``attr`` is ``property`` (Open Graph) or ``name`` (Twitter)."""

    attr: str
    key: str
    content: str


@cache
def og_locale(lang: str) -> str:
    """Open Graph's ``ll_TT`` form, e.g. ``vi_VN``, ``ar_EG``, ``zh_CN``."""
    locale = Locale.parse(language(lang).babel_locale)
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language, locale.language)
        locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def social_meta(
    post: Post,
    *,
    url: str,
    image_url: str | None,
    site_name: str,
    image_size: tuple[int, int] | None = None,
    sections: list[str],
    other_languages: list[str],
) -> list[Meta]:
    """``og:*``, ``article:*`` and ``twitter:*`` entries for ``post``.

    ``image_url`` is the post's sharing card (the 1200×630 crop the image pipeline makes,
    see :mod:`chancery.render.images.pipeline`), ``image_size`` its width and height.
    """
    og = [
        ("og:type", "article"),
        ("og:title", post.title),
        ("og:description", post.meta.summary),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", og_locale(post.lang)),
        *(("og:locale:alternate", og_locale(code)) for code in other_languages),
    ]
    if image_url and post.meta.image:
        og.append(("og:image", image_url))
        if image_size:
            og += [("og:image:width", str(image_size[0])), ("og:image:height", str(image_size[1]))]
        og.append(("og:image:alt", post.meta.image.alt))
    og += [
        ("article:published_time", iso(post.date)),
        *((("article:modified_time", iso(post.modified)),) if post.meta.updated else ()),
        *(("article:section", name) for name in sections),
        *(("article:tag", tag) for tag in post.meta.tags),
    ]
    # Twitter reads og:title, og:description and og:image; it only needs the card type.
    twitter = [("twitter:card", "summary_large_image" if image_url else "summary")]
    if image_url and post.meta.image:
        twitter.append(("twitter:image:alt", post.meta.image.alt))
    return [Meta("property", k, v) for k, v in og] + [Meta("name", k, v) for k, v in twitter]
