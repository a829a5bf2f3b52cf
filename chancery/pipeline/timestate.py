"""What the build's clock changes in a site: which dated things have passed, which day it is.

Content does not change by itself, but its meaning does: a post dated later appears
at its date, an alert ends, a closure becomes upcoming. Given the same content, a
site built at two moments is the same when the same date-times written in the content
(in YAML files and in front matter, under any key) are in the past at both moments,
and it is the same day in the mission's time zone, in Viet Nam (HQ's dates) and in
UTC (what depends on "today" rolls over at those midnights).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from chancery.content.data.zones import (
    HQ_ZONE,  # HQ writes dates without an offset in Viet Nam's time
    parse_moment,
)


def utc_moments(written: list[tuple[str, tzinfo]]) -> list[str]:
    """The date-times ``(text, zone of that file)`` as sorted UTC ISO strings, duplicates merged."""
    found = set()
    for text, zone in written:
        moment = parse_moment(text, zone)
        if moment is None:
            continue
        try:
            found.add(moment.astimezone(UTC).isoformat())
        except OverflowError:  # at the edge of year 1 or 9999: the checks report the date
            continue
    return sorted(found)


@dataclass(frozen=True)
class TimeState:
    """How many of a mission's date-times have passed, and the day in its three zones."""

    passed: int
    days: tuple[str, str, str]  # mission's zone, HQ's, UTC

    def key(self) -> str:
        return f"time:{self.passed}:{','.join(self.days)}"


def time_state(moments: list[str], zone: tzinfo, now: datetime) -> TimeState:
    """The state of ``moments`` (sorted UTC ISO strings) at ``now`` for a mission in ``zone``."""
    utc_now = now.astimezone(UTC)
    passed = bisect_right([datetime.fromisoformat(m) for m in moments], utc_now)
    days = tuple(utc_now.astimezone(z).date().isoformat() for z in (zone, HQ_ZONE, UTC))
    return TimeState(passed, days)  # type: ignore[arg-type]
