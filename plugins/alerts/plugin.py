"""MkDocs adapter: active alerts as a banner on every page (``partials/alerts.html``).

The banner is plain HTML in every page, so it needs no script; an alert whose end
has passed is gone at the next build.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from chancery.alerts.alerts import active_alerts
from chancery.alerts.views import AlertView, alert_view
from chancery.clock import now
from chancery_plugins.alerts.config import AlertsConfig
from chancery_plugins.blocks import reported, site_build


class AlertsPlugin(BasePlugin[AlertsConfig]):
    """Put the alerts active now (HQ's and the mission's) in every template's context."""

    def __init__(self) -> None:
        self.alerts: list[AlertView] = []

    @event_priority(87)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.alerts = []
        if self.config.enabled:
            build = site_build(config)
            with reported(config):
                active = active_alerts(build.network, build.entry, now())
            self.alerts = [alert_view(a, build.lang) for a in active]
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["chancery_alerts"] = self.alerts
        return env
