"""Schema of a mission's opening hours and closures: ``content/<id>/data/hours.yml``.

Weekly hours are given once (``09:00``, 24-hour clock); public holidays of Viet Nam
and of the host country are computed, the mission adds its own closures and may
stay open on a holiday (``holidays.open_on``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import Field

from chancery.content.data.files import mission_data
from chancery.content.data.validation import problem, validate_at
from chancery.content.data.zones import HOURS_FILE, country_timezone
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.fields import Localized, Strict
from chancery.content.model.network import MissionEntry
from chancery.content.model.types import Clock, Day, TimeZone
from chancery.core.errors import ContentError, Problem, msg

FILE = HOURS_FILE
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Slot(Strict):
    """Open from ``opens`` to ``closes`` on each of ``days``."""

    days: list[Weekday] = Field(min_length=1)
    opens: Clock
    closes: Clock


class OpenDay(Strict):
    """A public holiday on which the mission works all the same."""

    date: Day
    note: Localized | None = None


class HolidaySettings(Strict):
    vietnam: bool = True
    host: bool = True
    subdivision: str | None = Field(None, description="host-country region, e.g. ENG, 75")
    open_on: list[OpenDay] = Field(default_factory=list)
    names: dict[str, Localized] = Field(
        default_factory=dict,
        description="holiday names in languages the holidays library lacks, keyed by the "
        "English name",
    )


class Closure(Strict):
    """Days the mission declares closed (one day, or ``start`` to ``end``)."""

    start: Day
    end: Day | None = None
    reason: Localized


class Hours(Strict):
    """Everything in ``hours.yml``."""

    timezone: TimeZone | None = None
    office: list[Slot] = Field(min_length=1)
    consular: list[Slot] = Field(default_factory=list)
    holidays: HolidaySettings = Field(default_factory=HolidaySettings)
    closures: list[Closure] = Field(default_factory=list)

    def open_days(self) -> set[int]:
        """Weekday numbers (Monday 0) on which the office opens."""
        return {WEEKDAYS.index(day) for slot in self.office for day in slot.days}

    def reception(self) -> list[Slot]:
        """When the consular section receives the public (the office hours by default)."""
        return self.consular or self.office


@dataclass(frozen=True)
class MissionHours:
    """Validated hours with their file and the time zone they are meant in."""

    hours: Hours
    source: YamlSource
    timezone: str | None

    def closure_ranges(self) -> list[tuple[date, date, Closure]]:
        return [(c.start, c.end or c.start, c) for c in self.hours.closures]


def load_hours(entry: MissionEntry) -> MissionHours | None:
    """The mission's hours, ``None`` without ``hours.yml``; raise on invalid data."""
    source = mission_data(entry, FILE)
    if source is None:
        return None
    hours = validate_at(Hours, source.data, source)
    problems = hours_problems(hours, source)
    timezone = hours.timezone or country_timezone(entry.mission.host_country)
    if timezone is None:
        problems.append(
            problem(source, (), msg("{host_country} has several time zones; add 'timezone: ...' "
                                    "with the mission's, e.g. timezone: America/New_York",
                                    host_country=entry.mission.host_country))
        )
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return MissionHours(hours, source, timezone)


def hours_problems(hours: Hours, source: YamlSource) -> list[Problem]:
    """Times and dates that are valid one by one but not together."""
    problems = []
    for group in ("office", "consular"):
        for i, slot in enumerate(getattr(hours, group)):
            if slot.closes <= slot.opens:
                problems.append(problem(
                    source, (group, i, "closes"),
                    msg("closes at {closes:%H:%M}, not after it opens ({opens:%H:%M}); check "
                        "the two times", closes=slot.closes, opens=slot.opens)))
    for group in ("office", "consular"):
        problems += _overlaps(getattr(hours, group), group, source)
    for i, closure in enumerate(hours.closures):
        if closure.end and closure.end < closure.start:
            problems.append(problem(
                source, ("closures", i, "end"),
                msg("end {end} is before start {start}; put the last day of the closure in "
                    "'end' (or leave it out for one day)",
                    end=closure.end.isoformat(), start=closure.start.isoformat())))
    return problems


def _overlaps(slots: list[Slot], group: str, source: YamlSource) -> list[Problem]:
    """A day listed twice in one slot, or two slots of one day that overlap."""
    problems = []
    for i, slot in enumerate(slots):
        seen: set[str] = set()
        for k, day in enumerate(slot.days):
            if day in seen:
                problems.append(problem(source, (group, i, "days", k),
                                        msg("'{day}' is listed twice in this slot; keep it once",
                                            day=day)))
            seen.add(day)
    for i, slot in enumerate(slots):
        for j in range(i):
            other = slots[j]
            shared = [day for day in WEEKDAYS if day in slot.days and day in other.days]
            if shared and slot.opens < other.closes and other.opens < slot.closes:
                same = slot.opens == other.opens and slot.closes == other.closes
                what = msg("repeats") if same else msg("overlaps")
                problems.append(problem(
                    source, (group, i, "opens"),
                    msg("{opens:%H:%M}–{closes:%H:%M} {what} {opens2:%H:%M}–{closes2:%H:%M} "
                        "(line {line}) on {shared}; give each time of a day once, in slots "
                        "that do not overlap",
                        opens=slot.opens, closes=slot.closes, what=what, opens2=other.opens,
                        closes2=other.closes, line=source.line_of((group, j, 'opens')),
                        shared=', '.join(shared))))
    return problems
