"""Load HQ's and a mission's alerts, check them, and pick those active at a moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from chancery.content.data.files import hq_data, mission_data
from chancery.content.data.validation import problem, validate_at
from chancery.content.data.zones import HQ_ZONE, mission_timezone, scheduled_moment
from chancery.content.loaders.yaml_source import YamlSource
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import ContentError, Problem, msg
from chancery.features.alerts.model import Alert, AlertsFile
from chancery.features.schedule import Scheduled

FILE = "alerts.yml"
SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class ScheduledAlert(Scheduled):
    """An alert with its moments resolved in its issuer's time zone."""

    alert: Alert



def _file_problems(alerts: AlertsFile, source: YamlSource) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for i, alert in enumerate(alerts.alerts):
        here = ("alerts", i)
        if alert.id in seen:
            problems.append(problem(source, here + ("id",),
                                    msg("alert id '{id}' is used twice (first on line "
                                        "{line}); give each alert its own id",
                                        id=alert.id,
                                        line=source.line_of(('alerts', seen[alert.id], 'id')))))
        seen.setdefault(alert.id, i)
        if alert.end is None:
            problems.append(problem(source, here,
                                    msg("no end: every alert needs one (e.g. end: 2027-03-31) "
                                        "so that it disappears by itself at the next build "
                                        "after it")))
        for name in ("title", "body"):
            if DEFAULT_LANGUAGE not in getattr(alert, name).root:
                problems.append(problem(source, here + (name,),
                                        msg("no Vietnamese text; add '{default_language}: ...' "
                                            "(every alert needs it; pages in a language the "
                                            "alert lacks show it in English or Vietnamese)",
                                            default_language=DEFAULT_LANGUAGE)))
    return problems


def _load(source: YamlSource | None, scope: str, tz: ZoneInfo, problems: list[Problem]
          ) -> list[ScheduledAlert]:
    if source is None:
        return []
    try:
        alerts = validate_at(AlertsFile, source.data, source)
    except ContentError as exc:
        problems += exc.problems
        return []
    found = _file_problems(alerts, source)
    problems += found
    scheduled = []
    for i, alert in enumerate(alerts.alerts):
        if alert.end is None:
            continue
        starts = scheduled_moment(alert.start, tz, end=False)
        ends = scheduled_moment(alert.end, tz, end=True)
        if ends <= starts:
            problems.append(problem(source, ("alerts", i, "end"),
                                    msg("end {end} is before start {start}; the alert would "
                                        "never show: put the last day (or moment) of the alert "
                                        "in 'end'",
                                        end=alert.end.isoformat(), start=alert.start.isoformat())))
            continue
        scheduled.append(ScheduledAlert(scope, starts, ends, alert=alert))
    return scheduled


def load_alerts(network: Network, entry: MissionEntry) -> tuple[list[ScheduledAlert],
                                                                 list[Problem]]:
    """HQ's alerts (every mission) and the mission's own, with every problem found."""
    problems: list[Problem] = []
    hq = _load(hq_data(network, FILE), "hq", HQ_ZONE, problems)
    own = _load(mission_data(entry, FILE), entry.id, mission_timezone(entry), problems)
    return hq + own, problems


def active_alerts(network: Network, entry: MissionEntry, moment: datetime) -> list[ScheduledAlert]:
    """Alerts to show at ``moment``, most severe first; raise if any alert is invalid."""
    alerts, problems = load_alerts(network, entry)
    if problems:
        raise ContentError(problems)
    active = [a for a in alerts if a.active_at(moment)]
    return sorted(active, key=lambda a: (SEVERITY_ORDER[a.alert.severity], -a.starts.timestamp()))
