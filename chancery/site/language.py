"""One mission in one language, assembled once and then read: the language site.

:func:`chancery.site.assemble.assemble` makes it from a
:class:`~chancery.site.request.RenderRequest`; the MkDocs adapter (``chancery_plugins.site``)
only translates it into the engine's files, navigation and template context. Nothing
here imports MkDocs, and nothing changes it once it is assembled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.content.model.fields import tel_uri
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MEDIA_DIR, PAGES_DIR, MissionPages, PageSource
from chancery.core.errors import Problem
from chancery.core.urls import language_prefix, page_url, relative_url
from chancery.features.section import Block, MissionLanguage, Section, SectionInput
from chancery.render.images.site import Pictures
from chancery.site.navigation import NavItem, build_navigation
from chancery.site.request import RenderRequest


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


@dataclass(frozen=True)
class LanguageSite(MissionLanguage):
    """One mission, one language: the unit that one engine run builds."""

    request: RenderRequest
    facts: SectionInput  # what the features read (network, pages, clock, pictures)
    sections: tuple[Section, ...]
    # Source path -> {language: URL from the mission's root} of the page's language
    # versions (this language's included, unless its page is another language's copy).
    versions: Mapping[str, Mapping[str, str]]
    unlisted: frozenset[str]  # kept out of the sitemap (utility pages, unpublished posts)
    generated: Mapping[str, Path] = field(default_factory=dict)  # data-made pages, this language
    workdir: Path | None = None  # where the data-made pages are written (removed after)
    # What the checks of the mission's typed data found (warnings; errors too when serving)
    problems: tuple[Problem, ...] = ()

    @property
    def network(self) -> Network:
        return self.facts.network

    @property
    def entry(self) -> MissionEntry:
        return self.facts.entry

    @property
    def lang(self) -> str:
        return self.facts.lang

    @property
    def pages(self) -> MissionPages:
        return self.facts.pages

    @property
    def pictures(self) -> Pictures:
        return self.facts.pictures

    @property
    def docs_dir(self) -> Path:
        return self.entry.root / PAGES_DIR / self.lang

    # -- what the sections give -------------------------------------------------------------

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def blocks(self, path: str) -> list[Block]:
        """The theme blocks of the page at ``path``, in the sections' order."""
        return [block for s in self.sections for block in s.blocks.get(path, ())]

    def head(self, path: str) -> list[str]:
        return [s.head[path] for s in self.sections if path in s.head]

    @property
    def template_globals(self) -> dict[str, Any]:
        return {key: value for s in self.sections for key, value in s.globals.items()}

    @property
    def emergency(self) -> bool:
        """A crisis is in force: every page has the emergency layout."""
        return any(s.emergency for s in self.sections)

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
        """Whether this language's version of ``path`` lags behind the default language's."""
        if not path or self.lang == self.default_language:
            return False
        if self.request.outdated is not None:
            return path in self.request.outdated
        from chancery.content.freshness import hashes_through, is_outdated

        return is_outdated(self.pages, path, self.lang, hashes_through(self.facts.reads))

    def page(self, path: str | None) -> PageSource | None:
        return self.pages.by_lang[self.lang].get(path) if path else None

    def versions_of(self, path: str | None) -> dict[str, str]:
        """URLs (from the mission root) of the language versions of ``path``, this one included."""
        return dict(self.versions.get(path, {})) if path else {}

    def own_url(self, path: str | None) -> str:
        """This page's URL from the mission root."""
        urls = self.versions.get(path or "", {})
        if self.lang in urls:
            return urls[self.lang]
        return self.prefix + (page_url(path) if path else "")

    def alternates(self, path: str | None) -> list[Alternate]:
        """Switcher entries: the same page in each language, else that language's home page.

        A link to a home page instead of the page carries ``#chancery-untranslated``, which
        makes the home page say so (a CSS ``:target`` notice, no script needed).
        """
        here = self.own_url(path)
        versions = self.versions_of(path)
        result = []
        for code in self.mission.languages:
            lang = self.network.languages.get(code)
            home = language_prefix(code, self.default_language)
            exists = code in versions
            target = versions.get(code) or (here if code == self.lang else home)
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
        for path in sorted(self.versions):
            urls = self.versions[path]
            if self.lang not in urls or path in self.unlisted:
                continue  # untranslated copies and utility pages are not for search engines
            entries.append((base + urls[self.lang], {c: base + u for c, u in urls.items()}))
        return entries

    def link_to(self, from_path: str | None, to_path: str) -> str:
        """Relative link from the page at ``from_path`` to the page ``to_path`` (same language)."""
        return relative_url(self.own_url(from_path), self.prefix + page_url(to_path))

    def link_to_version(self, path: str | None, code: str) -> str | None:
        """Relative link to the ``code`` version of ``path``, if that version exists."""
        target = self.versions_of(path).get(code)
        return None if target is None else relative_url(self.own_url(path), target)

    def root_from(self, from_path: str | None) -> str:
        """Relative link from a page to the mission's root (e.g. for the shared search index)."""
        return relative_url(self.own_url(from_path), "")

    def hotlines(self) -> list[Hotline]:
        """The mission's hotline, then the ministry's citizen-protection hotline."""
        from chancery.content.i18n.catalog import ui_strings

        _ = ui_strings(self.lang).gettext
        ministry = self.hq.ministry.citizen_protection_hotline
        return [
            Hotline(_("Mission hotline"), self.mission.hotline, tel_uri(self.mission.hotline)),
            Hotline(_("Citizen protection hotline"), ministry, tel_uri(ministry)),
        ]
