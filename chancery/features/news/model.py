"""A post's front matter (the schema editors write) and the :class:`Post` the news index uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from chancery.content.model.fields import Slug, SourceHash, Strict, Text
from chancery.content.model.types import in_years
from chancery.features.news import NEWS_DIR
from chancery.features.news.dates import parse_zoned
from chancery.features.news.slugs import default_slug

ZonedDateTime = Annotated[datetime, BeforeValidator(parse_zoned), AfterValidator(in_years)]

# pages/<lang>/news/<YYYY>/<name>.md; index.md files there are intros, not posts.
_POST_PATH = re.compile(rf"{NEWS_DIR}/(\d{{4}})/(?!index\.md$)[^/]+\.md")


def is_post_path(path: str) -> bool:
    """Whether ``path`` (relative to a language folder) is where posts live."""
    return _POST_PATH.fullmatch(path) is not None


class PostImage(Strict):
    """The picture shown with a post in listings, on its page and on social networks."""

    src: Text = Field(description="a file in the mission's media/ folder, e.g. /media/news/x.jpg")
    alt: Text = Field(description="what the picture shows, for people who cannot see it")


class PostMeta(Strict):
    """Everything an editor may write between the ``---`` lines of a post."""

    title: Text
    date: ZonedDateTime
    updated: ZonedDateTime | None = None
    categories: list[Text] = Field(min_length=1)
    tags: list[Text] = Field(default_factory=list)
    summary: Text
    image: PostImage | None = None
    author: Text | None = None
    draft: bool = False
    expires: ZonedDateTime | None = None
    translation_key: Text | None = None
    slug: Slug | None = None
    source_hash: SourceHash | None = None  # written by `build.py translated`


@dataclass(frozen=True, slots=True)
class Post:
    """One valid post in one language, placed at its address ``news/<YYYY>/<slug>/``."""

    lang: str
    path: str  # relative to the language folder, e.g. news/2026/tet-community.md
    source: Path  # the Markdown file
    meta: PostMeta
    slug: str
    key: str  # links the versions of one post across languages
    year: int
    url: str  # relative to the language's root, e.g. news/2026/tet-2026-community/

    @classmethod
    def create(cls, lang: str, path: str, source: Path, meta: PostMeta) -> Post:
        slug = meta.slug or default_slug(meta.title, path)
        year = meta.date.year
        return cls(
            lang,
            path,
            source,
            meta,
            slug,
            meta.translation_key or path,
            year,
            f"{NEWS_DIR}/{year}/{slug}/",
        )

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def date(self) -> datetime:
        return self.meta.date

    @property
    def modified(self) -> datetime:
        """When the post last changed: ``updated`` if given, else ``date``."""
        return self.meta.updated or self.meta.date

    def is_published(self, now: datetime) -> bool:
        """Built: not a draft and not dated in the future."""
        return not self.meta.draft and self.meta.date <= now

    def is_listed(self, now: datetime) -> bool:
        """In listings and feeds: published and not expired."""
        expires = self.meta.expires
        return self.is_published(now) and (expires is None or now < expires)
