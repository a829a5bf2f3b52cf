"""Which missions need a rebuild: from a git diff, or from scheduled content changing state.

A change under ``content/<id>/`` affects that mission; a change to what every site is
built from (themes, plugins, ``mkdocs.yml``, ``content/_hq/``, the Python code and its
pins) affects them all; documentation, tests and CI files affect none. Any other path
affects them all, because building too much is safe and building too little is not.

Scheduled runs select the missions whose site may change by time alone (see
:func:`scheduled_changes`).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path

from chancery.content.data.zones import (
    HQ_ZONE,  # HQ writes times without an offset in Viet Nam's time
    mission_timezone,
    parse_moment,
)
from chancery.content.loaders.frontmatter import read_markdown
from chancery.content.loaders.yaml_source import load_yaml_file
from chancery.content.model.network import HQ_DIR, MISSION_FILE, load_mission, mission_dirs
from chancery.core.errors import ContentError

EVERY_MISSION = ("themes/", "plugins/", "mkdocs.yml", "pyproject.toml", "requirements.lock",
                 "chancery/", "build.py", "overrides/")
NO_MISSION = ("docs/", "docs-drafts/", "tests/", ".github/", ".ci/", "benchmarks/",
              "LICENSE", ".gitignore", ".gitattributes", ".editorconfig")
ALL = "*"


@dataclass
class Affected:
    """The missions to rebuild, and for each (or for ``*``, all of them) the reasons."""

    missions: list[str]
    reasons: dict[str, list[str]] = field(default_factory=dict)

    @property
    def everything(self) -> bool:
        return ALL in self.reasons


class GitRangeError(Exception):
    """The diff could not be computed (unknown commit, no common history)."""


def classify(path: str, content: str = "content") -> str | None:
    """The mission id a changed ``path`` affects, :data:`ALL`, or ``None`` for no mission."""
    content = content.strip("/")
    if path.startswith(content + "/"):
        rest = path[len(content) + 1:]
        head, _, tail = rest.partition("/")
        if not tail:  # a file directly in content/
            return None if head.lower().endswith((".md", ".txt")) else ALL
        if head.startswith(("_", ".")):
            return ALL  # _hq/ and any other shared folder
        return head
    if path.startswith(EVERY_MISSION) or path in {p.rstrip("/") for p in EVERY_MISSION}:
        return ALL
    if path.startswith(NO_MISSION) or path.upper().startswith("README"):
        return None
    if "/" not in path and path.lower().endswith((".md", ".txt")):
        return None
    return ALL


def affected_by(paths: Iterable[str], missions: list[str], content: str = "content") -> Affected:
    """Missions touched by ``paths`` (repository-relative, POSIX); unknown ids are dropped."""
    reasons: dict[str, list[str]] = {}
    for path in paths:
        target = classify(path, content)
        if target is not None:
            reasons.setdefault(target, []).append(path)
    if ALL in reasons:
        return Affected(sorted(missions), reasons)
    return Affected(sorted(m for m in reasons if m in missions), reasons)


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitRangeError(message)
    return result.stdout


def changed_paths(repo: Path, base: str, head: str = "HEAD") -> list[str]:
    """Paths changed on ``head`` since it forked from ``base`` (renames count twice)."""
    if not base or re.fullmatch(r"0+", base):
        raise GitRangeError(f"no base commit ('{base}'), e.g. the first push of a branch")
    for ref in (base, head):
        _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    out = _git(repo, "diff", "--name-only", "--no-renames", "-z", f"{base}...{head}")
    return [p for p in out.split("\0") if p]


def repo_relative(repo: Path, folder: Path) -> str:
    """``folder`` relative to the top of the git work tree containing ``repo``."""
    top = Path(_git(repo, "rev-parse", "--show-toplevel").strip()).resolve()
    try:
        return folder.resolve().relative_to(top).as_posix()
    except ValueError:
        raise GitRangeError(f"{folder} is not inside the repository {top}") from None


def known_missions(content_dir: Path) -> list[str]:
    """Mission ids: folders of ``content_dir`` holding a ``mission.yml``."""
    return [d.name for d in mission_dirs(content_dir) if (d / MISSION_FILE).is_file()]


def affected_since(content_dir: Path, base: str, head: str = "HEAD") -> Affected:
    """Missions affected by the commits on ``head`` since ``base``, in ``content_dir``'s repo."""
    repo = Path(content_dir)
    paths = changed_paths(repo, base, head)
    return affected_by(paths, known_missions(content_dir), repo_relative(repo, repo))


