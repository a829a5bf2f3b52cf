"""Where a mission publishes, as a comparable identity; no two missions may share one.

Two targets conflict when publishing to one could change what the other serves: the
same git remote and branch; the same SSH host with one path inside the other; the same
bucket (at the same endpoint) with one prefix inside the other.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError

from chancery.errors import ContentError, Problem, display_path
from chancery.loaders.yaml_source import load_yaml_file
from chancery.model.mission import GitTarget, PublishTarget, S3Target, SshTarget
from chancery.model.network import MISSION_FILE, MissionEntry, mission_dirs

_SCP_LIKE = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?!//)(?P<path>.+)$")
_TARGET = TypeAdapter(PublishTarget)


@dataclass(frozen=True)
class TargetIdentity:
    """``method`` + ``location`` name a place; ``scope`` is a branch, a path or a prefix."""

    method: str
    location: str
    scope: str

    def overlaps(self, other: TargetIdentity) -> bool:
        if (self.method, self.location) != (other.method, other.location):
            return False
        if self.method == "git":
            return self.scope == other.scope
        if self.method == "s3":  # prefixes are "" (the whole bucket) or end with "/"
            return self.scope.startswith(other.scope) or other.scope.startswith(self.scope)
        return _nested(self.scope, other.scope)

    def __str__(self) -> str:
        joiner = {"git": " branch ", "ssh": ":", "s3": "/"}[self.method]
        return f"{self.method} {self.location}{joiner}{self.scope}"


def _nested(a: str, b: str) -> bool:
    """True when folder ``a`` is ``b`` or inside it, or the other way round."""
    a, b = a.rstrip("/") + "/", b.rstrip("/") + "/"
    return a.startswith(b) or b.startswith(a)


def git_location(remote: str) -> str:
    """A remote's host and path, so ``git@host:org/repo.git`` equals ``https://host/org/repo``."""
    remote = remote.strip()
    if "://" in remote:
        parts = urlsplit(remote)
        if parts.scheme == "file":
            return "file:" + posixpath.normpath(parts.path)
        location = f"{(parts.hostname or '').lower()}/{parts.path.lstrip('/')}"
    elif (match := _SCP_LIKE.match(remote)) and not remote.startswith(("/", ".")):
        location = f"{match['host'].lower()}/{match['path'].lstrip('/')}"
    else:
        return "file:" + str(Path(remote).expanduser().resolve())
    location = location.rstrip("/").removesuffix(".git").rstrip("/")
    return location.lower()


def identity(target: GitTarget | SshTarget | S3Target) -> TargetIdentity:
    """The comparable identity of a publish target."""
    if isinstance(target, GitTarget):
        return TargetIdentity("git", git_location(target.remote), target.branch)
    if isinstance(target, SshTarget):
        return TargetIdentity("ssh", target.host.lower().rstrip("."),
                              posixpath.normpath(target.path))
    endpoint = (target.endpoint or "aws").lower().rstrip("/")
    prefix = target.prefix.strip("/")
    return TargetIdentity("s3", f"{endpoint} {target.bucket}", prefix + "/" if prefix else "")


def declared_targets(content_dir: Path, skip: str) -> tuple[list, list[Problem]]:
    """``(mission id, file, line, identity)`` for every other mission declaring a target.

    Only the ``publish:`` section is read, so a problem elsewhere in another mission's
    file does not block this publish; a ``publish:`` section that cannot be read does.
    """
    found, problems = [], []
    for folder in mission_dirs(content_dir):
        if folder.name == skip:
            continue
        path = folder / MISSION_FILE
        if not path.is_file():
            continue
        try:
            source = load_yaml_file(path, display_path(path))
        except ContentError as exc:
            problems += exc.problems
            continue
        raw = source.data.get("publish") if isinstance(source.data, dict) else None
        if raw is None:
            continue
        line = source.line_of(("publish",))
        try:
            target = _TARGET.validate_python(raw)
        except ValidationError:
            problems.append(Problem(source.file, line, "publish",
                                    "cannot tell which hosting this mission declares, so no "
                                    "other mission may publish until it is fixed; correct it "
                                    "(python3 build.py check shows how)"))
            continue
        found.append((folder.name, source.file, line, identity(target)))
    return found, problems


def check_no_conflict(entry: MissionEntry, content_dir: Path) -> TargetIdentity:
    """The mission's target identity; raise :class:`ContentError` if another mission shares it."""
    target = entry.mission.publish
    line = entry.source.line_of(("publish",))
    if target is None:
        raise ContentError([Problem(entry.source.file, line, "publish",
                                    f"mission {entry.id} has no publish: section, so it has "
                                    "nowhere to publish to; HQ adds one (method: git, ssh or s3)")])
    mine = identity(target)
    others, problems = declared_targets(content_dir, skip=entry.id)
    for other_id, other_file, other_line, theirs in others:
        if mine.overlaps(theirs):
            problems.append(Problem(
                entry.source.file, line, "publish",
                f"refused: {mine} overlaps {theirs}, which mission {other_id} declares "
                f"({other_file}:{other_line}); every mission publishes to its own hosting, "
                "so HQ must correct one of the two"))
    if problems:
        raise ContentError(problems)
    return mine
