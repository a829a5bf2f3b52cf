"""Release names and choosing the release a rollback goes back to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from chancery.core.clock import wall_now
from chancery.publish.errors import PublishError

SHORT_ID = 12
_NAME = re.compile(r"^(\d{8}T\d{6}Z)-([0-9a-f]{12})$")
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Release:
    """One release kept on a mission's hosting."""

    name: str
    build_id: str  # the full id, or its first 12 hex digits where only those are kept
    live: bool = False

    @property
    def published_at(self) -> datetime | None:
        parsed = parse_release_name(self.name)
        return parsed[0] if parsed else None

    def matches_build(self, build_id: str) -> bool:
        """True when this release holds the build ``build_id`` (full id)."""
        short = min(len(self.build_id), len(build_id))
        return short >= SHORT_ID and self.build_id[:short] == build_id[:short]


def release_name(build_id: str, when: datetime | None = None) -> str:
    """``<UTC time>-<first 12 hex digits of the build id>``, e.g. ``20250102T030405Z-ab12…``."""
    when = (when or wall_now()).astimezone(UTC)
    return f"{when.strftime(_STAMP)}-{build_id[:SHORT_ID]}"


def parse_release_name(name: str) -> tuple[datetime, str] | None:
    """``(published_at, short build id)`` of a release name, or ``None`` if it is not one."""
    match = _NAME.match(name)
    if not match:
        return None
    return datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC), match[2]


def is_release_name(name: str) -> bool:
    return _NAME.match(name) is not None


def choose_rollback(releases: list[Release], to: str | None, keep_hint: str = "") -> Release:
    """The release to switch back to: ``to`` (a name or build id prefix), else the one before live.

    ``releases`` is ordered oldest first. Raises :class:`PublishError` with the list of
    kept releases when nothing suitable exists.
    """
    kept = ", ".join(r.name + (" (live)" if r.live else "") for r in releases) or "none"
    live = next((r for r in releases if r.live), None)
    if to:
        found = [r for r in releases if r.name == to]
        if not found and len(to) >= 6:
            found = [r for r in releases if r.name.startswith(to) or r.build_id.startswith(to)]
        if not found:
            raise PublishError(f"no kept release matches '{to}'; kept releases: {kept}")
        if len({r.name for r in found}) > 1:
            names = ", ".join(r.name for r in found)
            raise PublishError(f"'{to}' matches several releases ({names}); "
                               "give the full release name")
        chosen = found[0]
        if chosen.live:
            raise PublishError(f"{chosen.name} is already live; nothing to roll back")
        return chosen
    if live is None:
        raise PublishError(f"nothing is live yet, so there is nothing to roll back; kept: {kept}")
    earlier = releases[: releases.index(live)]
    if not earlier:
        raise PublishError(f"no release older than the live one {live.name} is kept{keep_hint}; "
                           f"kept releases: {kept}")
    return earlier[-1]
