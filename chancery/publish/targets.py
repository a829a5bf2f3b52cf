"""Where a mission publishes, as a comparable identity; no two missions may share one.

Two targets conflict when publishing to one could change what the other serves: the
same git repository and branch; the same SSH machine with one path inside the other;
the same bucket (on the same S3 service) with one prefix inside the other.

Identities are normalised before they are compared, so that another spelling of the
same place does not slip through: a host is the set of its keys (see
:mod:`chancery.publish.hostnames`: ``localhost``, ``127.0.0.1`` and ``::1`` are one
machine, as are two names resolving to one address); ports are ignored (another port
of the same machine still reaches its disks); paths on this machine are resolved
through symlinks; ``git@host:org/repo.git`` equals ``https://host/org/repo``.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError

from chancery.content.loaders.content_files import file_link_problems
from chancery.content.loaders.yaml_source import load_yaml_file
from chancery.content.model.hq import HQ
from chancery.content.model.mission import GitTarget, PublishTarget, S3Target, SshTarget
from chancery.content.model.network import MISSION_FILE, MissionEntry, mission_dirs
from chancery.content.model.publish_fields import parse_remote
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.publish.hostnames import LOOPBACK, host_keys

_TARGET = TypeAdapter(PublishTarget)
Target = GitTarget | SshTarget | S3Target
AWS = "aws"


@dataclass(frozen=True)
class TargetIdentity:
    """``hosts`` (machine keys) + ``location`` name a place; ``scope`` is a branch, a path
    or a prefix within it; ``label`` is the target as written, for messages."""

    method: str
    hosts: frozenset[str]
    location: str
    scope: str
    label: str = ""

    def overlaps(self, other: TargetIdentity) -> bool:
        if self.method != other.method or not self.hosts & other.hosts:
            return False
        if self.location != other.location:
            return False
        if self.method == "git":
            return self.scope == other.scope
        if self.method == "s3":  # prefixes are "" (the whole bucket) or end with "/"
            return self.scope.startswith(other.scope) or other.scope.startswith(self.scope)
        return _nested(self.scope, other.scope)

    def __str__(self) -> str:
        return self.label or f"{self.method} {self.location} {self.scope}"


def _nested(a: str, b: str) -> bool:
    """True when folder ``a`` is ``b`` or inside it, or the other way round."""
    a, b = a.rstrip("/") + "/", b.rstrip("/") + "/"
    return a.startswith(b) or b.startswith(a)


def _real(path: str) -> str:
    """``path`` through every symlink on this machine (missing parts kept as written)."""
    return os.path.realpath(path)


def _host_of(target: Target) -> str | None:
    """The host name a target's identity depends on, ``None`` when there is none."""
    if isinstance(target, SshTarget):
        return target.host
    if isinstance(target, GitTarget):
        remote = parse_remote(target.remote)
        return remote.host or None
    if target.endpoint:
        return urlsplit(target.endpoint).hostname or ""
    return None


def identity(target: Target, keys: dict[str, frozenset[str]] | None = None) -> TargetIdentity:
    """The comparable identity of a publish target; ``keys`` from :func:`host_keys` (the
    target's host is resolved here when they are not given)."""
    host = _host_of(target)
    if host is not None and (keys is None or host not in keys):
        keys = {**(keys or {}), **host_keys([host])}
    machine = keys[host] if host is not None and keys is not None else frozenset()
    if isinstance(target, GitTarget):
        remote = parse_remote(target.remote)
        if remote.kind == "local":
            machine, path = frozenset({LOOPBACK}), _real(remote.path)
        else:
            path = _real(remote.path) if LOOPBACK in machine and remote.path.startswith("/") \
                else remote.path
        location = path.strip("/").removesuffix(".git").rstrip("/").lower()
        return TargetIdentity("git", machine, location, target.branch,
                              f"git {target.remote} branch {target.branch}")
    if isinstance(target, SshTarget):
        path = _real(target.path) if LOOPBACK in machine else posixpath.normpath(target.path)
        return TargetIdentity("ssh", machine, "", path, f"ssh {target.host}:{target.path}")
    aws = not target.endpoint or (host or "").endswith(".amazonaws.com")
    return TargetIdentity("s3", frozenset({AWS}) if aws else machine, target.bucket,
                          target.prefix,
                          f"s3 {target.endpoint or 'aws'} bucket {target.bucket}/{target.prefix}")


