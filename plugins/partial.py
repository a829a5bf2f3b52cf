"""Render only some pages of a build; the caller takes every other file from the last build.

Used when only the text of a few pages changed since the last build (their front matter,
the other pages, settings, data, media, theme and code did not; see
``chancery.pipeline.plan``): everything else the build would write is the same as before.
MkDocs' "dirty" mode skips what ``File.is_modified()`` says is unchanged; here that is
every file but the chosen pages. The pages of the navigation still read their front
matter, so that links to them (e.g. Material's previous/next) carry their titles.
"""

from __future__ import annotations

from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

NAME = "chancery/partial"
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' notice: expected here


def _answer(value: bool):  # noqa: ANN202 - a bound replacement for File.is_modified
    return lambda: value


class PartialPlugin(BasePlugin):
    """Mark every file but ``pages`` (source paths) as already built."""

    def __init__(self, pages: Collection[str]) -> None:
        self.pages = set(pages)

    @event_priority(-100)  # after every plugin has added its files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            chosen = file.src_uri in self.pages and file.is_documentation_page()
            file.is_modified = _answer(chosen)  # type: ignore[method-assign]
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for page in nav.pages:
            if page.file.src_uri not in self.pages and page.markdown is None:
                page.read_source(config)  # its title, for the pages that link to it
        return nav


def render_only(config: MkDocsConfig, pages: Collection[str]) -> None:
    """Make the build of ``config`` (run with ``dirty=True``) render only ``pages``."""
    config.plugins[NAME] = PartialPlugin(pages)
