"""The consular section of a language site: one page per service, the index, their blocks."""

from __future__ import annotations

from chancery.content.data.places import address_lines
from chancery.features.consular.hours import load_hours
from chancery.features.consular.pages import consular_pages, mission_schedule, valid_catalog
from chancery.features.consular.views import INDEX, service_path, service_view
from chancery.features.section import Block, Section, SectionInput


def consular_section(site: SectionInput) -> Section:
    """Services from ``consular.yml`` (HQ's defaults with the mission's changes), hours from
    ``hours.yml``; raise :class:`ContentError` on invalid data."""
    lang = site.lang
    catalog = site.once(valid_catalog, site.network, site.entry)
    hours = site.once(load_hours, site.entry)
    schedule = site.once(mission_schedule, site.network, site.entry, site.now, lang, hours)
    services = {service_path(r.service.id): service_view(r.service, lang)
                for r in catalog.services}
    # Where to apply: on screen, and the one part of the site a printed page keeps.
    office = {"name": site.mission.name.get(lang),
              "address": address_lines(site.mission.address, lang)}
    blocks = {INDEX: (Block("blocks/consular-index.html",
                            {"services": list(services.values()), "schedule": schedule}),)}
    for path, service in services.items():
        blocks[path] = (Block("blocks/consular-service.html",
                              {"service": service, "office": office}),)
    return Section("consular", pages=tuple(consular_pages(catalog, site.mission.languages)),
                   blocks=blocks)
