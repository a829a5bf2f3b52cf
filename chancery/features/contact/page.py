"""The contact page of one mission in one language: what it shows and its schema.org data."""

from __future__ import annotations

from datetime import datetime

from chancery.content.data.pages import GeneratedPage
from chancery.content.i18n.catalog import translations
from chancery.content.model.network import MissionEntry, Network
from chancery.features.consular.closures import closed_days
from chancery.features.consular.hours import load_hours
from chancery.features.consular.pages import mission_schedule, mission_today
from chancery.features.contact.jsonld import office_data
from chancery.features.contact.views import PAGE, ContactView, contact_view


def contact_content(network: Network, entry: MissionEntry, lang: str, url: str,
                    moment: datetime) -> tuple[ContactView, dict]:
    """The contact block for ``lang`` and the JSON-LD for the page at ``url``."""
    _ = translations(lang).gettext
    schedule = mission_schedule(network, entry, moment, lang)
    view = contact_view(entry.mission, lang, _("Citizen protection hotline (24/7)"), schedule)
    mission_hours = load_hours(entry)
    closed = closed_days(mission_hours, entry.mission.host_country,
                         mission_today(entry, moment)) if mission_hours else None
    data = office_data(entry.mission, lang, url,
                       mission_hours.hours if mission_hours else None, closed)
    return view, data


def contact_page(languages: list[str]) -> GeneratedPage:
    """The contact page for a mission that has not written one."""
    return GeneratedPage(PAGE, {code: translations(code).gettext("Contact") for code in languages},
                         {}, weight=10)
