"""MkDocs adapter: alerts, crisis mode and the text-only edition.

Active alerts are a banner on every page (``partials/alerts.html``), plain HTML, so it
needs no script; an alert whose end has passed is gone at the next build. A crisis in
force (chancery.features.crisis) switches every page to the emergency layout: the crisis and the
hotlines first (``partials/crisis.html``), no photos, no web fonts, no scripts. Every
build also writes the text-only edition under ``lite/`` (chancery.site.lite).
"""

from __future__ import annotations

from datetime import datetime

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from chancery.core.clock import now
from chancery.features.alerts.alerts import active_alerts
from chancery.features.alerts.views import AlertView, alert_view
from chancery.features.crisis.crisis import active_crises
from chancery.features.crisis.layout import emergency_html
from chancery.features.crisis.views import CrisisView, crisis_view
from chancery.site.lite import LITE_DIR
from chancery_plugins.alerts.config import AlertsConfig
from chancery_plugins.alerts.lite import write_lite
from chancery_plugins.blocks import reported, site_build


class AlertsPlugin(BasePlugin[AlertsConfig]):
    """Put the alerts active now (HQ's and the mission's) in every template's context."""

    def __init__(self) -> None:
        self.alerts: list[AlertView] = []
        self.crises: list[CrisisView] = []
        self.moment: datetime | None = None

    @event_priority(87)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.alerts, self.crises = [], []
        self.moment = moment = now()  # one moment for the banner, the layout and lite/
        build = site_build(config)
        with reported(config):
            if self.config.enabled:
                active = active_alerts(build.network, build.entry, moment)
                self.alerts = [alert_view(a, build.lang) for a in active]
            self.crises = [crisis_view(c, build.lang)
                           for c in active_crises(build.network, build.entry, moment)]
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["chancery_alerts"] = self.alerts
        env.globals["chancery_crisis"] = self.crises
        env.globals["chancery_lite_url"] = site_build(config).site_url + LITE_DIR + "/"
        return env

    @event_priority(-90)  # after the other plugins have added their HTML
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return emergency_html(output) if self.crises else output

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig
                         ) -> str:
        if self.crises and template_name.endswith(".html"):
            return emergency_html(output)  # 404.html
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        with reported(config):
            write_lite(config, site_build(config), self.moment or now())
