"""Everything the consular pages and the contact page need, for one mission and language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from chancery.content.data.pages import GeneratedPage
from chancery.content.data.zones import mission_timezone
from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import ContentError
from chancery.features.consular.closures import HolidaySources, load_hq_names
from chancery.features.consular.hours import MissionHours, load_hours
from chancery.features.consular.schedule import ScheduleView, schedule_view
from chancery.features.consular.services import Catalog, load_catalog
from chancery.features.consular.views import INDEX, service_path


def mission_today(entry: MissionEntry, moment: datetime) -> date:
    """The date at the mission at ``moment``."""
    return moment.astimezone(mission_timezone(entry)).date()


def valid_catalog(network: Network, entry: MissionEntry) -> Catalog:
    """The mission's services; raise :class:`ContentError` on any error in the data."""
    catalog = load_catalog(network, entry)
    errors = [p for p in catalog.problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return catalog


def mission_schedule(
    network: Network, entry: MissionEntry, moment: datetime, lang: str,
    mission_hours: MissionHours | None | Literal["load"] = "load",
) -> ScheduleView | None:
    """Weekly hours and the next 12 months' closures in ``lang``; ``None`` without hours.

    ``mission_hours`` is the mission's ``hours.yml`` if the caller loaded it already."""
    if isinstance(mission_hours, str):  # "load"
        mission_hours = load_hours(entry)
    if mission_hours is None:
        return None
    hq_names, _ = load_hq_names(network)
    sources = HolidaySources(mission_hours.hours.holidays.names, hq_names.names)
    return schedule_view(mission_hours, entry.mission.host_country, sources,
                         mission_today(entry, moment), lang,
                         network.hq.ministry.country_name.get(lang))


def consular_pages(catalog: Catalog, languages: list[str]) -> list[GeneratedPage]:
    """The services index and one page per service, in every language (none without services)."""
    if not catalog.services:
        return []
    pages = [
        GeneratedPage(
            INDEX,
            {code: ui_strings(code).gettext("Consular services") for code in languages},
            {},
            weight=10,
        )
    ]
    for record in catalog.services:
        service = record.service
        pages.append(GeneratedPage(
            service_path(service.id),
            {code: service.title.get(code) for code in languages},
            {code: service.summary.get(code) for code in languages},
            service.weight,
        ))
    return pages


def generated_paths(network: Network, entry: MissionEntry) -> set[str]:
    """Paths of the consular pages, for link checks (empty if the data is invalid)."""
    try:
        catalog = valid_catalog(network, entry)
    except ContentError:
        return set()
    return {page.path for page in consular_pages(catalog, entry.mission.languages)}
