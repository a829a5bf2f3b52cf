"""The contact page of one mission in one language: what it shows and its schema.org data."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from chancery.content.data.pages import GeneratedPage
from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.network import MissionEntry, Network
from chancery.features.consular.closures import closed_days
from chancery.features.consular.hours import MissionHours, load_hours
from chancery.features.consular.pages import mission_schedule, mission_today
from chancery.features.consular.schedule import ScheduleView
from chancery.features.contact.jsonld import office_data
from chancery.features.contact.views import PAGE, ContactView, contact_view


def contact_content(network: Network, entry: MissionEntry, lang: str, url: str,
                    moment: datetime, schedule: ScheduleView | None | Literal["load"] = "load",
                    mission_hours: MissionHours | None | Literal["load"] = "load",
                    ) -> tuple[ContactView, dict]:
    """The contact block for ``lang`` and the JSON-LD for the page at ``url``; the schedule
    and ``hours.yml`` are loaded unless the caller has them already."""
    _ = ui_strings(lang).gettext
    if isinstance(mission_hours, str):  # "load"
        mission_hours = load_hours(entry)
    if isinstance(schedule, str):  # "load"
        schedule = mission_schedule(network, entry, moment, lang, mission_hours)
    view = contact_view(entry.mission, lang, _("Citizen protection hotline (24/7)"), schedule)
    closed = closed_days(mission_hours, entry.mission.host_country,
                         mission_today(entry, moment)) if mission_hours else None
    data = office_data(entry.mission, lang, url,
                       mission_hours.hours if mission_hours else None, closed)
    return view, data


def contact_page(languages: list[str]) -> GeneratedPage:
    """The contact page for a mission that has not written one."""
    return GeneratedPage(PAGE, {code: ui_strings(code).gettext("Contact") for code in languages},
                         {}, weight=10)