def identities(targets: Iterable[Target]) -> list[TargetIdentity]:
    """Identities of many targets, resolving all their host names at once."""
    targets = list(targets)
    keys = host_keys([h for h in map(_host_of, targets) if h])
    return [identity(target, keys) for target in targets]


@dataclass(frozen=True)
class Declared:
    """A mission's ``publish:`` section as written, with where it is."""

    mission: str
    file: str
    line: int
    target: Target
    remote_line: int = 0  # of ``publish.remote`` (git)
    host_line: int = 0  # of the field that names the host (see :func:`credential_host`)


def declared_targets(content_dir: Path, skip: str | None = None
                     ) -> tuple[list[Declared], list[Problem]]:
    """Every mission's publish target (but ``skip``'s), and the sections that cannot be read.

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
        links = file_link_problems(path, folder)
        if links:  # never read a file through a link that leaves its mission
            problems += links + [_unknown_hosting(path, folder.name)]
            continue
        try:
            source = load_yaml_file(path, display_path(path))
        except ContentError as exc:
            problems += [*exc.problems, _unknown_hosting(path, folder.name)]
            continue
        raw = source.data.get("publish") if isinstance(source.data, dict) else None
        if raw is None:
            continue
        line = source.line_of(("publish",))
        try:
            target = _TARGET.validate_python(raw)
        except ValidationError:
            problems.append(Problem(source.file, line, "publish",
                                    msg("cannot tell which hosting this mission declares, so no "
                                        "other mission may publish until it is fixed; correct "
                                        "it (python3 build.py check shows how)")))
            continue
        found.append(Declared(folder.name, source.file, line, target,
                              source.line_of(("publish", "remote")),
                              _host_line(source.line_of, target)))
    return found, problems


def _unknown_hosting(path: Path, mission: str) -> Problem:
    """Why another mission's unreadable ``mission.yml`` stops this publish: its problems are
    that mission's, but no one can tell whether it publishes to the same place."""
    return Problem(display_path(path), 0, "publish",
                   msg("this file cannot be read, so no one can tell which hosting mission "
                       "{mission} declares, and no other mission may publish until it is fixed "
                       "(two missions must never publish to the same place); HQ or {mission}'s "
                       "editors correct it (python3 build.py check --mission {mission} shows "
                       "how)", mission=mission))


def _refusal(mine: Declared, me: TargetIdentity, theirs: Declared,
             them: TargetIdentity) -> Problem:
    return Problem(mine.file, mine.line, "publish",
                   msg("refused: {me} is the same place as (or inside, or around) {them}, which "
                       "mission {mission} declares ({file}:{line}); every mission publishes to "
                       "its own hosting, so HQ must correct one of the two",
                       me=me, them=them, mission=theirs.mission, file=theirs.file,
                       line=theirs.line))


def credential_host(target: Target) -> tuple[str, str] | None:
    """``(host, field)``: the machine the publisher sends this target's credentials to and
    the ``publish.<field>`` that names it; ``None`` for a folder on this machine."""
    if isinstance(target, SshTarget):
        return target.host, "host"
    if isinstance(target, GitTarget):
        remote = parse_remote(target.remote)
        return (remote.host, "remote") if remote.kind != "local" else None
    if target.endpoint:
        return urlsplit(target.endpoint).hostname or "", "endpoint"
    return f"s3.{target.region}.amazonaws.com", "region"  # AWS, in the target's region


