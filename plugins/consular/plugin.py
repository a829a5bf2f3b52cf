"""MkDocs adapter: one page per consular service and the services index, from data.

The services (HQ's defaults with the mission's changes), their views and the
opening hours come from ``chancery.features.consular``; this adapter adds the pages and
renders the theme's ``blocks/consular-*.html`` into them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from chancery.core.clock import now
from chancery.features.consular.pages import consular_pages, mission_schedule, valid_catalog
from chancery.features.consular.schedule import ScheduleView
from chancery.features.consular.views import INDEX, ServiceView, service_path, service_view
from chancery.features.contact.views import address_lines
from chancery_plugins.blocks import Blocks, DataPages, add_to_toc, reported, site_build
from chancery_plugins.consular.config import ConsularConfig


class ConsularPlugin(BasePlugin[ConsularConfig]):
    """Render consular services from ``consular.yml`` and hours from ``hours.yml``."""

    def __init__(self) -> None:
        self.pages = DataPages()
        self.services: dict[str, ServiceView] = {}
        self.schedule: ScheduleView | None = None
        self.blocks: Blocks | None = None
        self.office: dict = {}

    @event_priority(90)  # right after chancery/site has loaded the mission
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.services, self.schedule, self.blocks = {}, None, None
        self.pages.reset()
        if not self.config.enabled:
            return config
        build = site_build(config)
        lang = build.lang
        with reported(config):
            catalog = valid_catalog(build.network, build.entry)
            self.schedule = mission_schedule(build.network, build.entry, now(), lang)
        self.services = {
            service_path(r.service.id): service_view(r.service, lang) for r in catalog.services
        }
        for page in consular_pages(catalog, build.mission.languages):
            self.pages.add(build, page)
        self.pages.refresh_nav(config, build)
        self.blocks = Blocks(config, lang)
        # Where to apply: on screen, and the one part of the site a printed page keeps.
        self.office = {"name": build.mission.name.get(lang),
                       "address": address_lines(build.mission.address, lang)}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.pages.add_files(files, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files
                        ) -> str:
        if self.blocks is None:
            return html
        path = page.file.src_uri
        if path == INDEX:
            block = self.blocks.render("blocks/consular-index.html",
                                       services=list(self.services.values()),
                                       schedule=self.schedule)
        elif path in self.services:
            block = self.blocks.render("blocks/consular-service.html",
                                       service=self.services[path], office=self.office)
        else:
            return html
        add_to_toc(page, block)
        return html + block

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.pages.cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self.pages.cleanup()