# -- scheduled content ---------------------------------------------------------------------


def _values(data: object) -> Iterable[tuple[str, object]]:
    """``(key, value)`` for every scalar in nested YAML data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                yield from _values(value)
            else:
                yield str(key), value
    elif isinstance(data, list):
        for item in data:
            yield from ([("", item)] if not isinstance(item, dict | list) else _values(item))


def moments(folder: Path, zone: tzinfo) -> Iterable[tuple[str, str, datetime]]:
    """``(file, key, moment)`` for every date-time in a folder's YAML and front matter.

    Every key counts (a post's ``date:``/``expires:``, an alert's ``start:``/``end:``,
    whatever comes next), so new scheduled content needs no change here. Unreadable files
    are skipped: ``build.py check`` reports them, and a scheduled run must not stop on one.
    """
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            reader = load_yaml_file
        elif path.suffix == ".md":
            def reader(p: Path) -> object:
                return read_markdown(p).meta
        else:
            continue
        try:
            data = reader(path).data
        except ContentError:
            continue
        for key, value in _values(data):
            if (when := parse_moment(value, zone)) is not None:
                yield path.as_posix(), key, when


def mission_zone(folder: Path) -> tzinfo:
    """The time zone of the mission in ``folder`` (:func:`mission_timezone`'s; UTC if the
    mission cannot be loaded)."""
    try:
        entry, _problems = load_mission(folder)
    except ContentError:
        return UTC
    return mission_timezone(entry)


def _midnight_in(start: datetime, end: datetime, zone: tzinfo) -> datetime | None:
    """A local midnight of ``zone`` in ``(start, end]``, if any."""
    local = end.astimezone(zone)
    midnight = datetime.combine(local.date(), time(0), tzinfo=zone)
    return midnight if start < midnight <= end else None


def scheduled_changes(content_dir: Path, now: datetime, window: timedelta) -> Affected:
    """Missions whose built site may have changed in ``(now - window, now]`` by time alone.

    That is: a date-time in the mission's (or HQ's) content falls in the window — a post
    going live or expiring, an alert starting or ending — or the mission's local midnight
    does, when everything that depends on the day (dated posts and alerts, upcoming
    closures, review dates) rolls over. Scheduled runs overlap their windows, so a late
    run misses nothing; a mission rebuilt with unchanged content has the same build id,
    and publishing it again changes nothing.
    """
    start = now - window
    reasons: dict[str, list[str]] = {}
    for folder in mission_dirs(content_dir):
        if not (folder / MISSION_FILE).is_file():
            continue
        zone = mission_zone(folder)
        if (midnight := _midnight_in(start, now, zone)) is not None:
            reasons.setdefault(folder.name, []).append(f"local midnight {midnight.isoformat()}")
        for file, key, when in moments(folder, zone):
            if start < when <= now:
                reasons.setdefault(folder.name, []).append(f"{file}: {key}: {when.isoformat()}")
    for file, key, when in moments(content_dir / HQ_DIR, HQ_ZONE):
        if start < when <= now:
            reasons.setdefault(ALL, []).append(f"{file}: {key}: {when.isoformat()}")
    missions = known_missions(content_dir)
    chosen = missions if ALL in reasons else [m for m in missions if m in reasons]
    return Affected(sorted(chosen), reasons)
