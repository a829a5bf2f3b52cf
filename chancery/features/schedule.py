"""What HQ's and a mission's alerts and crises share: a record in force for a while."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Scheduled:
    """A record with its moments resolved in its issuer's time zone (see
    :func:`chancery.content.data.zones.scheduled_moment`): in force from ``starts``
    until just before ``ends``."""

    scope: str  # "hq" or the mission id
    starts: datetime
    ends: datetime

    def active_at(self, moment: datetime) -> bool:
        return self.starts <= moment < self.ends