def _host_line(line_of: Callable[[tuple[str, ...]], int], target: Target) -> int:
    found = credential_host(target)
    return line_of(("publish", found[1])) if found else 0


def _unlisted_host(declared: Declared, hq: HQ) -> list[Problem]:
    found = credential_host(declared.target)
    if found is None or hq.publishing.allows_host(found[0]):
        return []
    host, field = found
    what = msg("S3 endpoint {host} (AWS in this region)", host=host) if field == "region" \
        else msg("host '{host}'", host=host)
    return [Problem(declared.file, declared.host_line or declared.line, f"publish.{field}",
                    msg("{what} is not one of HQ's publishing hosts, and the publisher sends "
                        "this network's credentials to it; write the hosting HQ gave this "
                        "mission, or ask HQ to add the host to publishing.hosts in "
                        "content/_hq/hq.yml", what=what))]


def policy_problems(declared: Declared, hq: HQ) -> list[Problem]:
    """What HQ's ``publishing:`` settings do not allow in one mission's target: a folder on
    the build machine (``local_git``), a host that is not on ``publishing.hosts``."""
    target = declared.target
    if isinstance(target, GitTarget) and not hq.publishing.local_git \
            and parse_remote(target.remote).kind == "local":
        return [Problem(declared.file, declared.remote_line or declared.line, "publish.remote",
                        msg("'{remote}' is a folder on the build machine, which this network "
                            "does not allow (HQ's hq.yml: publishing: local_git: false); write "
                            "an https:// or SSH remote", remote=target.remote))]
    return _unlisted_host(declared, hq)


def check_no_conflict(entry: MissionEntry, content_dir: Path,
                      hq: HQ | None = None) -> TargetIdentity:
    """The mission's target identity; raise :class:`ContentError` if another mission shares it
    (or, given HQ's settings, if they do not allow it)."""
    target = entry.mission.publish
    line = entry.source.line_of(("publish",))
    if target is None:
        raise ContentError([Problem(entry.source.file, line, "publish",
                                    msg("mission {id} has no publish: section, so it has "
                                        "nowhere to publish to; HQ adds one (method: git, ssh "
                                        "or s3)", id=entry.id))])
    mine = Declared(entry.id, entry.source.file, line, target,
                    entry.source.line_of(("publish", "remote")),
                    _host_line(entry.source.line_of, target))
    refused = policy_problems(mine, hq) if hq is not None else []
    if refused:  # before anything else, not even a resolver, hears of an unlisted host
        raise ContentError(refused)
    others, problems = declared_targets(content_dir, skip=entry.id)
    me, *them = identities([target, *(other.target for other in others)])
    for other, theirs in zip(others, them, strict=True):
        if me.overlaps(theirs):
            problems.append(_refusal(mine, me, other, theirs))
    if problems:
        raise ContentError(problems)
    return me


def network_conflicts(content_dir: Path, only: Iterable[str] | None = None,
                      hq: HQ | None = None) -> list[Problem]:
    """For ``build.py check``: every pair of missions whose targets are the same or nested,
    reported at the ``publish:`` line of the later one (of the checked one with ``only``),
    and, given HQ's settings, every target they do not allow.

    Sections that cannot be read are left to the schema check of their own mission."""
    declared, _ = declared_targets(content_dir)
    wanted = set(only) if only else None
    found = identities(d.target for d in declared)
    problems = [problem for d in declared if hq is not None
                and (wanted is None or d.mission in wanted) for problem in policy_problems(d, hq)]
    for j, (later, later_id) in enumerate(zip(declared, found, strict=True)):
        for earlier, earlier_id in zip(declared[:j], found[:j], strict=True):
            if not later_id.overlaps(earlier_id):
                continue
            if wanted is None or later.mission in wanted:
                problems.append(_refusal(later, later_id, earlier, earlier_id))
            elif earlier.mission in wanted:
                problems.append(_refusal(earlier, earlier_id, later, later_id))
    return problems
