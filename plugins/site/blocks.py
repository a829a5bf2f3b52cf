"""Theme blocks on pages: a section's ``blocks/*.html`` rendered in the site's language."""

from __future__ import annotations

import re

from jinja2 import Environment, FileSystemLoader
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from chancery.content.i18n.catalog import ui_strings
from chancery.features.section import Block

_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


class Blocks:
    """Renders ``blocks/*.html`` templates of the theme in one language (autoescaped)."""

    def __init__(self, theme_dirs: list[str], lang: str) -> None:
        self.env = Environment(
            loader=FileSystemLoader(theme_dirs),
            autoescape=True,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.install_gettext_translations(ui_strings(lang), newstyle=True)
        self.lang = lang

    def render(self, template: str, **context) -> str:
        """The template's HTML (a plain ``str``: adding it to the page must not escape it)."""
        return str(self.env.get_template(template).render(lang=self.lang, **context))

    def around(self, html: str, page: Page, blocks: list[Block]) -> str:
        """``html`` with ``blocks`` above and below it; their headings join the page's TOC."""
        before, after = [], []
        for block in blocks:
            rendered = self.render(block.template, **block.context)
            if block.in_toc:
                add_to_toc(page, rendered)
            (before if block.before else after).append(rendered)
        return "".join(before) + html + "".join(after)


def add_to_toc(page: Page, html: str) -> None:
    """List the ``<h2>`` headings of a rendered block in the page's table of contents."""
    for anchor, title in _H2.findall(html):
        page.toc.items.append(AnchorLink(_TAGS.sub("", title).strip(), anchor, 2))
