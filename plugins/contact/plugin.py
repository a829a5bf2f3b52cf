"""MkDocs adapter: the contact page's facts, hours and closures, and its schema.org data."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from chancery.core.clock import now
from chancery.core.urls import page_url
from chancery.features.contact.jsonld import script_tag
from chancery.features.contact.page import contact_content, contact_page
from chancery.features.contact.views import PAGE
from chancery_plugins.blocks import Blocks, DataPages, add_to_toc, reported, site_build
from chancery_plugins.contact.config import ContactConfig


class ContactPlugin(BasePlugin[ContactConfig]):
    """Append the mission's contact data to ``contact/index.md`` (made if missing)."""

    def __init__(self) -> None:
        self.pages = DataPages()
        self.block = ""
        self.jsonld = ""

    @event_priority(89)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.block, self.jsonld = "", ""
        self.pages.reset()
        if not self.config.enabled:
            return config
        build = site_build(config)
        url = build.mission.site_url + build.prefix + page_url(PAGE)
        with reported(config):
            view, data = contact_content(build.network, build.entry, build.lang, url, now())
        self.block = Blocks(config, build.lang).render("blocks/contact.html", contact=view)
        self.jsonld = script_tag(data)
        if self.pages.add(build, contact_page(build.mission.languages)):
            self.pages.refresh_nav(config, build)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.pages.add_files(files, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files
                        ) -> str:
        if not self.block or page.file.src_uri != PAGE:
            return html
        add_to_toc(page, self.block)
        return html + self.block

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.jsonld or page.file.src_uri != PAGE:
            return output
        head, found, rest = output.partition("</head>")
        return head + self.jsonld + "\n" + found + rest if found else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.pages.cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self.pages.cleanup()
