"""Everything one build of one mission in one language needs, engine-independent.

The MkDocs adapter (``chancery_plugins.site``) asks this object for the docs
folder, the extra files to add (inherited HQ pages, media), the site URL and the
values the theme shows; nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from chancery.content.model.fields import tel_uri
from chancery.content.model.hq import HQ
from chancery.content.model.languages import Language
from chancery.content.model.mission import Mission
from chancery.content.model.network import MissionEntry, Network, load_one
from chancery.content.pages import MEDIA_DIR, PAGES_DIR, MissionPages, PageSource, collect_pages
from chancery.core.errors import ContentError, msg
from chancery.core.urls import language_prefix, language_urls, page_url, relative_url
from chancery.site.navigation import NavItem, build_navigation

if TYPE_CHECKING:
    from chancery.render.images.site import Pictures


@dataclass(frozen=True)
class Alternate:
    """One entry of the language switcher for the current page."""

    code: str
    name: str
    direction: str
    href: str  # relative to the current page
    url: str  # absolute
    exists: bool  # the same page exists in that language
    current: bool


@dataclass(frozen=True)
class Hotline:
    label: str
    number: str
    tel: str


@dataclass
class LanguageBuild:
    """One mission, one language: the unit that one engine run builds."""

    network: Network
    entry: MissionEntry
    lang: str
    _unlisted: set[str] = field(default_factory=set, repr=False)
    # The outdated translations of this language, when the planner already knows them
    # (``build.py`` works them out for its cache); otherwise each page is read to tell.
    known_outdated: frozenset[str] | None = None
    # The media images' renditions, set by the site adapter (see chancery.render.images.site).
    pictures: Pictures | None = field(default=None, repr=False)

    @classmethod
    def load(cls, content_dir: Path, mission_id: str, lang: str) -> LanguageBuild:
        """Load and validate what the build needs; raise :class:`ContentError` if invalid."""
        network = load_one(Path(content_dir), mission_id)
        entry = network.missions[mission_id]
        if lang not in entry.mission.languages:
            from chancery.core.errors import Problem

            raise ContentError(
                [
                    Problem(
                        entry.source.file,
                        entry.source.line_of(("languages",)),
                        "languages",
                        msg("'{lang}' is not a language of this mission ({languages})",
                            lang=lang, languages=', '.join(entry.mission.languages)),
                    )
                ]
            )
        build = cls(network, entry, lang)
        if build.pages.problems:
            raise ContentError(build.pages.problems)
        return build

    @property
    def mission(self) -> Mission:
        return self.entry.mission

    @property
    def hq(self) -> HQ:
        return self.network.hq

    @property
    def language(self) -> Language:
        """This build's language as HQ declares it (CLDR's facts plus HQ's additions)."""
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

    @property
    def docs_dir(self) -> Path:
        return self.entry.root / PAGES_DIR / self.lang

    @cached_property
    def pages(self) -> MissionPages:
        return collect_pages(self.network, self.entry)

    def navigation(self) -> list[NavItem]:
        """The navigation tree of this language, in HQ's standard order."""
        return build_navigation(self.pages.by_lang[self.lang], self.hq.navigation)

    def extra_files(self) -> list[tuple[str, Path]]:
        """Files to add to the docs folder's own: HQ pages, untranslated fallbacks, media.

        Returned as ``(path in the site, file on disk)``; mission media win over HQ media.
        """
        files = [
            (page.path, page.file)
            for page in self.pages.by_lang[self.lang].values()
            if page.origin == "hq" or page.fallback_from
        ]
        media: dict[str, Path] = {}
        for root in (self.network.hq_dir / MEDIA_DIR, self.entry.root / MEDIA_DIR):
            if root.is_dir():
                for file in sorted(root.rglob("*")):
                    if file.is_file() and not file.name.startswith("."):
                        media[f"{MEDIA_DIR}/{file.relative_to(root).as_posix()}"] = file
        return files + sorted(media.items())

    def watched_paths(self) -> list[Path]:
        """Folders whose changes should rebuild a live preview."""
        return [p for p in (self.entry.root, self.network.hq_dir) if p.is_dir()]

    def is_outdated(self, path: str | None) -> bool:
        """Whether this language's version of ``path`` lags behind the Vietnamese source."""
        if not path or self.lang == self.default_language:
            return False
        if self.known_outdated is not None:
            return path in self.known_outdated
        from chancery.content.freshness import is_outdated

        return is_outdated(self.pages, path, self.lang)

    def page(self, path: str | None) -> PageSource | None:
        return self.pages.by_lang[self.lang].get(path) if path else None

    @cached_property
    def _translations(self) -> dict[str, dict[str, str]]:
        """For each page of this language: its real translations' URLs, from the mission root."""
        index: dict[str, dict[str, str]] = {}
        for path, page in self.pages.by_lang[self.lang].items():
            langs = self.pages.translations(path)
            index[path] = language_urls(
                path, [code for code in self.mission.languages if code in langs],
                self.default_language)
            if page.fallback_from:
                index[path].pop(self.lang, None)
        return index

    def set_translations(self, path: str, urls: dict[str, str], *, listed: bool = True) -> None:
        """Declare the translations of a page whose URLs a plugin decides (e.g. news posts).

        ``urls`` maps language codes to URLs from the mission's root, e.g. ``fr/news/x/``;
        ``listed=False`` keeps a utility page (search) out of the sitemap.
        """
        self._translations[path] = dict(urls)
        if not listed:
            self._unlisted.add(path)

    def translations_of(self, path: str | None) -> dict[str, str]:
        """URLs (from the mission root) of the real translations of ``path``, this one included."""
        return dict(self._translations.get(path, {})) if path else {}

    def own_url(self, path: str | None) -> str:
        """This page's URL from the mission root."""
        urls = self._translations.get(path or "", {})
        if self.lang in urls:
            return urls[self.lang]
        return self.prefix + (page_url(path) if path else "")

    def alternates(self, path: str | None) -> list[Alternate]:
        """Switcher entries: the same page in each language, else that language's home page.

        A link to a home page instead of the page carries ``#chancery-untranslated``, which
        makes the home page say so (a CSS ``:target`` notice, no script needed).
        """
        here = self.own_url(path)
        translations = self.translations_of(path)
        result = []
        for code in self.mission.languages:
            lang = self.network.languages.get(code)
            home = language_prefix(code, self.default_language)
            exists = code in translations
            target = translations.get(code) or (here if code == self.lang else home)
            href = relative_url(here, target)
            if not exists and code != self.lang:
                href += "#chancery-untranslated"
            result.append(
                Alternate(code, lang.native_name, lang.direction, href,
                          self.mission.site_url + target, exists, code == self.lang)
            )
        return result

    def sitemap(self) -> list[tuple[str, dict[str, str]]]:
        """``(absolute URL, {lang: absolute URL})`` for every real page of this language."""
        base = self.mission.site_url
        entries = []
        for path in sorted(self._translations):
            urls = self._translations[path]
            if self.lang not in urls or path in self._unlisted:
                continue  # untranslated copies and utility pages are not for search engines
            entries.append((base + urls[self.lang], {c: base + u for c, u in urls.items()}))
        return entries

    def link_to(self, from_path: str | None, to_path: str) -> str:
        """Relative link from the page at ``from_path`` to the page ``to_path`` (same language)."""
        return relative_url(self.own_url(from_path), self.prefix + page_url(to_path))

    def link_to_translation(self, path: str | None, code: str) -> str | None:
        """Relative link to the ``code`` version of ``path``, if that translation exists."""
        target = self.translations_of(path).get(code)
        return None if target is None else relative_url(self.own_url(path), target)

    def root_from(self, from_path: str | None) -> str:
        """Relative link from a page to the mission's root (e.g. for the shared search index)."""
        return relative_url(self.own_url(from_path), "")

    def hotlines(self) -> list[Hotline]:
        """The mission's hotline, then the ministry's citizen-protection hotline."""
        from chancery.content.i18n.catalog import translations

        _ = translations(self.lang).gettext
        ministry = self.hq.ministry.citizen_protection_hotline
        return [
            Hotline(_("Mission hotline"), self.mission.hotline, tel_uri(self.mission.hotline)),
            Hotline(_("Citizen protection hotline"), ministry, tel_uri(ministry)),
        ]
