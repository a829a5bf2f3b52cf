"""The news of a mission at one moment: per language, what is built, listed and paginated.

Everything here is computed once per build from :class:`~chancery.features.news.model.Post`
objects (front matter only), in time linear in the number of posts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from chancery.features.news import NEWS_DIR
from chancery.features.news.model import Post

INDEX, CATEGORY, YEAR = "index", "category", "year"


def paged_url(base: str, number: int) -> str:
    """``news/`` for page 1, ``news/page/2/`` for page 2."""
    return base if number == 1 else f"{base}page/{number}/"


@dataclass(frozen=True)
class Listing:
    """Page ``number`` of ``count`` of a list of posts: the news index, a category or a year."""

    kind: str  # INDEX, CATEGORY or YEAR
    key: str  # "" for the index, the category id, or the year
    number: int
    count: int
    posts: list[Post]
    base: str  # e.g. news/, news/category/culture/, news/2026/

    @property
    def url(self) -> str:
        return paged_url(self.base, self.number)

    @property
    def src_uri(self) -> str:
        """The page's path as a Markdown source, e.g. ``news/page/2/index.md``."""
        return self.url + "index.md"

    def url_of(self, number: int) -> str:
        return paged_url(self.base, number)


def _sort_key(post: Post) -> tuple[float, str]:
    return (-post.date.timestamp(), post.path)


def category_base(category: str) -> str:
    return f"{NEWS_DIR}/category/{category}/"


def year_base(year: int | str) -> str:
    return f"{NEWS_DIR}/{year}/"


class LanguageNews:
    """One language's posts at ``now``: built (published), listed (not expired), paged."""

    def __init__(
        self, posts: list[Post], now: datetime, page_size: int, categories: tuple[str, ...]
    ):
        self.page_size = page_size
        self.published = sorted((p for p in posts if p.is_published(now)), key=_sort_key)
        self.listed = [p for p in self.published if p.is_listed(now)]
        self._keys = [_sort_key(p) for p in self.listed]
        self.by_path = {p.path: p for p in self.published}
        self.by_category: dict[str, list[Post]] = {c: [] for c in categories}
        self.by_year: dict[int, list[Post]] = {}
        for post in self.listed:
            for category in dict.fromkeys(post.meta.categories):
                self.by_category.setdefault(category, []).append(post)
            self.by_year.setdefault(post.year, []).append(post)

    @property
    def years(self) -> list[int]:
        """Years with listed posts, newest first."""
        return sorted(self.by_year, reverse=True)

    def latest(self, count: int) -> list[Post]:
        return self.listed[:count]

    def _paged(self, kind: str, key: str, base: str, posts: list[Post]) -> Iterator[Listing]:
        size = self.page_size
        count = max(1, -(-len(posts) // size))
        for number in range(1, count + 1):
            chunk = posts[(number - 1) * size : number * size]
            yield Listing(kind, key, number, count, chunk, base)

    def listings(self) -> Iterator[Listing]:
        """Every listing page: the index, every HQ category (even empty), every year."""
        yield from self._paged(INDEX, "", f"{NEWS_DIR}/", self.listed)
        for category, posts in self.by_category.items():
            yield from self._paged(CATEGORY, category, category_base(category), posts)
        for year in self.years:
            yield from self._paged(YEAR, str(year), year_base(year), self.by_year[year])

    @cached_property
    def by_src_uri(self) -> dict[str, Listing]:
        return {listing.src_uri: listing for listing in self.listings()}

    def neighbours(self, post: Post) -> tuple[Post | None, Post | None]:
        """The listed posts just before (older) and after (newer) ``post`` in time."""
        key = _sort_key(post)
        i = bisect_left(self._keys, key)
        found = i < len(self._keys) and self._keys[i] == key
        newer = self.listed[i - 1] if i > 0 else None
        after = i + 1 if found else i
        older = self.listed[after] if after < len(self.listed) else None
        return older, newer


class NewsIndex:
    """A mission's news in every language at ``now``, with the links between language versions."""

    def __init__(
        self,
        posts: dict[str, list[Post]],
        now: datetime,
        page_size: int,
        categories: tuple[str, ...],
    ):
        self.now = now
        self.languages = {
            lang: LanguageNews(found, now, page_size, categories) for lang, found in posts.items()
        }
        self._versions: dict[str, dict[str, Post]] = {}
        for lang, news in self.languages.items():
            for post in news.published:
                self._versions.setdefault(post.key, {})[lang] = post

    def __getitem__(self, lang: str) -> LanguageNews:
        return self.languages[lang]

    def versions(self, post: Post) -> dict[str, Post]:
        """The published versions of ``post`` in the mission's other languages."""
        return {
            lang: other
            for lang, other in self._versions.get(post.key, {}).items()
            if lang != post.lang
        }
