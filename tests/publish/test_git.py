"""``method: git`` against real bare repositories: a local path and one served over sshd."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from chancery.publish.archive import list_archives
from tests.publish.conftest import (
    base_env,
    kill_group,
    program,
    run_cli,
    site_version,
    start_cli,
    wait_until,
    write_build,
    write_network,
)

MISSION = "fr-lyon"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), *args], check=True,
                          capture_output=True, text=True).stdout


def served(repo: Path, branch: str = "gh-pages") -> dict[str, bytes]:
    """What GitHub Pages would serve: every file of the branch tip."""
    names = git(repo, "ls-tree", "-r", "--name-only", branch).split()
    return {name: subprocess.run(["git", "--git-dir", str(repo), "show", f"{branch}:{name}"],
                                 check=True, capture_output=True).stdout for name in names}


def expected(files: dict[str, bytes | str]) -> dict[str, bytes]:
    return {".nojekyll": b"", **{k: v.encode() if isinstance(v, str) else v
                                 for k, v in files.items()}}


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    program("git")
    repo = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(repo)], check=True)
    return repo


class Setup:
    def __init__(self, tmp_path: Path, remote: str, env: dict[str, str]) -> None:
        self.content = write_network(tmp_path, {MISSION: f"method: git\nremote: {remote}\n"})
        self.out, self.archive, self.env = tmp_path / "site", tmp_path / "archive", env

    def args(self, command: str, *extra: str) -> list[str]:
        more = ["--out", str(self.out)] if command == "publish" else []
        if command in ("publish", "releases"):
            more += ["--archive", str(self.archive)]
        return [command, "--mission", MISSION, "--content", str(self.content), *more, *extra]

    def run(self, command: str, *extra: str) -> str:
        result = run_cli(self.args(command, *extra), self.env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout


def test_publish_pushes_one_commit_per_release_and_rollback_adds_one(tmp_path, bare):
    s = Setup(tmp_path, str(bare), base_env())
    v1_files = site_version("v1")
    v1 = write_build(s.out, MISSION, v1_files)
    s.run("publish")
    assert served(bare) == expected(v1_files)
    first = git(bare, "rev-parse", "gh-pages").strip()
    message = git(bare, "log", "-1", "--format=%B", "gh-pages")
    assert f"Chancery-Build-Id: {v1}" in message and f"Chancery-Mission: {MISSION}" in message

    assert "already live" in s.run("publish")
    assert git(bare, "rev-parse", "gh-pages").strip() == first, "same build pushed twice"

    v2_files = site_version("v2")
    write_build(s.out, MISSION, v2_files)
    s.run("publish")
    assert served(bare) == expected(v2_files)
    second = git(bare, "rev-parse", "gh-pages").strip()
    assert git(bare, "rev-parse", "gh-pages^").strip() == first, "history was rewritten"

    s.run("rollback")
    assert served(bare) == expected(v1_files)
    assert git(bare, "rev-parse", "gh-pages^").strip() == second, "rollback must not force-push"
    listing = s.run("releases", "--remote")
    assert listing.splitlines()[1].endswith("live") and v1[:12] in listing.splitlines()[1]
    assert len(list_archives(s.archive, MISSION)) == 2


def test_publish_killed_mid_push_leaves_the_branch_as_it_was(tmp_path, bare):
    s = Setup(tmp_path, str(bare), base_env())
    v1_files = site_version("v1")
    write_build(s.out, MISSION, v1_files)
    s.run("publish")
    before = git(bare, "rev-parse", "gh-pages").strip()

    # the server holds the push after receiving the objects, before it moves the branch
    arrived, go = tmp_path / "arrived", tmp_path / "go"
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\ntouch {arrived}\n"
                    f"i=0; while [ ! -e {go} ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\n")
    hook.chmod(0o755)
    write_build(s.out, MISSION, site_version("v2", extra=50, size=20_000))
    proc = start_cli(s.args("publish"), s.env)
    wait_until(lambda: arrived.exists() or proc.poll() is not None, "the push to arrive")
    assert proc.poll() is None, "the push ended before it could be killed: " + proc.stdout.read()
    kill_group(proc)
    go.touch()  # anything that survived the kill could now finish the push: nothing may
    time.sleep(1)

    assert git(bare, "rev-parse", "gh-pages").strip() == before
    assert served(bare) == expected(v1_files)
    assert len(list_archives(s.archive, MISSION)) == 1

    hook.unlink()
    s.run("publish")
    assert git(bare, "rev-parse", "gh-pages^").strip() == before


def test_publish_over_ssh_to_a_bare_repository(tmp_path, bare, sshd):
    remote = f"ssh://{sshd.user}@127.0.0.1:{sshd.port}{bare}"
    s = Setup(tmp_path, remote, sshd.env())
    files = site_version("v1")
    write_build(s.out, MISSION, files)
    s.run("publish")
    assert served(bare) == expected(files)

    no_key = run_cli(s.args("publish"), base_env())
    assert no_key.returncode == 1 and "CHANCERY_SSH_KEY" in no_key.stderr
