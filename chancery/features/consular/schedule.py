"""Opening hours and upcoming closures as shown in one language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from chancery.content.data import formats
from chancery.content.data.places import country_name
from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.fields import Localized
from chancery.content.model.languages import language
from chancery.features.consular.closures import (
    VIETNAM,
    ClosedDay,
    Holiday,
    HolidaySources,
    closed_days,
    library_name,
    window,
)
from chancery.features.consular.hours import WEEKDAYS, MissionHours, Slot

_SUBSTITUTE = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class Text:
    """A text and the language it is written in (it may differ from the page's)."""

    value: str
    lang: str
    country: str | None = None  # whose holiday it is, when that helps

    @property
    def dir(self) -> str:
        return language(self.lang).direction


@dataclass(frozen=True)
class DayHours:
    day: str
    office: str
    reception: str
    is_open: bool


@dataclass(frozen=True)
class ClosureView:
    date: str
    iso: str
    names: list[Text]


@dataclass(frozen=True)
class ScheduleView:
    days: list[DayHours]
    separate_reception: bool
    closures: list[ClosureView]
    until: str  # the last day the closures cover, formatted


def _slots(slots: list[Slot], weekday: str, lang: str, closed: str) -> str:
    found = sorted((s for s in slots if weekday in s.days), key=lambda s: s.opens)
    if not found:
        return closed
    return ", ".join(
        f"{formats.clock(s.opens, lang)}–{formats.clock(s.closes, lang)}" for s in found
    )


def week(mission_hours: MissionHours, lang: str) -> list[DayHours]:
    """One row per day, Monday first: office hours and consular reception hours."""
    _ = ui_strings(lang).gettext
    hours = mission_hours.hours
    names = formats.weekday_names(lang)
    return [
        DayHours(
            names[i],
            _slots(hours.office, code, lang, _("Closed")),
            _slots(hours.reception(), code, lang, _("Closed")),
            any(code in slot.days for slot in hours.office),
        )
        for i, code in enumerate(WEEKDAYS)
    ]


def _qualifier(text: str, lang: str) -> str:
    _ = ui_strings(lang).gettext
    if text == "observed":
        return _("observed")
    if text == "estimated":
        return _("estimated")
    match = _SUBSTITUTE.fullmatch(text)
    if match:
        month, day_, year = (int(part) for part in match.groups())
        return _("in lieu of %(date)s") % {"date": formats.day(date(year, month, day_), lang)}
    return text


def _localized(value: Localized, lang: str) -> Text | None:
    text = value.root.get(lang)
    return Text(text, lang) if text else None


def holiday_name(
    holiday: Holiday, lang: str, sources: HolidaySources, subdivision: str | None
) -> Text:
    """The holiday's name in ``lang``: HQ's or the mission's, the library's, else English."""
    given = sources.lookup(holiday)
    named = _localized(given, lang) if given else None
    if named:
        qualifiers = [_qualifier(q, lang) for q in holiday.qualifiers]
        suffix = f" ({', '.join(qualifiers)})" if qualifiers else ""
        return Text(named.value + suffix, lang)
    own = library_name(holiday, subdivision, lang)
    if own:
        return Text(own, lang)
    return Text(holiday.english, "en")


def closure_view(
    closed: ClosedDay,
    lang: str,
    sources: HolidaySources,
    subdivision: str | None,
    countries: dict[str, str],
) -> ClosureView:
    """One closed day; a holiday both countries keep (New Year's Day) is named once."""
    by_key: dict[str, list[Holiday]] = {}
    for holiday in closed.holidays:
        by_key.setdefault(holiday.key, []).append(holiday)
    names = []
    for group in by_key.values():
        first = group[0]
        name = holiday_name(first, lang, sources, None if first.country == VIETNAM else subdivision)
        shared = len({h.country for h in group}) > 1
        names.append(Text(name.value, name.lang, None if shared else countries.get(first.country)))
    for closure in closed.declared:
        names.append(_localized(closure.reason, lang) or Text(closure.reason.get(lang), "vi"))
    unique = list(dict.fromkeys(names))
    return ClosureView(formats.day(closed.day, lang, "full"), closed.day.isoformat(), unique)


def schedule_view(
    mission_hours: MissionHours,
    host_country: str,
    sources: HolidaySources,
    today: date,
    lang: str,
    vietnam: str | None = None,
) -> ScheduleView:
    """Weekly hours and the closures of the next 12 months, in ``lang``.

    ``vietnam`` is Viet Nam's name in ``lang`` (HQ's spelling); CLDR's by default.
    """
    subdivision = mission_hours.hours.holidays.subdivision
    countries = {VIETNAM: vietnam or country_name(VIETNAM, lang),
                 host_country: country_name(host_country, lang)}
    closures = [
        closure_view(closed, lang, sources, subdivision, countries)
        for closed in closed_days(mission_hours, host_country, today)
    ]
    days = week(mission_hours, lang)
    _, end = window(today)
    return ScheduleView(
        days,
        any(d.office != d.reception for d in days),
        closures,
        formats.day(end - timedelta(days=1), lang),
    )
