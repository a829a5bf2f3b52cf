"""Days the mission is closed in the next 12 months: public holidays and its own closures.

Public holidays come from the ``holidays`` library: Viet Nam's (New Year, Tết, Hùng
Kings' day, 30 April, 1 May, National Day...) and the host country's. Only days on
which the office would otherwise open are listed. Holiday names come from the library
in the page's language when it has them, else from the names HQ (Viet Nam's holidays)
or the mission (the host country's) give, keyed by the library's English name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays as holidays_lib

from chancery.content.data.files import hq_data
from chancery.content.data.validation import problem, validate_at
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.fields import Localized, Strict
from chancery.content.model.network import Network
from chancery.core.errors import Problem, msg
from chancery.features.consular.hours import Closure, MissionHours

VIETNAM = "VN"
HQ_NAMES_FILE = "holidays.yml"
_QUALIFIED = re.compile(r"^(?P<base>.*?) \((?P<qualifiers>[^()]*)\)$")


class HolidayNames(Strict):
    """``content/_hq/data/holidays.yml``: Viet Nam's holidays in languages the library lacks."""

    names: dict[str, Localized] = {}


def name_key(english: str) -> str:
    """``Boxing Day (observed)`` is ``Boxing Day``: how names files refer to a holiday."""
    match = _QUALIFIED.match(english)
    return match.group("base") if match else english


@dataclass(frozen=True)
class Holiday:
    """One public holiday on one day, named by the library in English."""

    day: date
    country: str
    english: str  # the library's English name, e.g. "Boxing Day (observed)"
    index: int  # position among that day's holidays in the library's list

    @property
    def key(self) -> str:
        """The English name without qualifiers: how names files refer to it."""
        return name_key(self.english)

    @property
    def qualifiers(self) -> list[str]:
        match = _QUALIFIED.match(self.english)
        return [q.strip() for q in match.group("qualifiers").split(",")] if match else []


@dataclass(frozen=True)
class ClosedDay:
    """A day the mission is closed, and why."""

    day: date
    holidays: tuple[Holiday, ...] = ()
    declared: tuple[Closure, ...] = ()


@dataclass
class HolidaySources:
    """Where holiday names may come from besides the library."""

    mission: dict[str, Localized] = field(default_factory=dict)
    hq: dict[str, Localized] = field(default_factory=dict)

    def lookup(self, holiday: Holiday) -> Localized | None:
        """HQ names Viet Nam's holidays, the mission its host country's (keys may collide)."""
        names = self.hq if holiday.country == VIETNAM else self.mission
        return names.get(holiday.key)


def window(today: date) -> tuple[date, date]:
    """``[today, same day next year)``: the next 12 months."""
    try:
        end = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        end = today + timedelta(days=365)
    return today, end


def supported(country: str) -> bool:
    return country in holidays_lib.list_supported_countries()


@lru_cache(maxsize=64)
def _calendar(country: str, subdivision: str | None, years: tuple[int, ...], language: str):
    return holidays_lib.country_holidays(
        country, subdiv=subdivision, years=years, language=language
    )


def library_language(country: str, code: str) -> str | None:
    """The library's language for page language ``code`` in ``country``'s calendar, if any."""
    entity = holidays_lib.country_holidays(country)
    default = entity.default_language or ""
    candidates = [default, *sorted(entity.supported_languages)]
    for candidate in candidates:
        if candidate == code or candidate.startswith(code + "_"):
            return candidate
    return None


def english(country: str) -> str:
    return library_language(country, "en") or holidays_lib.country_holidays(
        country).default_language


def public_holidays(
    country: str, subdivision: str | None, start: date, end: date
) -> list[Holiday]:
    """Holidays of ``country`` from ``start`` (inclusive) to ``end`` (exclusive)."""
    years = tuple(range(start.year, end.year + 1))
    calendar = _calendar(country, subdivision, years, english(country))
    found = []
    for day in sorted(calendar):
        if start <= day < end:
            for i, name in enumerate(calendar.get_list(day)):
                found.append(Holiday(day, country, name, i))
    return found


def library_name(holiday: Holiday, subdivision: str | None, code: str) -> str | None:
    """The library's own name for ``holiday`` in page language ``code``, if it has one."""
    language = library_language(holiday.country, code)
    if language is None:
        return None
    calendar = _calendar(holiday.country, subdivision, (holiday.day.year,), language)
    names = calendar.get_list(holiday.day)
    return names[holiday.index] if holiday.index < len(names) else None


