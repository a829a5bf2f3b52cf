"""Render only some pages of a build; the caller takes every other file from the last build.

Used when only the text of a few pages changed since the last build (their front matter,
the other pages, settings, data, media, theme and code did not; see
``chancery.pipeline.plan``): everything else the build would write is the same as before.
MkDocs' "dirty" mode skips what ``File.is_modified()`` says is unchanged; here that is
every file but the chosen pages (the render request's ``only``). The pages of the
navigation still read their front matter, so that links to them (e.g. Material's
previous/next) carry their titles. The site plugin calls these last in its hooks.
"""

from __future__ import annotations

from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' notice: expected here


def _answer(value: bool):  # noqa: ANN202 - a bound replacement for File.is_modified
    return lambda: value


def mark_unchanged(files: Files, pages: Collection[str]) -> None:
    """Every file but the documentation pages ``pages`` counts as already built."""
    chosen_pages = set(pages)
    for file in files:
        chosen = file.src_uri in chosen_pages and file.is_documentation_page()
        file.is_modified = _answer(chosen)  # type: ignore[method-assign]


def read_titles(nav: Navigation, pages: Collection[str], config: MkDocsConfig) -> None:
    """Read the front matter of the navigation's pages that are not rendered."""
    chosen = set(pages)
    for page in nav.pages:
        if page.file.src_uri not in chosen and page.markdown is None:
            page.read_source(config)  # its title, for the pages that link to it
