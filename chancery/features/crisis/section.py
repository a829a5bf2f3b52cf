"""Crisis mode of a language site: a crisis in force switches every page to the emergency
layout (the crisis and the hotlines first, no photos, no web fonts, no scripts)."""

from __future__ import annotations

from chancery.features.crisis.crisis import active_crises
from chancery.features.crisis.views import crisis_view
from chancery.features.section import Section, SectionInput


def crisis_section(site: SectionInput) -> Section:
    views = crisis_views(site)
    return Section("crisis", globals={"chancery_crisis": views}, emergency=bool(views))


def crisis_views(site: SectionInput) -> list:
    """The crises in force, the latest started first, in the site's language."""
    active = site.once(active_crises, site.network, site.entry, site.now)
    return [crisis_view(crisis, site.lang) for crisis in active]
