"""MkDocs adapter: the bilateral-relations page from ``relations.yml`` and the mission's text."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from chancery.features.profile.page import relations_content, relations_page
from chancery.features.profile.relations import PAGE
from chancery_plugins.blocks import Blocks, DataPages, add_to_toc, reported, site_build
from chancery_plugins.profile.config import ProfileConfig


class ProfilePlugin(BasePlugin[ProfileConfig]):
    """Key facts above the mission's text, agreements and visits below it."""

    def __init__(self) -> None:
        self.pages = DataPages()
        self.facts = ""
        self.history = ""

    @event_priority(88)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.facts, self.history = "", ""
        self.pages.reset()
        if not self.config.enabled:
            return config
        build = site_build(config)
        with reported(config):
            view = relations_content(build.network, build.entry, build.lang)
        if view is None:
            return config
        blocks = Blocks(config, build.lang)
        self.facts = blocks.render("blocks/relations-facts.html", relations=view)
        self.history = blocks.render("blocks/relations-history.html", relations=view)
        if self.pages.add(build, relations_page(build.mission.languages)):
            self.pages.refresh_nav(config, build)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.pages.add_files(files, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files
                        ) -> str:
        if not self.facts or page.file.src_uri != PAGE:
            return html
        add_to_toc(page, self.history)
        return self.facts + html + self.history

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.pages.cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self.pages.cleanup()
