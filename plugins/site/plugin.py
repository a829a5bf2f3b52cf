"""MkDocs adapter: translates one language site into MkDocs' files, navigation and context.

Every decision is made by :class:`chancery.site.language.LanguageSite`, which the engine
(``chancery_plugins.engine``) assembles and hands this plugin before the build; the hooks
copy its answers into MkDocs, in the order written here (no hook priorities).
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from chancery.content.i18n.catalog import ui_strings
from chancery.features.crisis.layout import emergency_html
from chancery.features.section import FeatureOptions
from chancery.render.markdown.raw_links import rewrite_page_links
from chancery.render.security.deploy import write_site_headers
from chancery.render.security.sanitize import enforce
from chancery.render.whitespace import compact_html
from chancery.site.assemble import SEARCH_PAGE, search_page
from chancery.site.language import LanguageSite
from chancery.site.lite import LITE_DIR
from chancery.site.navigation import NavItem
from chancery_plugins.site.blocks import Blocks
from chancery_plugins.site.bytecode import template_cache
from chancery_plugins.site.config import SiteConfig
from chancery_plugins.site.context import template_context
from chancery_plugins.site.escaping import autoescaped, mark_page_html
from chancery_plugins.site.files import add_section_files, drop_theme_files
from chancery_plugins.site.images import publish_images
from chancery_plugins.site.lite import write_lite
from chancery_plugins.site.markdown_reuse import SharedMarkdown
from chancery_plugins.site.navcache import cache_navigation
from chancery_plugins.site.partial import mark_unchanged, read_titles
from chancery_plugins.site.sitemaps import write_sitemaps
from chancery_plugins.site.strings import install as install_material_strings
from chancery_plugins.site.theme_files import without_hidden_folders

BIDI_EXTENSION = "chancery.render.markdown.bidi"  # isolates Latin-script names in RTL text
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


def feature_options(config: MkDocsConfig) -> FeatureOptions:
    """HQ's settings of the sections, as written in the site configuration."""
    options = config.plugins["chancery/site"].config
    return FeatureOptions(options.home_posts, options.feed_posts, config.theme["logo"],
                          frozenset(options.sections))


class SitePlugin(BasePlugin[SiteConfig]):
    """Build the language site handed over in :attr:`site`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: LanguageSite | None = None  # set by the engine before every build
        self.pages_written = 0
        self.font_families: list[str] = []
        self.markdown: SharedMarkdown | None = None
        self.blocks: Blocks | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site = self.site
        if site is None:
            raise PluginError("chancery/site builds what build.py assembles: run "
                              "'python3 build.py build --mission ID' (or serve)")
        # State is per build: `serve` reuses this object for every rebuild.
        self.pages_written = 0
        self.markdown = None  # made at the first page, with the extensions of this build
        config.docs_dir = str(site.docs_dir)
        config.site_name = site.site_name
        if not site.request.serving:
            config.site_url = site.site_url
        config.theme["language"] = site.lang
        config.theme.get_env = autoescaped(  # type: ignore[method-assign]
            without_hidden_folders(config.theme.get_env))
        if site.language.is_rtl and BIDI_EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(BIDI_EXTENSION)
        config.nav = mkdocs_nav(site.navigation())
        config.watch.extend(str(p) for p in site.watched_paths())
        config.extra["chancery"] = True
        self.blocks = Blocks(config.theme.dirs, site.lang)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        site = self.site
        self.font_families = drop_theme_files(site, files, config)
        for path, source in site.extra_files():
            if files.get_file_from_path(path) is not None:
                continue
            src_dir = str(source)[: -len(path)].rstrip("/")
            files.append(File(path, src_dir, config.site_dir, config.use_directory_urls))
        publish_images(files, config, site.pictures, Path(site.request.content_dir))
        search = search_page(site)
        if search is not None and files.get_file_from_path(SEARCH_PAGE) is None:
            files.append(File.generated(config, SEARCH_PAGE, content=search))
        for section in site.sections:
            add_section_files(section, files, config)
        for path, file in site.generated.items():  # pages made from data
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=str(file)))
        if site.request.only is not None:  # last: once every file is in the list
            mark_unchanged(files, site.request.only)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.site.request.only is not None:
            read_titles(nav, self.site.request.only, config)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        site = self.site
        env.bytecode_cache = template_cache(site.request.template_cache)
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(ui_strings(site.lang), newstyle=True)
        env.globals["chancery"] = template_context(site, None)
        env.globals.update(site.template_globals)
        env.globals["chancery_lite_url"] = site.site_url + LITE_DIR + "/"
        install_material_strings(env, site.lang, site.language.direction)
        cache_navigation(env)
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.markdown is None or self.markdown.links.files is not files:
            self.markdown = SharedMarkdown(config, files)
        self.markdown.attach(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        path = page.file.src_uri
        for section in self.site.sections:
            template = section.templates.get(path)
            if template:
                page.meta.setdefault("template", template)
            for key, value in section.meta.get(path, {}).items():
                page.meta.setdefault(key, value)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        html = self._sanitised(html, page)  # the editor's HTML, before HQ's pictures
        # A news post's cover picture comes first: then every picture of the text is lazy.
        html = self.site.pictures.rewrite(html, page.url, page.file.src_uri,
                                          eager_first=not page.meta.get("image"))
        blocks = self.site.blocks(page.file.src_uri)  # HQ's HTML, after the sanitiser
        return self.blocks.around(html, page, blocks) if blocks else html

    def _sanitised(self, html: str, page: Page) -> str:
        """The page's Markdown HTML held to HQ's allow-list (chancery.render.security.sanitize):
        anything outside it fails the build at file:line, and is removed in any case."""
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        html = enforce(html, self.site.hq.html, source, page.markdown or "")
        # raw-HTML links to pages, rewritten as MkDocs rewrites the Markdown ones
        return rewrite_page_links(html, self.markdown.links.path_to_url)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        site, path = self.site, page.file.src_uri
        for section in site.sections:
            view = section.views(path) if section.views else None
            if view is not None:
                context["news"] = view
        mark_page_html(page)
        context["chancery"] = template_context(site, path)
        source = site.page(path)
        if source and source.fallback_from:
            # An untranslated copy: search engines should index the original instead.
            original = site.versions_of(source.path).get(source.fallback_from)
            if original is not None:
                page.canonical_url = site.mission.site_url + original
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.pages_written += 1
        output = compact_html(self._html_dir(output))
        for html in self.site.head(page.file.src_uri):  # e.g. the contact page's JSON-LD
            head, found, rest = output.partition("</head>")
            output = head + html + "\n" + found + rest if found else output
        return emergency_html(output) if self.site.emergency else output

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output
        output = compact_html(self._html_dir(output))
        return emergency_html(output) if self.site.emergency else output  # 404.html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = self.site
        write_sitemaps(site, Path(config.site_dir))
        if site.lang == site.default_language:
            target = site.mission.publish
            write_site_headers(Path(config.site_dir), site.mission.id,
                               target.method if target else None)
        write_lite(site, tuple(config.theme.dirs), Path(config.site_dir))

    def _html_dir(self, output: str) -> str:
        """Put ``dir`` on ``<html>`` too (Material only sets it on ``<body>``)."""
        direction = self.site.language.direction

        def add_dir(match: re.Match) -> str:
            attrs = match.group(1)
            return match.group(0) if "dir=" in attrs else f'<html{attrs} dir="{direction}">'

        return _HTML_TAG.sub(add_dir, output, count=1)
