"""``method: ssh`` against a real sshd + rsync, with nginx serving ``<path>/current``."""

from __future__ import annotations

import os
from pathlib import Path

from chancery.pipeline.digest import tree_digest
from chancery.publish.archive import list_archives
from tests.publish.conftest import (
    http_get,
    kill_group,
    run_cli,
    site_version,
    start_cli,
    wait_until,
    write_build,
    write_network,
)

MISSION = "fr-lyon"


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` with its inode, size, times and link target."""
    found = {}
    for entry in sorted(folder.rglob("*")):
        info = entry.lstat()
        link = os.readlink(entry) if entry.is_symlink() else None
        found[entry.relative_to(folder).as_posix()] = (info.st_ino, info.st_size,
                                                       info.st_mtime_ns, link)
    return found


def count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def complete_releases(target: Path) -> list[str]:
    return sorted(p.name for p in (target / "releases").iterdir() if not p.name.startswith("."))


class Setup:
    def __init__(self, tmp_path: Path, sshd, keep: int = 3, others: dict | None = None) -> None:
        self.target = tmp_path / "srv" / MISSION
        self.content = write_network(tmp_path, {MISSION: sshd.publish_yaml(self.target, keep),
                                                **(others or {})})
        self.out, self.archive = tmp_path / "site", tmp_path / "archive"
        self.env = sshd.env()

    def args(self, command: str, mission: str = MISSION, *extra: str) -> list[str]:
        more = ["--out", str(self.out)] if command == "publish" else []
        if command in ("publish", "releases"):
            more += ["--archive", str(self.archive)]
        return [command, "--mission", mission, "--content", str(self.content), *more, *extra]

    def publish(self, *extra: str, env: dict | None = None, mission: str = MISSION):
        return run_cli(self.args("publish", mission, *extra), env or self.env)

    @property
    def live(self) -> str:
        return os.readlink(self.target / "current")


def upload_under_way(releases: Path) -> bool:
    """Whether rsync is writing into a hidden incoming folder (which it renames when done)."""
    try:
        return any(releases.glob(".incoming-*/bulk/*.bin"))
    except FileNotFoundError:  # renamed while we looked: the upload just finished
        return False


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_publish_switches_atomically_and_the_same_build_twice_changes_nothing(
        tmp_path, sshd, nginx_for):
    s = Setup(tmp_path, sshd, keep=2)
    v1 = write_build(s.out, MISSION, site_version("v1"))
    ok(s.publish())
    base = nginx_for(s.target)
    assert http_get(base + "/") == (200, b"<h1>home v1</h1>")
    assert http_get(base + "/fr/") == (200, b"<h1>accueil v1</h1>")
    assert s.live.endswith(v1[:12])

    before = snapshot(s.target)
    again = ok(s.publish())
    assert "already live" in again
    assert snapshot(s.target) == before, "publishing the live build again changed the target"

    # v2: slow the transfer down and watch what readers get while it runs
    v2 = write_build(s.out, MISSION, site_version("v2", extra=60, size=16_000))
    proc = start_cli(s.args("publish"), {**s.env, "CHANCERY_RSYNC_OPTIONS": "--bwlimit=300"})
    seen: list[tuple[bool, bytes]] = []
    while proc.poll() is None:
        uploading = upload_under_way(s.target / "releases")
        seen.append((uploading, http_get(base + "/")[1]))
    output = proc.stdout.read()
    assert proc.returncode == 0, output
    bodies = [body for _, body in seen]
    assert set(bodies) <= {b"<h1>home v1</h1>", b"<h1>home v2</h1>"}
    assert (True, b"<h1>home v1</h1>") in seen, "no request was seen during the upload"
    switch = bodies.index(b"<h1>home v2</h1>") if b"<h1>home v2</h1>" in bodies else len(bodies)
    assert all(body == b"<h1>home v1</h1>" for body in bodies[:switch])
    assert all(body == b"<h1>home v2</h1>" for body in bodies[switch:]), "flipped back"
    assert http_get(base + "/bulk/0059.bin")[0] == 200
    assert s.live.endswith(v2[:12])

    # unchanged files are hard links into the previous release (rsync --link-dest)
    shared = [s.target / "releases" / name / "shared.txt" for name in complete_releases(s.target)]
    assert shared[0].stat().st_ino == shared[1].stat().st_ino

    # keep: 2 -> the oldest release is pruned; every release stays archived, here and there
    v3 = write_build(s.out, MISSION, site_version("v3"))
    ok(s.publish())
    assert [name[-12:] for name in complete_releases(s.target)] == [v2[:12], v3[:12]]
    archived = list_archives(s.archive, MISSION)
    assert [a.build_id for a in archived] == [v1, v2, v3]
    assert sorted(p.name for p in (s.target / "archive").iterdir()) == \
        [a.path.name for a in archived]
    listing = ok(run_cli(s.args("releases"), s.env))
    assert all(a.name in listing for a in archived)
    remote = ok(run_cli(s.args("releases", MISSION, "--remote"), s.env))
    assert f"{complete_releases(s.target)[-1]}  {v3[:12]}  live" in remote


def test_rollback_switches_back_and_forth(tmp_path, sshd, nginx_for):
    s = Setup(tmp_path, sshd)
    write_build(s.out, MISSION, site_version("v1"))
    ok(s.publish())
    first = s.live
    v2 = write_build(s.out, MISSION, site_version("v2"))
    ok(s.publish())
    second = s.live
    base = nginx_for(s.target)
    assert http_get(base + "/")[1] == b"<h1>home v2</h1>"

    out = ok(run_cli(s.args("rollback"), s.env))
    assert first.split("/")[-1] in out
    assert s.live == first
    assert http_get(base + "/")[1] == b"<h1>home v1</h1>"

    nothing_older = run_cli(s.args("rollback"), s.env)
    assert nothing_older.returncode == 1
    assert "no release older than the live one" in nothing_older.stderr

    ok(run_cli(s.args("rollback", MISSION, "--to", v2[:8]), s.env))
    assert s.live == second
    assert http_get(base + "/")[1] == b"<h1>home v2</h1>"

    # publishing a build that is already kept switches to it instead of uploading again
    ok(run_cli(s.args("rollback"), s.env))
    releases_before = complete_releases(s.target)
    switched = ok(s.publish())
    assert "switched to it" in switched
    assert s.live == second and complete_releases(s.target) == releases_before


def test_publish_killed_mid_transfer_leaves_the_live_site_exactly_as_it_was(
        tmp_path, sshd, nginx_for):
    s = Setup(tmp_path, sshd)
    v1_files = site_version("v1", extra=20, size=4_000)
    write_build(s.out, MISSION, v1_files)
    ok(s.publish())
    base = nginx_for(s.target)
    served_before = {rel: http_get(f"{base}/{rel}") for rel in v1_files}
    assert all(status == 200 for status, _ in served_before.values())
    link_before, digest_before = s.live, tree_digest(s.target / "current")
    releases_before = complete_releases(s.target)

    write_build(s.out, MISSION, site_version("v2", extra=300, size=16_000))  # ~4.8 MB
    proc = start_cli(s.args("publish"), {**s.env, "CHANCERY_RSYNC_OPTIONS": "--bwlimit=200"})
    releases = s.target / "releases"
    files_before = count_files(releases)
    wait_until(lambda: proc.poll() is not None or count_files(releases) >= files_before + 5,
               "the upload to start")
    assert proc.poll() is None, "the publish ended before it could be killed: " + \
        proc.stdout.read()
    kill_group(proc)

    assert s.live == link_before
    assert tree_digest(s.target / "current") == digest_before
    assert complete_releases(s.target) == releases_before
    assert {rel: http_get(f"{base}/{rel}") for rel in v1_files} == served_before
    assert len(list_archives(s.archive, MISSION)) == 1, "a release never live was archived"

    # the next publish finishes the job and clears the partial upload
    ok(s.publish())
    assert http_get(base + "/")[1] == b"<h1>home v2</h1>"
    assert not list(releases.glob(".incoming-*"))
    assert len(list_archives(s.archive, MISSION)) == 2


def test_a_target_another_mission_declares_is_refused(tmp_path, sshd):
    other = sshd.publish_yaml(tmp_path / "srv" / MISSION / "releases")  # inside fr-lyon's
    s = Setup(tmp_path, sshd, others={"fr-nice": other})
    write_build(s.out, MISSION, site_version("v1"))
    refused = s.publish()
    assert refused.returncode == 1
    assert "refused" in refused.stderr and "fr-nice" in refused.stderr
    assert not s.target.exists(), "the refused publish contacted the server"

    write_build(s.out, "fr-nice", site_version("nice"))
    refused = s.publish(mission="fr-nice")
    assert refused.returncode == 1 and "fr-lyon" in refused.stderr
    assert not s.target.exists()


def test_a_server_with_an_unknown_host_key_is_refused(tmp_path, sshd):
    s = Setup(tmp_path, sshd)
    write_build(s.out, MISSION, site_version("v1"))
    wrong = sshd.known_hosts.split()[0] + " ssh-ed25519 " \
        "AAAAC3NzaC1lZDI1NTE5AAAAIG6rJ2Ywq0cG1k2bRZC3m3o4P1F0xHk6ZbG2pXJxYQ4R\n"
    refused = s.publish(env={**s.env, "CHANCERY_SSH_KNOWN_HOSTS": wrong})
    assert refused.returncode == 1
    assert "Host key verification failed" in refused.stderr
    assert not s.target.exists()


def test_credentials_come_from_the_environment_only(tmp_path, sshd):
    s = Setup(tmp_path, sshd)
    write_build(s.out, MISSION, site_version("v1"))
    env = {k: v for k, v in s.env.items() if not k.startswith("CHANCERY_")}
    missing = s.publish(env=env)
    assert missing.returncode == 1
    assert "CHANCERY_SSH_KEY" in missing.stderr and "CHANCERY_SSH_KNOWN_HOSTS" in missing.stderr
    ok(s.publish(env=sshd.env(key_as_text=False)))  # a path to the key works too
    assert (s.target / "current" / "index.html").read_text() == "<h1>home v1</h1>"
