"""The bilateral-relations section of a language site, from ``relations.yml``."""

from __future__ import annotations

from chancery.features.profile.page import relations_content, relations_page
from chancery.features.profile.relations import PAGE
from chancery.features.section import Block, Section, SectionInput


def profile_section(site: SectionInput) -> Section:
    """Key facts above the mission's text, agreements and visits below it (nothing without
    ``relations.yml``)."""
    view = relations_content(site.network, site.entry, site.lang)
    if view is None:
        return Section("profile")
    context = {"relations": view}
    return Section("profile", pages=(relations_page(site.mission.languages),), blocks={PAGE: (
        Block("blocks/relations-facts.html", context, before=True, in_toc=False),
        Block("blocks/relations-history.html", context),
    )})
