"""MkDocs adapter: points a build at one mission and one language.

All decisions are made by :class:`chancery.site.language.LanguageBuild`; the hooks
only copy its answers into MkDocs' configuration, files and templates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from chancery.content.i18n.catalog import translations
from chancery.content.i18n.fallback import localized
from chancery.core.errors import ContentError
from chancery.core.urls import language_urls
from chancery.render.fonts import FONTS_CSS, font_families, mission_font_css, preferred_fonts
from chancery.render.images.site import Pictures
from chancery.render.markdown.raw_links import rewrite_page_links
from chancery.render.security.deploy import write_site_headers
from chancery.render.security.headers import page_policy
from chancery.render.security.sanitize import enforce
from chancery.render.whitespace import compact_html
from chancery.site.language import LanguageBuild
from chancery.site.navigation import NavItem
from chancery_plugins.site.bytecode import CACHE as TEMPLATE_CACHE
from chancery_plugins.site.config import SiteConfig
from chancery_plugins.site.escaping import autoescaped, mark_page_html
from chancery_plugins.site.images import publish_images
from chancery_plugins.site.markdown_reuse import SharedMarkdown
from chancery_plugins.site.navcache import cache_navigation
from chancery_plugins.site.sitemaps import write_sitemaps
from chancery_plugins.site.strings import install as install_material_strings
from chancery_plugins.site.theme_files import without_hidden_folders

BIDI_EXTENSION = "chancery.render.markdown.bidi"  # isolates Latin-script names in RTL text
SEARCH_PAGE = "search.md"  # one search page per language, served by Pagefind's index
MATERIAL_DIR = Path(material.__file__).resolve().parent
MATERIAL_SCRIPTS = "assets/javascripts/"  # Material's bundle, search worker and lunr
_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def mkdocs_nav(items: list[NavItem]) -> list:
    """Chancery's navigation tree in MkDocs' ``nav`` format (index page first in a section)."""
    nav: list = []
    for item in items:
        if item.children:
            entries = ([item.path] if item.path else []) + mkdocs_nav(item.children)
            nav.append({item.title: entries})
        else:
            nav.append({item.title: item.path})
    return nav


class SitePlugin(BasePlugin[SiteConfig]):
    """Configure the build for ``mission`` in ``language`` from ``content_dir``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.build: LanguageBuild | None = None
        self.pages_written = 0
        self.font_families: list[str] = []
        self.markdown: SharedMarkdown | None = None
        self.known_outdated: frozenset[str] | None = None  # set by the engine, if known

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.mission:
            raise PluginError("no mission chosen: run 'python3 build.py build --mission ID' "
                              "or set CHANCERY_MISSION")
        # State is per build: `serve` reuses this object for every rebuild.
        self.pages_written = 0
        self.markdown = None  # made at the first page, with the extensions of this build
        try:
            build = LanguageBuild.load(Path(self.config.content_dir), self.config.mission,
                                       self.config.language)
        except ContentError as exc:
            if not self.serving:
                raise  # build.py reports the problems itself
            raise PluginError("\n".join(str(p) for p in exc.problems)) from None
        build.known_outdated = self.known_outdated
        build.pictures = Pictures()  # media images: made in on_files, shown by pages
        self.build = build
        config.docs_dir = str(build.docs_dir)
        config.site_name = build.site_name
        if not self.serving:
            config.site_url = build.site_url
        config.theme["language"] = build.lang
        config.theme.get_env = autoescaped(  # type: ignore[method-assign]
            without_hidden_folders(config.theme.get_env))
        if build.language.is_rtl and BIDI_EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(BIDI_EXTENSION)
        config.nav = mkdocs_nav(build.navigation())
        config.watch.extend(str(p) for p in build.watched_paths())
        config.extra["chancery"] = True
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._drop_unused_theme_files(files, config)
        for path, source in self.build.extra_files():
            if files.get_file_from_path(path) is not None:
                continue
            src_dir = str(source)[: -len(path)].rstrip("/")
            files.append(File(path, src_dir, config.site_dir, config.use_directory_urls))
        publish_images(files, config, self.build.pictures, Path(self.config.content_dir))
        if files.get_file_from_path(SEARCH_PAGE) is None:
            title = translations(self.build.lang).gettext("Search")
            content = f"---\ntitle: {json.dumps(title)}\ntemplate: search.html\n---\n"
            files.append(File.generated(config, SEARCH_PAGE, content=content))
            build = self.build
            build.set_translations(SEARCH_PAGE, language_urls(
                SEARCH_PAGE, build.mission.languages, build.default_language), listed=False)
        return files

    def _drop_unused_theme_files(self, files: Files, config: MkDocsConfig) -> None:
        """Keep only the font families the mission's languages need (CJK fonts are large),
        and none of Material's scripts: pages load no Material JavaScript (main.html)."""
        theme, languages = Path(config.theme.custom_dir), self.build.mission.languages
        preferred = preferred_fonts(self.build.network.languages, languages)
        self.font_families = font_families(theme / "fonts.yml", languages, preferred)
        files.append(File.generated(config, FONTS_CSS,  # faces and stacks: chancery/render/fonts.py
                                    content=mission_font_css(theme, languages, preferred)))
        for file in list(files):
            if file.src_uri == "fonts.yml":  # the theme's own settings, not for readers
                files.remove(file)
                continue
            if file.src_uri.startswith(MATERIAL_SCRIPTS) and file.abs_src_path \
                    and Path(file.abs_src_path).is_relative_to(MATERIAL_DIR):
                files.remove(file)
                continue
            parts = file.src_uri.split("/")
            if parts[:2] == ["assets", "fonts"] and len(parts) > 3 \
                    and (parts[2] not in self.font_families or parts[3] == "faces.css"):
                files.remove(file)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = TEMPLATE_CACHE
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations(self.build.lang), newstyle=True)
        env.globals["chancery"] = self._context(None)
        install_material_strings(env, self.build.lang, self.build.language.direction)
        cache_navigation(env)
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.markdown is None or self.markdown.links.files is not files:
            self.markdown = SharedMarkdown(config, files)
        self.markdown.attach(page)
        return page

    @event_priority(100)  # first: before the plugins add HQ's own HTML (data blocks...)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        html = self._sanitised(html, page)  # the editor's HTML, before HQ's pictures
        # A news post's cover picture comes first: then every picture of the text is lazy.
        return self.build.pictures.rewrite(html, page.url, page.file.src_uri,
                                           eager_first=not page.meta.get("image"))

    def _sanitised(self, html: str, page: Page) -> str:
        """The page's Markdown HTML held to HQ's allow-list (chancery.render.security.sanitize):
        anything outside it fails the build at file:line, and is removed in any case."""
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        try:
            html = enforce(html, self.build.hq.html, source, page.markdown or "")
        except ContentError as exc:
            if self.serving:
                raise PluginError(str(exc)) from None
            raise
        # raw-HTML links to pages, rewritten as MkDocs rewrites the Markdown ones
        return rewrite_page_links(html, self.markdown.links.path_to_url)

    @event_priority(-100)  # last: page.content is final once marked as HTML
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        mark_page_html(page)
        context["chancery"] = self._context(page.file.src_uri)
        source = self.build.page(page.file.src_uri)
        if source and source.fallback_from:
            # An untranslated copy: search engines should index the original instead.
            original = self.build.translations_of(source.path).get(source.fallback_from)
            if original is not None:
                page.canonical_url = self.build.mission.site_url + original
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_sitemaps(self.build, Path(config.site_dir))
        if self.build.lang == self.build.default_language:
            target = self.build.mission.publish
            write_site_headers(Path(config.site_dir), self.build.mission.id,
                               target.method if target else None)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.pages_written += 1
        return compact_html(self._html_dir(output))

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output
        return compact_html(self._html_dir(output))

    def _html_dir(self, output: str) -> str:
        """Put ``dir`` on ``<html>`` too (Material only sets it on ``<body>``)."""
        direction = self.build.language.direction

        def add_dir(match: re.Match) -> str:
            attrs = match.group(1)
            return match.group(0) if "dir=" in attrs else f'<html{attrs} dir="{direction}">'

        return _HTML_TAG.sub(add_dir, output, count=1)

    def _context(self, path: str | None) -> dict:
        build = self.build
        mission, hq, lang = build.mission, build.hq, build.lang
        return {
            "lang": build.language,
            "mission": mission,
            "mission_name": mission.name.get(lang),
            "site_name": build.site_name,
            "ministry_name": localized(hq.ministry.name, lang),
            "country_name": hq.ministry.country_name.get(lang),
            "ministry_url": hq.ministry.url,
            "ministry_links": [{"label": localized(link.label, lang), "url": link.url}
                               for link in hq.ministry.links],
            "hotlines": build.hotlines(),
            "alternates": build.alternates(path),
            "home": build.link_to(path, "index.md"),
            "accessibility": build.link_to(path, "accessibility.md"),
            "privacy": build.link_to(path, "privacy.md"),
            "search": build.link_to(path, SEARCH_PAGE),
            "root": build.root_from(path),
            "social": mission.social,
            "page_path": path,
            "is_home": path == "index.md",
            "csp": Markup(page_policy()),  # HQ's constant, without quotes or markup (tested)
            "font_css": [FONTS_CSS],
            "fallback": self._fallback(path),
            "outdated": build.is_outdated(path),
            "source_href": build.link_to_translation(path, build.default_language),
        }

    def _fallback(self, path: str | None) -> dict | None:
        source = self.build.page(path)
        if not source or not source.fallback_from:
            return None
        original = self.build.network.languages.get(source.fallback_from)
        return {"code": original.code, "name": original.native_name, "dir": original.direction}
