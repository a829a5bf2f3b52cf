"""The contact section of a language site: the page's facts, hours and closures, and its
schema.org data."""

from __future__ import annotations

from chancery.core.urls import page_url
from chancery.features.consular.hours import load_hours
from chancery.features.consular.pages import mission_schedule
from chancery.features.contact.jsonld import script_tag
from chancery.features.contact.page import contact_content, contact_page
from chancery.features.contact.views import PAGE
from chancery.features.section import Block, Section, SectionInput


def contact_section(site: SectionInput) -> Section:
    """The mission's contact data on ``contact/index.md`` (made where the mission has none)."""
    url = site.mission.site_url + site.prefix + page_url(PAGE)
    hours = site.once(load_hours, site.entry)
    schedule = site.once(mission_schedule, site.network, site.entry, site.now, site.lang, hours)
    view, data = site.once(contact_content, site.network, site.entry, site.lang, url, site.now,
                           schedule, hours)
    return Section("contact", pages=(contact_page(site.mission.languages),),
                   blocks={PAGE: (Block("blocks/contact.html", {"contact": view}),)},
                   head={PAGE: script_tag(data)})
