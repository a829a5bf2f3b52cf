"""One Markdown converter per build instead of one per page.

MkDocs' ``Page.render`` creates a ``markdown.Markdown`` object for every page: loading
the extensions again each time (pymdownx deep-copies its settings) is about a quarter
of the Markdown time of a news post. Python-Markdown is made to be reused: ``reset()``
clears what a document left behind (footnotes, abbreviations, the HTML stash, the table
of contents). :class:`SharedMarkdown` keeps one converter with MkDocs' own tree
processors (relative links, anchors, title) registered once, points them at each page
in turn and fills in the page exactly as ``Page.render`` does (MkDocs 1.6, pinned).
"""

from __future__ import annotations

import logging
from types import MethodType

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

_MKDOCS_LOG = logging.getLogger("mkdocs.structure.pages")


class SharedMarkdown:
    """A converter for every page of one build (``files`` as MkDocs passes them)."""

    def __init__(self, config: MkDocsConfig, files: Files) -> None:
        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(self.md)
        self.anchors = _ExtractAnchorsTreeprocessor(None, files, config)  # type: ignore[arg-type]
        self.anchors._register(self.md)
        self.links = _RelativePathTreeprocessor(None, files, config)  # type: ignore[arg-type]
        self.links._register(self.md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def render(self, page: Page) -> None:
        """What ``page.render(config, files)`` does, with this converter."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md
        md.reset()
        self.raw_html.present_anchor_ids = set()
        self.anchors.present_anchor_ids = set()
        self.links.file, self.links.links_to_anchors = page.file, {}
        self.title.title = None
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids
        if _MKDOCS_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = self.links.links_to_anchors

    def attach(self, page: Page) -> None:
        """Make ``page.render(config, files)`` use this converter."""
        shared = self

        def render(self: Page, config: MkDocsConfig, files: Files) -> None:  # noqa: ARG001
            shared.render(self)

        page.render = MethodType(render, page)  # type: ignore[method-assign]
