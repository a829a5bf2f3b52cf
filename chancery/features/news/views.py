"""What the news templates show, with links relative to the page that shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from markupsafe import Markup

from chancery.content.model.languages import language
from chancery.core.urls import relative_url
from chancery.features.news.dates import iso, long_date
from chancery.features.news.index import CATEGORY, YEAR, Listing, category_base, year_base
from chancery.features.news.model import Post
from chancery.features.news.social import Meta

if TYPE_CHECKING:
    from chancery.render.images.site import Pictures


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class Image:
    href: str  # relative to the page
    url: str  # absolute, for sharing (the 1200×630 card when the pipeline made one)
    alt: str
    picture: Markup | None = None  # the <picture> element, when the pipeline made one
    card: tuple[int, int] | None = None  # the sharing card's width and height


@dataclass(frozen=True)
class When:
    """A moment as machines (``datetime``) and readers (``text``) want it."""

    datetime: str
    text: str


@dataclass(frozen=True)
class Card:
    """A post in a listing: title, date, summary, categories and picture; never its body."""

    title: str
    href: str
    when: When
    summary: str
    categories: list[Link]
    image: Image | None


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    newer: str | None  # href of the previous page (newer posts)
    older: str | None
    pages: list[Link | None]  # None marks a gap


@dataclass(frozen=True)
class ListingView:
    kind: str
    cards: list[Card]
    pager: Pager | None
    categories: list[Link]
    years: list[Link]
    all_news: str
    rss: str
    atom: str


@dataclass(frozen=True)
class HomeView:
    cards: list[Card]
    all_news: str


@dataclass(frozen=True)
class Version:
    """The same post in another language."""

    code: str
    name: str
    direction: str
    href: str
    title: str


@dataclass(frozen=True)
class PostView:
    title: str
    when: When
    updated: When | None
    author: str | None
    categories: list[Link]
    tags: list[str]
    image: Image | None
    versions: list[Version]
    previous: Link | None  # the older post
    next: Link | None  # the newer post
    expired: When | None  # when the post left the listings, if it has
    all_news: str
    meta: list[Meta] = field(default_factory=list)
    jsonld: str = ""


class Views:
    """Builds the views of one language; dates are formatted once per post."""

    def __init__(self, lang: str, site_url: str, category_names: dict[str, str],
                 pictures: Pictures | None = None):
        self.lang = lang
        self.pictures = pictures
        self.site_url = site_url
        self.category_names = category_names
        self._dates: dict[datetime, When] = {}

    def when(self, moment: datetime) -> When:
        found = self._dates.get(moment)
        if found is None:
            found = self._dates[moment] = When(iso(moment), long_date(moment, self.lang))
        return found

    def image(self, post: Post, here: str, *, cover: bool = False) -> Image | None:
        """The post's picture as a listing card shows it, or as its own page's ``cover``."""
        image = post.meta.image
        if image is None:
            return None
        path = image.src.lstrip("/")
        found = self.pictures.renditions.get(path) if self.pictures else None
        if found is None:  # no pipeline (or a refused file, which fails the build)
            return Image(relative_url(here, path), self.site_url + path, image.alt)
        from chancery.render.images.markup import CARD_SIZES, CONTENT_SIZES

        sizes = CONTENT_SIZES if cover else CARD_SIZES
        attrs = None if cover else {"class": "chancery-card__image"}
        markup = self.pictures.picture(path, here, image.alt, lazy=not cover, sizes=sizes,
                                       attrs=attrs)
        fallback = found.of_kind(found.fallback)[0]
        return Image(relative_url(here, fallback.path), self.site_url + found.social.path,
                     image.alt, Markup(markup), (found.social.width, found.social.height))

    def categories(self, post: Post, here: str) -> list[Link]:
        return [
            Link(self.category_names.get(c, c), relative_url(here, category_base(c)))
            for c in dict.fromkeys(post.meta.categories)
        ]

    def card(self, post: Post, here: str) -> Card:
        return Card(
            post.title,
            relative_url(here, post.url),
            self.when(post.date),
            post.meta.summary,
            self.categories(post, here),
            self.image(post, here),
        )

    def pager(self, listing: Listing) -> Pager | None:
        number, count, here = listing.number, listing.count, listing.url
        if count == 1:
            return None
        shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
        pages: list[Link | None] = []
        for i, n in enumerate(shown):
            if i and n != shown[i - 1] + 1:
                pages.append(None)
            pages.append(Link(str(n), relative_url(here, listing.url_of(n)), n == number))
        return Pager(
            number,
            count,
            relative_url(here, listing.url_of(number - 1)) if number > 1 else None,
            relative_url(here, listing.url_of(number + 1)) if number < count else None,
            pages,
        )

    def listing(
        self, listing: Listing, categories: list[str], years: list[int], feeds: tuple[str, str]
    ) -> ListingView:
        here = listing.url
        current_category = listing.key if listing.kind == CATEGORY else None
        current_year = listing.key if listing.kind == YEAR else None
        return ListingView(
            listing.kind,
            [self.card(post, here) for post in listing.posts],
            self.pager(listing),
            [
                Link(
                    self.category_names.get(c, c),
                    relative_url(here, category_base(c)),
                    c == current_category,
                )
                for c in categories
            ],
            [Link(str(y), relative_url(here, year_base(y)), str(y) == current_year) for y in years],
            relative_url(here, "news/"),
            relative_url(here, feeds[0]),
            relative_url(here, feeds[1]),
        )

    def home(self, posts: list[Post]) -> HomeView:
        return HomeView([self.card(post, "") for post in posts], relative_url("", "news/"))

    def versions(
        self, post: Post, versions: dict[str, Post], prefixes: dict[str, str], own_prefix: str
    ) -> list[Version]:
        """Links to ``versions`` (language -> post), in the mission's language order."""
        here = own_prefix + post.url
        result = []
        for code, prefix in prefixes.items():
            other = versions.get(code)
            if other is None:
                continue
            lang = language(code)
            result.append(
                Version(
                    code,
                    lang.native_name,
                    lang.direction,
                    relative_url(here, prefix + other.url),
                    other.title,
                )
            )
        return result

    def neighbour(self, post: Post | None, here: str) -> Link | None:
        return Link(post.title, relative_url(here, post.url)) if post else None
