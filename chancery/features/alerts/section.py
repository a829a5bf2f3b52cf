"""The alerts of a language site: HQ's and the mission's, active at the build's moment."""

from __future__ import annotations

from chancery.features.alerts.alerts import active_alerts
from chancery.features.alerts.views import alert_view
from chancery.features.section import Section, SectionInput


def alerts_section(site: SectionInput) -> Section:
    """A banner on every page (``partials/alerts.html``); an alert whose end has passed is
    gone at the next build."""
    return Section("alerts", globals={"chancery_alerts": alert_views(site)})


def alert_views(site: SectionInput) -> list:
    """The alerts in force, most severe first, in the site's language."""
    active = site.once(active_alerts, site.network, site.entry, site.now)
    return [alert_view(alert, site.lang) for alert in active]
