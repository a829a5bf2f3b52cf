"""Time zones: HQ's (the one definition of it), and which one a mission's dates are meant in."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from babel.core import get_global

from chancery.content.data.files import mission_data
from chancery.content.model.network import MissionEntry
from chancery.content.model.types import parse_timezone
from chancery.core.errors import ContentError

# HQ (Hà Nội) issues network-wide data in Viet Nam's time: its date-times written without
# an offset, the crises and alerts it schedules, the day its dates roll over.
HQ_TIMEZONE = "Asia/Ho_Chi_Minh"
HQ_ZONE = ZoneInfo(HQ_TIMEZONE)
HOURS_FILE = "hours.yml"
# The start of an ISO 8601 date-time (a day and a time): what content writes for a moment.
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def country_timezone(country: str) -> str | None:
    """The host country's time zone when it has exactly one, else ``None``."""
    zones = get_global("territory_zones").get(country, [])
    return zones[0] if len(zones) == 1 else None


def scheduled_moment(value: date | datetime, tz: ZoneInfo, *, end: bool) -> datetime:
    """When a ``start:`` or ``end:`` written as a day or a date-time happens, aware.

    A date-time without an offset is in ``tz`` (the issuer's zone); a day starts at its
    midnight there and, as an end, counts in full (the next midnight). Alerts and crises
    are scheduled with it.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time(0), tzinfo=tz)


def parse_moment(value: object, tz: tzinfo) -> datetime | None:
    """A date-time written in content (ISO 8601, or as YAML read it), aware; else ``None``.

    Without an offset it is in ``tz``. Bare days and anything that is not a date-time
    return ``None``: what depends on a day changes at local midnight, which the planner
    and the scheduled runs cover for every mission anyway.
    """
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str) and _DATETIME.match(value.strip()):
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return when if when.tzinfo else when.replace(tzinfo=tz)


def zone(name: str | None) -> ZoneInfo:
    """``ZoneInfo`` for ``name`` (UTC when unknown)."""
    return ZoneInfo(name or "UTC")


def mission_timezone(entry: MissionEntry) -> ZoneInfo:
    """The mission's time zone: ``hours.yml``'s, else its country's only one, else UTC."""
    name = None
    try:
        hours = mission_data(entry, HOURS_FILE)
        if hours is not None and isinstance(hours.data, dict) and hours.data.get("timezone"):
            name = parse_timezone(hours.data["timezone"])
    except (ContentError, ValueError):
        name = None  # the hours checks report it
    return zone(name or country_timezone(entry.mission.host_country))
