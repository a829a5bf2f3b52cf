"""What a feature is given and what it gives back: the contract between the features and
the site assembly (chancery.site.assemble).

A feature reads content through a :class:`SectionInput` and returns a :class:`Section`:
pages to make from data, the addresses of its pages in every language, theme blocks to
put on pages, head elements and template values. It never writes into a shared object;
the assembly merges the sections, in order, into one frozen language site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from chancery.content.data.pages import GeneratedPage
from chancery.content.model.hq import HQ
from chancery.content.model.languages import Language
from chancery.content.model.mission import Mission
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MissionPages
from chancery.core.incremental.reads import ReadCache
from chancery.core.urls import language_prefix
from chancery.render.images.site import Pictures

T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """A theme template (``blocks/*.html``) rendered into a page, above or below its text."""

    template: str
    context: Mapping[str, Any]
    before: bool = False  # above the page's own text (else below it)
    in_toc: bool = True  # its <h2> headings join the page's table of contents


@dataclass(frozen=True)
class Section:
    """One feature's part of a language site."""

    name: str
    pages: tuple[GeneratedPage, ...] = ()  # made in every language that lacks them
    # Source path -> {language: URL from the mission's root} of pages whose addresses the
    # feature decides (news posts); ``{}`` means "published nowhere".
    addresses: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    unlisted: frozenset[str] = frozenset()  # kept out of the sitemap
    blocks: Mapping[str, tuple[Block, ...]] = field(default_factory=dict)  # by source path
    head: Mapping[str, str] = field(default_factory=dict)  # HTML for </head>, by source path
    globals: Mapping[str, Any] = field(default_factory=dict)  # values every template sees
    files: Mapping[str, str] = field(default_factory=dict)  # site path -> text, written as is
    # The theme's own files to leave out: a path, or a folder ending in "/".
    drops: tuple[str, ...] = ()
    emergency: bool = False  # every page switches to the emergency layout (a crisis)
    # Pages the feature publishes itself (news), as the engine needs them:
    documents: tuple[tuple[str, str], ...] = ()  # (source path, Markdown), kept out of the nav
    moves: Mapping[str, str] = field(default_factory=dict)  # source path -> its URL
    dropped: frozenset[str] = frozenset()  # source pages not published now (drafts...)
    templates: Mapping[str, str] = field(default_factory=dict)  # source path -> template
    meta: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # front matter defaults
    views: Callable[[str], Any] | None = None  # source path -> the ``news`` template value


@dataclass(frozen=True)
class FeatureOptions:
    """HQ's settings of the features, from the site configuration."""

    home_posts: int = 5  # latest posts on the home page
    feed_posts: int = 20  # posts in each feed
    logo: str | None = None  # the publisher's logo, a path in the site (for JSON-LD)
    enabled: frozenset[str] = frozenset({"news", "consular", "contact", "profile", "alerts",
                                         "crisis", "cms"})


class MissionLanguage:
    """What follows from one mission and one language (``network``, ``entry`` and ``lang``
    are the class's own): the mission, HQ, the language and where it lives in the site."""

    network: Network
    entry: MissionEntry
    lang: str

    @property
    def mission(self) -> Mission:
        return self.entry.mission

    @property
    def hq(self) -> HQ:
        return self.network.hq

    @property
    def language(self) -> Language:
        """The language as HQ declares it (CLDR's facts plus HQ's additions)."""
        return self.network.languages.get(self.lang)

    @property
    def default_language(self) -> str:
        return self.mission.default_language

    @property
    def prefix(self) -> str:
        """Where this language lives inside the mission's site: ``""`` or ``"fr/"``."""
        return language_prefix(self.lang, self.default_language)

    @property
    def site_url(self) -> str:
        return self.mission.site_url + self.prefix

    @property
    def site_name(self) -> str:
        return self.mission.display_name(self.lang)


@dataclass(eq=False)
class SectionInput(MissionLanguage):
    """The facts of one mission in one language that every feature reads.

    :meth:`once` keeps what a feature loaded (a data file, a schedule) for the others and
    for the text-only edition, so that each is loaded once per assembly.
    """

    network: Network
    entry: MissionEntry
    lang: str
    now: datetime
    pages: MissionPages
    pictures: Pictures
    options: FeatureOptions = field(default_factory=FeatureOptions)
    reads: ReadCache | None = None  # the work's read cache (front matter, hashes)
    _loaded: dict = field(default_factory=dict, repr=False)

    def once(self, load: Callable[..., T], *args: Any) -> T:
        """``load(*args)``, computed at its first call in this assembly."""
        key = (load, tuple(_identity(arg) for arg in args))
        if key not in self._loaded:
            self._loaded[key] = (load(*args), args)  # the arguments live as long as the key
        return self._loaded[key][0]

    def loaded(self) -> list[str]:
        """What :meth:`once` computed in this assembly, in order (one name per load)."""
        return [getattr(load, "__qualname__", repr(load)) for load, _ in self._loaded]


def _identity(value: Any) -> Any:
    """``value`` as a key: itself if hashable, else the object's identity (a network, an
    entry: the same objects throughout one assembly)."""
    try:
        hash(value)
    except TypeError:
        return ("object", id(value))
    return value
