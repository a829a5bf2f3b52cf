"""HQ's and a mission's crises: checked, resolved in time, and picked at a moment.

A crisis switches every page of a mission to the emergency layout from ``start`` until
``end`` (see :mod:`chancery.features.crisis.layout`). Its end is mandatory and at most
:data:`MAX_DAYS` after its start, so a crisis nobody remembers to switch off ends by
itself: the build's clock (``--now``) decides, and the incremental build notices the
moment because the start and end are date-times (or days) written in the content.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from chancery.content.data.validation import problem as located
from chancery.content.data.zones import HQ_ZONE, mission_timezone, scheduled_moment
from chancery.content.loaders.yaml_source import Path_, YamlSource
from chancery.content.model.crisis import MAX_DAYS, Crisis, CrisisText, HqCrisis
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.content.model.network import MissionEntry, Network, mission_dirs
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.features.schedule import Scheduled

FIELD = "crisis"


@dataclass(frozen=True)
class ScheduledCrisis(Scheduled):
    """A crisis with its moments resolved in its issuer's time zone."""

    crisis: Crisis


def problem(source: YamlSource, here: Path_, message: str, severity: str = "error"
            ) -> Problem:
    """A problem at the line of ``here`` in ``source``, its file shown as editors see it."""
    found = located(source, here, message, severity)
    return replace(found, file=display_path(found.file))



def _text_problems(text: CrisisText, source: YamlSource, here: Path_, languages: list[str],
                   who: str) -> list[Problem]:
    if DEFAULT_LANGUAGE not in text.root:
        return [problem(source, here, msg("no Vietnamese text; add '{default_language}: ...' "
                                          "(every crisis needs it: pages in a language the "
                                          "crisis lacks show the Vietnamese text)",
                                          default_language=DEFAULT_LANGUAGE))]
    return [problem(source, here, msg("no '{code}' text: readers of the '{code}' pages of {who} "
                                      "see the Vietnamese text; add '{code}: ...'",
                                      code=code, who=who), "warning")
            for code in languages if code not in text.root]


def _schedule(crisis: Crisis, scope: str, source: YamlSource, here: Path_, tz: ZoneInfo,
              problems: list[Problem]) -> ScheduledCrisis | None:
    """The crisis in time, or ``None`` (with the problem) if its dates cannot be used."""
    if crisis.end is None:
        problems.append(problem(source, here, msg("no end: every crisis needs one, at most "
                                                  "{max_days} days after its start (e.g. end: "
                                                  "{latest}), so that the site returns to its "
                                                  "normal layout by itself; write a new end if "
                                                  "the crisis goes on",
                                                  max_days=MAX_DAYS,
                                                  latest=_latest(crisis.start).isoformat())))
        return None
    starts = scheduled_moment(crisis.start, tz, end=False)
    ends = scheduled_moment(crisis.end, tz, end=True)
    if ends <= starts:
        problems.append(problem(source, here + ("end",),
                                msg("end {end} is not after start {start}: the crisis would "
                                    "never show; put its last day (or moment) in 'end'",
                                    end=crisis.end.isoformat(), start=crisis.start.isoformat())))
        return None
    if ends - starts > timedelta(days=MAX_DAYS):
        problems.append(problem(source, here + ("end",),
                                msg("end {end} is more than {max_days} days after start "
                                    "{start}; end it by {latest} at the latest and write a new "
                                    "end if the crisis goes on",
                                    end=crisis.end.isoformat(), max_days=MAX_DAYS,
                                    start=crisis.start.isoformat(),
                                    latest=_latest(crisis.start).isoformat())))
        return None
    return ScheduledCrisis(scope, starts, ends, crisis=crisis)


def _latest(start: date | datetime) -> date | datetime:
    """The last ``end`` allowed for ``start``, written the same way (a day or a time)."""
    if isinstance(start, datetime):
        return start + timedelta(days=MAX_DAYS)
    return start + timedelta(days=MAX_DAYS - 1)  # a day's end includes that day


def _covers(crisis: HqCrisis, mission_id: str) -> bool:
    return crisis.missions == "all" or mission_id in crisis.missions


def _hq_crises(network: Network, entry: MissionEntry, problems: list[Problem]
               ) -> list[ScheduledCrisis]:
    source, found = network.hq_source, []
    known = {folder.name for folder in mission_dirs(network.content_dir)}
    crises: list[HqCrisis] = list(getattr(network.hq, FIELD, None) or [])
    seen: dict[str, int] = {}
    for i, crisis in enumerate(crises):
        here = (FIELD, i)
        if crisis.id in seen:
            problems.append(problem(source, here + ("id",),
                                    msg("crisis id '{id}' is used twice (first on line "
                                        "{line}); give each crisis its own id",
                                        id=crisis.id,
                                        line=source.line_of((FIELD, seen[crisis.id], 'id')))))
        seen.setdefault(crisis.id, i)
        if crisis.missions != "all":
            for j, mission_id in enumerate(crisis.missions):
                if mission_id not in known:
                    problems.append(problem(source, here + ("missions", j),
                                            msg("no mission '{mission_id}'; write a mission "
                                                "folder's name, or 'missions: all'",
                                                mission_id=mission_id)))
        if not _covers(crisis, entry.id):
            continue
        who = f"mission {entry.id}"
        for name in ("title", "message"):
            problems += _text_problems(getattr(crisis, name), source, here + (name,),
                                       list(entry.mission.languages), who)
        scheduled = _schedule(crisis, "hq", source, here, HQ_ZONE, problems)
        if scheduled is not None:
            found.append(scheduled)
    return found


def _own_crisis(entry: MissionEntry, problems: list[Problem]) -> list[ScheduledCrisis]:
    crisis: Crisis | None = getattr(entry.mission, FIELD, None)
    if crisis is None:
        return []
    here, source = (FIELD,), entry.source
    for name in ("title", "message"):
        problems += _text_problems(getattr(crisis, name), source, here + (name,),
                                   list(entry.mission.languages), "the mission")
    scheduled = _schedule(crisis, entry.id, source, here, mission_timezone(entry), problems)
    return [] if scheduled is None else [scheduled]


def load_crises(network: Network, entry: MissionEntry) -> tuple[list[ScheduledCrisis],
                                                                list[Problem]]:
    """HQ's crises that cover the mission, then its own, with every problem found."""
    problems: list[Problem] = []
    found = _hq_crises(network, entry, problems) + _own_crisis(entry, problems)
    return found, problems


def crisis_problems(network: Network, entry: MissionEntry, *_args: object) -> list[Problem]:
    """The problems of the crises a mission is under (for ``check`` and every build)."""
    return load_crises(network, entry)[1]


def active_crises(network: Network, entry: MissionEntry, moment: datetime
                  ) -> list[ScheduledCrisis]:
    """The crises in force at ``moment``, the latest started first; raise on any error."""
    crises, problems = load_crises(network, entry)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    active = [c for c in crises if c.active_at(moment)]
    return sorted(active, key=lambda c: -c.starts.timestamp())