def closed_days(
    mission_hours: MissionHours, host_country: str, today: date
) -> list[ClosedDay]:
    """Every day of the next 12 months the office would open but is closed."""
    hours = mission_hours.hours
    settings = hours.holidays
    start, end = window(today)
    open_weekdays = hours.open_days()
    open_anyway = {item.date for item in settings.open_on}
    found: dict[date, ClosedDay] = {}

    def add(day: date, holiday: Holiday | None = None, closure: Closure | None = None) -> None:
        if not start <= day < end or day.weekday() not in open_weekdays:
            return
        current = found.get(day, ClosedDay(day))
        found[day] = ClosedDay(
            day,
            current.holidays + ((holiday,) if holiday else ()),
            current.declared + ((closure,) if closure else ()),
        )

    countries = []
    if settings.vietnam:
        countries.append((VIETNAM, None))
    if settings.host and host_country != VIETNAM and supported(host_country):
        countries.append((host_country, settings.subdivision))
    for country, subdivision in countries:
        for holiday in public_holidays(country, subdivision, start, end):
            if holiday.day not in open_anyway:
                add(holiday.day, holiday=holiday)
    for first, last, closure in mission_hours.closure_ranges():
        day, last = max(first, start), min(last, end)  # only the days the window shows
        while day <= last:
            add(day, closure=closure)
            day += timedelta(days=1)
    return [found[day] for day in sorted(found)]


def local_today(moment: datetime, timezone) -> date:
    return moment.astimezone(timezone).date()


def load_hq_names(network: Network) -> tuple[HolidayNames, YamlSource | None]:
    """HQ's names for Viet Nam's holidays (empty without ``holidays.yml``); raise if invalid."""
    source = hq_data(network, HQ_NAMES_FILE)
    if source is None:
        return HolidayNames(), None
    return validate_at(HolidayNames, source.data, source), source


def settings_problems(mission_hours: MissionHours, host_country: str) -> list[Problem]:
    """A host country without a calendar, an unknown region."""
    settings = mission_hours.hours.holidays
    source = mission_hours.source
    if not settings.host or host_country == VIETNAM:
        return []
    if not supported(host_country):
        return [problem(source, ("holidays", "host"),
                        msg("the holidays library has no calendar for {host_country}; set "
                            "'host: false' and list the host country's holidays under 'closures'",
                            host_country=host_country))]
    if settings.subdivision is not None:
        entity = holidays_lib.country_holidays(host_country)
        regions = entity.subdivisions
        aliases = getattr(entity, "subdivisions_aliases", {}) or {}
        if settings.subdivision not in (*regions, *aliases):
            listed = ", ".join(regions) or "none"
            return [problem(source, ("holidays", "subdivision"),
                            msg("'{subdivision}' is not a region of {host_country} known to the "
                                "holidays library; use one of: {listed}",
                                subdivision=settings.subdivision, host_country=host_country,
                                listed=listed))]
    return []


def open_on_problems(mission_hours: MissionHours, host_country: str) -> list[Problem]:
    """Warn about ``open_on`` dates that are no public holiday (nothing to override)."""
    settings = mission_hours.hours.holidays
    problems = []
    for i, item in enumerate(settings.open_on):
        day = item.date
        countries = [VIETNAM] * settings.vietnam + [host_country] * settings.host
        names = [
            h for country in countries if supported(country)
            for h in public_holidays(
                country, settings.subdivision if country == host_country else None,
                day, day + timedelta(days=1))
        ]
        if not names:
            problems.append(problem(
                mission_hours.source, ("holidays", "open_on", i, "date"),
                msg("{day} is not a public holiday here, so there is nothing to open on; check "
                    "the date or remove it", day=day.isoformat()), "warning"))
    return problems


def known_names(country: str, subdivision: str | None, today: date) -> list[str]:
    """The holidays' English names (without qualifiers) the library gives ``country`` from
    five years back to ten ahead: the keys a names file may use."""
    years = tuple(range(today.year - 5, today.year + 11))
    calendar = _calendar(country, subdivision, years, english(country))
    return sorted({name_key(name) for day in calendar for name in calendar.get_list(day)})


def unknown_names(names: dict[str, Localized], country: str, subdivision: str | None,
                  today: date, source: YamlSource, prefix: tuple) -> list[Problem]:
    """Names given for holidays the library does not know (a typo would never be shown)."""
    unknown = [key for key in names if key not in known_names(country, subdivision, today)]
    if not unknown:
        return []
    listed = "; ".join(known_names(country, subdivision, today))
    return [problem(source, (*prefix, key),
                    msg("'{key}' is not a public holiday of {country} known to the holidays "
                        "library; names are keyed by the library's English name, one of: "
                        "{listed}", key=key, country=country, listed=listed))
            for key in unknown]
