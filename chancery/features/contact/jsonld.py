"""schema.org data for the contact page: ``Embassy`` or ``GovernmentOffice`` as JSON-LD."""

from __future__ import annotations

from datetime import date

from chancery.content.model.mission import Mission
from chancery.features.consular.closures import ClosedDay
from chancery.features.consular.hours import WEEKDAYS, Hours
from chancery.features.contact.views import map_url
from chancery.render.security.escape import json_for_script

_DAYS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                            "Sunday"), strict=True))


def _closed(first: date, last: date) -> dict:
    """schema.org's way of saying "closed all day": opens and closes at midnight."""
    return {"@type": "OpeningHoursSpecification", "validFrom": first.isoformat(),
            "validThrough": last.isoformat(), "opens": "00:00", "closes": "00:00"}


def office_data(mission: Mission, lang: str, url: str, hours: Hours | None = None,
                closed: list[ClosedDay] | None = None) -> dict:
    """The mission as a schema.org ``Embassy`` (embassies) or ``GovernmentOffice``."""
    address = mission.address
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Embassy" if mission.kind == "embassy" else "GovernmentOffice",
        "name": mission.name.get(lang),
        "url": url,
        "telephone": mission.phones[0].number,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "postalCode": address.postal_code,
            "addressLocality": address.city,
            "addressCountry": address.country,
        },
    }
    if mission.kind != "embassy":
        data["email"] = str(mission.emails[0].address)
    if address.geo is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": address.geo.lat,
                       "longitude": address.geo.lon}
        data["hasMap"] = map_url(address)
    if hours is not None:
        data["openingHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification",
             "dayOfWeek": [f"https://schema.org/{_DAYS[d]}" for d in slot.days],
             "opens": slot.opens.strftime("%H:%M"), "closes": slot.closes.strftime("%H:%M")}
            for slot in hours.office
        ]
    if closed:
        data["specialOpeningHoursSpecification"] = [_closed(c.day, c.day) for c in closed]
    return data


def script_tag(data: dict) -> str:
    """``<script type="application/ld+json">``, safe to put in a page as it is."""
    text = json_for_script(data, indent=1)
    return f'<script type="application/ld+json">\n{text}\n</script>'
