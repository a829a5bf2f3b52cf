"""All checks of a mission's typed data, for ``build.py check`` and before every build."""

from __future__ import annotations

from datetime import datetime

from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import Problem
from chancery.features.alerts.alerts import load_alerts
from chancery.features.consular.checks import consular_problems
from chancery.features.consular.pages import generated_paths, mission_today
from chancery.features.profile.relations import relations_problems


def data_problems(network: Network, entry: MissionEntry, now: datetime) -> list[Problem]:
    """Problems in the consular, hours, relations and alerts data the mission uses, as of
    the build's clock ``now`` (the data serves every language at once)."""
    today = mission_today(entry, now)
    problems = consular_problems(network, entry, today)
    problems += relations_problems(entry)
    problems += load_alerts(network, entry)[1]
    return problems


def generated_pages(network: Network, entry: MissionEntry) -> set[str]:
    """Pages made from data that a mission's pages may link to."""
    return generated_paths(network, entry)
