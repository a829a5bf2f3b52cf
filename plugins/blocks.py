"""Shared by the data plugins: render theme templates, add data-made pages to a build.

``Blocks`` renders a template of ``themes/chancery/blocks/`` into HTML with the
build's language (autoescaped). ``DataPages`` makes pages from data where the mission
has no Markdown page: it writes their front matter to a temporary folder, registers
them with the core (navigation, language switcher, hreflang, sitemap) and with MkDocs.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from chancery.content.data.pages import GeneratedPage
from chancery.content.i18n.catalog import translations
from chancery.content.pages import PageSource
from chancery.core.errors import ContentError
from chancery.core.urls import language_urls
from chancery.site.language import LanguageBuild
from chancery_plugins.site.plugin import mkdocs_nav

_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def site_build(config: MkDocsConfig) -> LanguageBuild:
    """The mission and language being built, loaded by the ``chancery/site`` plugin."""
    return config.plugins["chancery/site"].build


@contextmanager
def reported(config: MkDocsConfig) -> Iterator[None]:
    """Let invalid data fail the build; in ``serve``, show it as a plugin error instead."""
    try:
        yield
    except ContentError as exc:
        if config.plugins["chancery/site"].serving:
            raise PluginError(str(exc)) from None
        raise


class Blocks:
    """Renders ``blocks/*.html`` templates of the theme in one language."""

    def __init__(self, config: MkDocsConfig, lang: str) -> None:
        self.env = Environment(
            loader=FileSystemLoader(config.theme.dirs),
            autoescape=True,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.install_gettext_translations(translations(lang), newstyle=True)
        self.lang = lang

    def render(self, template: str, **context) -> str:
        """The template's HTML (a plain ``str``: adding it to the page must not escape it)."""
        return str(self.env.get_template(template).render(lang=self.lang, **context))


def add_to_toc(page: Page, html: str) -> None:
    """List the ``<h2>`` headings of a rendered block in the page's table of contents."""
    for anchor, title in _H2.findall(html):
        page.toc.items.append(AnchorLink(_TAGS.sub("", title).strip(), anchor, 2))


def _real(build: LanguageBuild, code: str, path: str) -> bool:
    """The page exists in ``code`` in its own right (not as another language's copy)."""
    source = build.pages.by_lang[code].get(path)
    return source is not None and getattr(source, "fallback_from", None) is None


class DataPages:
    """Pages made from data, for one build (reset on every build: ``serve`` reuses plugins)."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.files: dict[str, Path] = {}

    def reset(self) -> None:
        self.cleanup()
        self.folder = Path(tempfile.mkdtemp(prefix="chancery-pages-"))
        self.files = {}

    def cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder, self.files = None, {}

    def add(self, build: LanguageBuild, page: GeneratedPage) -> bool:
        """Make ``page`` in every language that lacks it; ``True`` if any was made."""
        made = False
        for code in build.mission.languages:
            existing = build.pages.by_lang[code].get(page.path)
            if existing is not None and existing.origin != "generated":
                continue
            file = self.folder / code / page.path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(page.markdown(code), encoding="utf-8")
            build.pages.by_lang[code][page.path] = PageSource(page.path, code, file, "generated")
            if code == build.lang:
                self.files[page.path] = file
            made = True
        if made:
            build.set_translations(page.path, language_urls(
                page.path, [code for code in build.mission.languages
                            if _real(build, code, page.path)], build.default_language))
        return made

    def refresh_nav(self, config: MkDocsConfig, build: LanguageBuild) -> None:
        """Rebuild the navigation so that the new pages appear in HQ's order."""
        config.nav = mkdocs_nav(build.navigation())

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, file in self.files.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=str(file)))
        return files
