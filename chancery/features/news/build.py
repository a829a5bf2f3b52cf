"""The news of one language site: files to publish, add or drop, and each page's view."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from functools import cached_property

from chancery.content.i18n.catalog import ui_strings
from chancery.content.loaders.frontmatter import read_markdown
from chancery.core.errors import ContentError
from chancery.core.urls import language_prefixes, relative_url
from chancery.features.news import NEWS_DIR
from chancery.features.news.feeds import ATOM_PATH, RSS_PATH, FeedInfo, atom, rss
from chancery.features.news.index import CATEGORY, INDEX, Listing, NewsIndex
from chancery.features.news.jsonld import news_article
from chancery.features.news.load import load_mission_news, mission_rules
from chancery.features.news.model import Post, is_post_path
from chancery.features.news.social import social_meta
from chancery.features.news.views import HomeView, ListingView, PostView, Views
from chancery.features.section import FeatureOptions, SectionInput

HOME = "index.md"
NEWS_INDEX = f"{NEWS_DIR}/index.md"
POST_TEMPLATE = "news/post.html"
LISTING_TEMPLATE = "news/index.html"
HOME_TEMPLATE = "news/home.html"


class NewsBuild:
    """News of one mission in one language at ``now``; raises :class:`ContentError` if invalid."""

    def __init__(self, build: SectionInput, now: datetime | None = None,
                 options: FeatureOptions | None = None):
        self.build = build
        self.lang = build.lang
        self.now = now = build.now if now is None else now
        self.options = options or build.options
        news = load_mission_news(build.pages, mission_rules(build.network, build.entry),
                                 reads=build.reads)
        news.raise_errors()
        settings = build.hq.news
        self.categories = tuple(c.id for c in settings.categories)
        self.category_names = {c.id: c.name.get(self.lang) for c in settings.categories}
        self.index = NewsIndex(news.posts, now, settings.page_size, self.categories)
        self.news = self.index[self.lang]
        self.prefixes = language_prefixes(build.mission.languages, build.default_language)
        self.views = Views(self.lang, build.site_url, self.category_names, build.pictures)
        self._ = ui_strings(self.lang).gettext

    def addresses(self) -> tuple[dict[str, dict[str, str]], frozenset[str]]:
        """Where each post and listing is in every language, and the pages kept out of the
        sitemap: posts that are not built now (drafts, future posts) are nowhere."""
        prefixes = self.prefixes
        found: dict[str, dict[str, str]] = {}
        unlisted = set()
        for path in self.build.pages.by_lang[self.lang]:
            if is_post_path(path) and path not in self.news.by_path:
                found[path] = {}
                unlisted.add(path)
        for post in self.news.published:
            versions = {**self.index.versions(post), self.lang: post}
            found[post.path] = {code: prefixes[code] + other.url
                                for code, other in versions.items()}
        for listing in self.news.listings():
            found[listing.src_uri] = {
                code: prefix + listing.url
                for code, prefix in prefixes.items()
                if listing.src_uri in self.index[code].by_src_uri
            }
        return found, frozenset(unlisted)

    # -- files ------------------------------------------------------------------------------

    def post_at(self, src_uri: str) -> Post | None:
        """The published post whose source is ``src_uri``."""
        return self.news.by_path.get(src_uri)

    def leaves_out(self, src_uri: str) -> bool:
        """A post that is not built now: a draft or dated in the future."""
        return is_post_path(src_uri) and src_uri not in self.news.by_path

    def listing_at(self, src_uri: str) -> Listing | None:
        return self.news.by_src_uri.get(src_uri)

    def generated_pages(self, exists: Callable[[str], bool]) -> list[tuple[str, str]]:
        """``(src_uri, Markdown)`` of every listing page that no editor wrote."""
        return [
            (listing.src_uri, _front_matter(self.listing_title(listing), LISTING_TEMPLATE))
            for listing in self.news.listings()
            if not exists(listing.src_uri)
        ]

    def feed_info(self) -> FeedInfo:
        site = self.build.site_name
        return FeedInfo(
            title=f"{site} – {self.news_title}",
            description=self._("Latest news from %(site)s") % {"site": site},
            lang=self.lang,
            site_url=self.build.site_url,
            author=site,
            categories=self.category_names,
        )

    def feeds(self) -> list[tuple[str, str]]:
        """``(path, XML)`` of the RSS and Atom feeds."""
        info, posts = self.feed_info(), self.news.latest(self.options.feed_posts)
        return [(RSS_PATH, rss(info, posts)), (ATOM_PATH, atom(info, posts))]

    # -- pages ------------------------------------------------------------------------------

    def template_for(self, src_uri: str) -> str | None:
        if src_uri in self.news.by_path:
            return POST_TEMPLATE
        if src_uri in self.news.by_src_uri:
            return LISTING_TEMPLATE
        if src_uri == HOME:
            return HOME_TEMPLATE
        return None

    @cached_property
    def news_title(self) -> str:
        """The title editors gave the news section (``news/index.md``), else "News"."""
        page = self.build.pages.by_lang[self.lang].get(NEWS_INDEX)
        if page is not None:
            try:
                title = (read_markdown(page.file).meta.data or {}).get("title")
            except ContentError:
                title = None
            if isinstance(title, str) and title.strip():
                return title
        return self._("News")

    def listing_title(self, listing: Listing) -> str:
        if listing.kind == INDEX:
            title = self.news_title
        elif listing.kind == CATEGORY:
            title = self.category_names.get(listing.key, listing.key)
        else:
            title = self._("News from %(year)s") % {"year": listing.key}
        if listing.number == 1:
            return title
        return self._("%(title)s – page %(number)s") % {"title": title, "number": listing.number}

    def head(self) -> dict[str, str]:
        """Feed autodiscovery for every page of this language (paths from the site's root)."""
        title = self.feed_info().title
        return {"rss": RSS_PATH, "atom": ATOM_PATH, "title": title}

    def view_for(self, src_uri: str) -> PostView | ListingView | HomeView | None:
        post = self.news.by_path.get(src_uri)
        if post is not None:
            return self.post_view(post)
        listing = self.news.by_src_uri.get(src_uri)
        if listing is not None:
            return self.views.listing(
                listing, list(self.categories), self.news.years, (RSS_PATH, ATOM_PATH)
            )
        if src_uri == HOME:
            return self.views.home(self.news.latest(self.options.home_posts))
        return None

    def post_view(self, post: Post) -> PostView:
        views, here = self.views, post.url
        url = self.build.site_url + post.url
        image = views.image(post, here, cover=True)
        versions = self.index.versions(post)
        sections = [self.category_names.get(c, c) for c in dict.fromkeys(post.meta.categories)]
        older, newer = self.news.neighbours(post)
        expires = post.meta.expires
        logo = self.options.logo
        return PostView(
            title=post.title,
            when=views.when(post.date),
            updated=views.when(post.meta.updated) if post.meta.updated else None,
            author=post.meta.author,
            categories=views.categories(post, here),
            tags=list(post.meta.tags),
            image=image,
            versions=views.versions(post, versions, self.prefixes, self.prefixes[self.lang]),
            previous=views.neighbour(older, here),
            next=views.neighbour(newer, here),
            expired=views.when(expires) if expires and expires <= self.now else None,
            all_news=relative_url(here, f"{NEWS_DIR}/"),
            meta=social_meta(
                post,
                url=url,
                image_url=image.url if image else None,
                image_size=image.card if image else None,
                site_name=self.build.site_name,
                sections=sections,
                other_languages=list(versions),
            ),
            jsonld=news_article(
                post,
                url=url,
                image_url=image.url if image else None,
                site_name=self.build.site_name,
                site_url=self.build.site_url,
                logo_url=self.build.site_url + logo.lstrip("/") if logo else None,
                sections=sections,
            ),
        )


def _front_matter(title: str, template: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ntemplate: {template}\n---\n"
