"""Publish, roll back and list releases of one mission: the steps, in a safe order.

1. load and validate the mission; refuse a target that another mission declares;
2. read the finished build and verify its files against its manifest's build id;
3. compare with the live release: the same build is never published twice;
4. archive the release, upload it where readers cannot see it, then switch atomically;
5. once live, the archive is renamed into the mission's archive folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from chancery.content.model.mission import GitTarget, S3Target, SshTarget
from chancery.content.model.network import MissionEntry, load_network
from chancery.publish.archive import archive_file, clear_pending, pending_file, write_archive
from chancery.publish.base import Publisher
from chancery.publish.built import BuiltSite, load_built_site
from chancery.publish.credentials import (
    GIT_TOKEN,
    S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY,
    SSH_KEY,
    SSH_KNOWN_HOSTS,
    env_value,
)
from chancery.publish.factory import publisher_for
from chancery.publish.releases import Release, choose_rollback, release_name
from chancery.publish.targets import check_no_conflict

Say = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    """What a command did: ``published``, ``unchanged``, ``switched`` or ``planned``."""

    action: str
    release: str | None
    message: str


def mission_with_target(content_dir: Path, mission_id: str) -> MissionEntry:
    """The validated mission, after checking no other mission declares its target and that
    HQ's settings allow it."""
    network = load_network(content_dir, only=[mission_id])
    entry = network.missions[mission_id]
    check_no_conflict(entry, content_dir, network.hq)
    return entry


def required_variables(target: GitTarget | SshTarget | S3Target) -> list[str]:
    """The environment variables a publish to ``target`` needs."""
    if isinstance(target, SshTarget):
        return [SSH_KEY, SSH_KNOWN_HOSTS]
    if isinstance(target, S3Target):
        return [S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY]
    from chancery.publish.git_publisher import remote_kind

    return {"https": [GIT_TOKEN], "ssh": [SSH_KEY, SSH_KNOWN_HOSTS]}.get(
        remote_kind(target.remote), [])


def publish(content_dir: Path, mission_id: str, out: Path, archive_dir: Path, *,
            dry_run: bool = False, env: Mapping[str, str] | None = None,
            now: datetime | None = None, say: Say = print) -> Outcome:
    """Publish the finished build of ``mission_id`` from ``out`` to its own hosting."""
    entry = mission_with_target(content_dir, mission_id)
    target = entry.mission.publish
    site = load_built_site(out, mission_id)
    publisher = publisher_for(mission_id, target, env)
    say(f"{mission_id}: build {site.short_id} ({site.built_at or 'time unknown'}) "
        f"-> {publisher.describe()}")
    if dry_run:
        missing = [n for n in required_variables(target) if env_value(n, env) is None]
        note = f"; missing variables: {', '.join(missing)}" if missing else ""
        return Outcome("planned", None, f"dry run: build verified, target is this mission's "
                                        f"own; nothing contacted or changed{note}")
    with publisher:
        return _publish_opened(publisher, site, archive_dir, now, say)


def _publish_opened(publisher: Publisher, site: BuiltSite, archive_dir: Path,
                    now: datetime | None, say: Say) -> Outcome:
    live = publisher.live()
    if live is not None and live.matches_build(site.build_id):
        return Outcome("unchanged", live.name,
                       f"build {site.short_id} is already live as {live.name}; nothing changed")
    same = publisher.kept(site.build_id)
    if same is not None:
        publisher.activate(same)
        return Outcome("switched", same.name, f"build {site.short_id} was already uploaded as "
                                              f"{same.name}; switched to it")
    name = release_name(site.build_id, now)
    clear_pending(archive_dir, site.mission)
    pending = pending_file(archive_dir, site.mission, name)
    try:
        write_archive(site, pending, name, publisher.describe())
        say(f"{site.mission}: uploading release {name}")
        publisher.publish(site, name, pending)
        final = archive_file(archive_dir, site.mission, name)
        os.replace(pending, final)
    finally:
        pending.unlink(missing_ok=True)
    return Outcome("published", name, f"release {name} is live; archived as {final}")


def rollback(content_dir: Path, mission_id: str, to: str | None = None, *,
             env: Mapping[str, str] | None = None) -> Outcome:
    """Switch the mission's live site back to an earlier kept release."""
    entry = mission_with_target(content_dir, mission_id)
    with publisher_for(mission_id, entry.mission.publish, env) as publisher:
        kept = publisher.releases()
        hint = f" (the target keeps {publisher.keep})" if publisher.keep else ""
        chosen = choose_rollback(kept, to, hint)
        publisher.activate(chosen)
    return Outcome("switched", chosen.name, f"{mission_id} now serves release {chosen.name}")


def hosted_releases(content_dir: Path, mission_id: str, *,
                    env: Mapping[str, str] | None = None) -> tuple[str, list[Release]]:
    """The target in words and the releases kept there, oldest first."""
    entry = mission_with_target(content_dir, mission_id)
    with publisher_for(mission_id, entry.mission.publish, env) as publisher:
        return publisher.describe(), publisher.releases()
