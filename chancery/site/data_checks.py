"""The checks of a mission's typed data: consular services and hours, relations, alerts.

The assembly of every language runs them on the files it loaded for its features (each is
parsed once per load of the mission, see :mod:`chancery.content.data.files`), and
``build.py check`` runs them for the whole mission.
"""

from __future__ import annotations

from datetime import datetime

from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import Problem
from chancery.features.alerts.alerts import load_alerts
from chancery.features.consular.checks import consular_problems
from chancery.features.consular.pages import mission_today
from chancery.features.profile.relations import relations_problems


def data_problems(network: Network, entry: MissionEntry, now: datetime) -> list[Problem]:
    """Problems in the consular, hours, relations and alerts data the mission uses, as of
    the build's clock ``now`` (the data serves every language at once)."""
    today = mission_today(entry, now)
    problems = consular_problems(network, entry, today)
    problems += relations_problems(entry)
    problems += load_alerts(network, entry)[1]
    return problems
