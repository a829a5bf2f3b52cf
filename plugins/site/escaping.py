"""Every template of the build escapes what it prints; HTML is marked as such, explicitly.

MkDocs makes its Jinja environment without autoescape, so Material's templates print
``config.site_name``, ``page.title`` and ``page.meta.description`` as they are: a
mission's name or a page title could end ``<title>`` or an attribute. Here the whole
environment (Material's templates and ours) escapes every value by default, and the few
values that are HTML on purpose are wrapped in :class:`markupsafe.Markup` just before the
page's templates run: the rendered page body (already held to HQ's allow-list) and the
titles of its table of contents (Python-Markdown gives them as escaped text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jinja2
from markupsafe import Markup
from mkdocs.structure.pages import Page


def autoescaped(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    """Wrap ``Theme.get_env`` so that its environment escapes every printed value."""
    def environment() -> jinja2.Environment:
        env = get_env()
        env.autoescape = True
        return env

    return environment


def _toc_titles_safe(items: Iterable) -> None:
    for item in items:
        if not isinstance(item.title, Markup):
            item.title = Markup(item.title)
        _toc_titles_safe(item.children)


def mark_page_html(page: Page) -> None:
    """Mark what is HTML on ``page`` (its body, its TOC titles) so templates print it as is."""
    if page.content is not None and not isinstance(page.content, Markup):
        page.content = Markup(page.content)
    _toc_titles_safe(page.toc.items)
    title = getattr(page, "_title_from_render", None)  # from the first <h1>: escaped text
    if title and not isinstance(title, Markup):
        page._title_from_render = Markup(title)
