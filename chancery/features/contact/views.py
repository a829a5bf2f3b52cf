"""What the contact page shows in one language."""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.data.places import address_lines
from chancery.content.model.fields import tel_uri
from chancery.content.model.mission import Address, Mission
from chancery.features.consular.schedule import ScheduleView

PAGE = "contact/index.md"


@dataclass(frozen=True)
class Entry:
    label: str
    value: str
    href: str


@dataclass(frozen=True)
class ContactView:
    name: str
    address: list[str]
    map_url: str | None
    phones: list[Entry]
    emails: list[Entry]
    hotline: Entry
    jurisdiction: str
    schedule: ScheduleView | None


def map_url(address: Address) -> str | None:
    """A plain link to OpenStreetMap at the chancery (nothing embedded, nothing loaded)."""
    if address.geo is None:
        return None
    lat, lon = address.geo.lat, address.geo.lon
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def contact_view(mission: Mission, lang: str, hotline_label: str,
                 schedule: ScheduleView | None) -> ContactView:
    return ContactView(
        name=mission.name.get(lang),
        address=address_lines(mission.address, lang),
        map_url=map_url(mission.address),
        phones=[Entry(p.label.get(lang), p.number, tel_uri(p.number)) for p in mission.phones],
        emails=[Entry(e.label.get(lang), str(e.address), f"mailto:{e.address}")
                for e in mission.emails],
        hotline=Entry(hotline_label, mission.hotline, tel_uri(mission.hotline)),
        jurisdiction=mission.jurisdiction.get(lang),
        schedule=schedule,
    )
