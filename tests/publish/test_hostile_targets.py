"""Hostile publish targets, against the real git, SSH and S3 test servers.

Every target below is what a mission editor could write in ``mission.yml``. For each:
``check`` and ``publish`` exit non-zero naming the right ``file:line`` without a
traceback, the marker file that the payload would create never appears, and nothing is
written outside the target. Where the schema refuses the target, the publishers are
also driven with the target unvalidated (``model_construct``), to show the command
lines themselves do not run it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from chancery.content.model.mission import GitTarget, S3Target, SshTarget
from chancery.publish.errors import PublishError
from chancery.publish.factory import publisher_for
from chancery.publish.git_publisher import GitPublisher, protocol_config
from chancery.publish.ssh_publisher import SshPublisher
from tests.conftest import MISSION_YML, page, write
from tests.publish.conftest import (
    base_env,
    program,
    run_cli,
    site_version,
    write_build,
    write_network,
)

MISSION = "fr-lyon"


def quoted(text: str) -> str:
    """``text`` as a YAML scalar (a JSON string is one)."""
    return json.dumps(text)


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> set[str]:
    """Every path under ``root`` (links not followed), but those under ``skip`` folders."""
    found = set()
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        if rel.split(os.sep)[0] in skip:
            continue
        found |= {os.path.join(rel, name) for name in dirs + files}
    return found


class Net:
    """A content folder, a finished build of :data:`MISSION`, and the marker to watch."""

    def __init__(self, tmp_path: Path, blocks: dict[str, str], env: dict[str, str]) -> None:
        self.root = tmp_path
        self.marker = tmp_path / "MARKER"
        self.content = write_network(tmp_path, blocks)
        self.out, self.archive, self.env = tmp_path / "site", tmp_path / "archive", env
        for mission in blocks:
            write_build(self.out, mission, site_version(mission))

    def run(self, command: str, mission: str = MISSION) -> subprocess.CompletedProcess:
        args = [command, "--content", str(self.content)]
        if command == "publish":
            args += ["--mission", mission, "--out", str(self.out), "--archive",
                     str(self.archive)]
        return run_cli(args, self.env)

    def refused(self, command: str, where: str, field: str,
                mission: str = MISSION) -> str:
        """Run ``command``; assert it failed cleanly at ``where``:line with ``field``."""
        result = self.run(command, mission)
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        pattern = rf"{re.escape(where)}:\d+: {re.escape(field)}:" if field else \
            rf"{re.escape(where)}: "
        assert re.search(pattern, output), output
        assert not self.marker.exists(), f"the payload ran ({command})"
        return output


def allow_host(content: Path, host: str) -> None:
    """Add ``host`` to ``publishing.hosts`` in the network's copy of hq.yml."""
    hq_yml = content / "_hq" / "hq.yml"
    text = hq_yml.read_text(encoding="utf-8")
    assert "\n  hosts:\n" in text
    hq_yml.write_text(text.replace("\n  hosts:\n", f"\n  hosts:\n    - {json.dumps(host)}\n", 1),
                      encoding="utf-8")


# -- git ----------------------------------------------------------------------------------

@pytest.fixture
def bare(tmp_path: Path) -> Path:
    program("git")
    repo = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(repo)], check=True)
    return repo


def refs(repo: Path) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "for-each-ref"], check=True,
                          capture_output=True, text=True).stdout


HOSTILE_REMOTES = [
    "--upload-pack=touch {marker};:x",
    "--receive-pack=touch {marker};:x",
    "ext::sh -c touch% {marker}",
    "ext::sh -c touch {marker}",
    "ext::sh",
    "fd::0",
    "-oProxyCommand=touch {marker}",
    "ssh://-oProxyCommand=touch%20{marker}/x.git",
    "git@-oProxyCommand=touch:{marker}",
    "-u@127.0.0.1:x.git",
    "{bare}/../../etc",
    "file://{bare}/../x.git",
    "http://127.0.0.1/x.git",
]


@pytest.mark.parametrize("remote", HOSTILE_REMOTES)
def test_hostile_git_remotes_never_run(tmp_path, bare, remote):
    remote = remote.format(marker=tmp_path / "MARKER", bare=bare)
    net = Net(tmp_path, {MISSION: f"method: git\nremote: {quoted(remote)}\n"}, base_env())
    before = snapshot(tmp_path, skip=("archive",))
    net.refused("check", f"{MISSION}/mission.yml", "publish.remote")
    net.refused("publish", f"{MISSION}/mission.yml", "publish.remote")
    assert snapshot(tmp_path, skip=("archive",)) == before
    assert refs(bare) == ""

    unchecked = GitTarget.model_construct(method="git", remote=remote, branch="gh-pages")
    with pytest.raises(PublishError):
        publisher_for(MISSION, unchecked, base_env())
    with pytest.raises(PublishError), GitPublisher(MISSION, unchecked, base_env()) as raw:
        raw.releases()
    assert not net.marker.exists()


@pytest.mark.parametrize("remote", ["ext::sh -c touch% {marker}",
                                    "--upload-pack=touch {marker};:x"])
@pytest.mark.parametrize("kind", ["local", "https", "ssh"])
def test_git_runs_only_the_protocol_of_the_target(tmp_path, bare, kind, remote):
    """Even if a hostile remote reached git, its environment allows one protocol only."""
    program("git")
    marker = tmp_path / "MARKER"
    env = {**base_env(), **protocol_config(kind), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}
    hostile = remote.format(marker=marker)
    result = subprocess.run(["git", "ls-remote", "--", hostile], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and not marker.exists()
    local = subprocess.run(["git", "ls-remote", "--", str(bare)], env=env,
                           capture_output=True, text=True, timeout=60)
    assert (local.returncode == 0) == (kind == "local"), local.stderr


def test_a_symlink_to_another_missions_git_target_is_refused(tmp_path, bare):
    (tmp_path / "alias.git").symlink_to(bare)
    (tmp_path / "srv").symlink_to(tmp_path)
    net = Net(tmp_path, {"fr-albi": f"method: git\nremote: {bare}\n",
                         MISSION: f"method: git\nremote: file://{tmp_path}/alias.git\n",
                         "fr-nice": f"method: git\nremote: {tmp_path}/srv/pages.git\n"},
              base_env())
    out = net.refused("check", f"{MISSION}/mission.yml", "publish")  # the later of the two
    assert re.search(r"fr-nice/mission\.yml:\d+: publish: refused", out), out
    for mission in (MISSION, "fr-nice", "fr-albi"):
        out = net.refused("publish", f"{mission}/mission.yml", "publish", mission)
        assert "refused" in out
    assert refs(bare) == ""


def test_a_local_git_remote_is_refused_unless_hq_allows_it(tmp_path, bare):
    net = Net(tmp_path, {MISSION: f"method: git\nremote: {bare}\n"}, base_env())
    hq_yml = net.content / "_hq" / "hq.yml"
    hq_yml.write_text(hq_yml.read_text(encoding="utf-8").replace("local_git: true",
                                                                 "local_git: false"),
                      encoding="utf-8")
    net.refused("check", f"{MISSION}/mission.yml", "publish.remote")
    out = net.refused("publish", f"{MISSION}/mission.yml", "publish.remote")
    assert "local_git" in out
    assert refs(bare) == ""


# -- ssh ----------------------------------------------------------------------------------

def ssh_block(sshd, **fields: str) -> str:
    values = {"host": "127.0.0.1", "port": str(sshd.port), "user": sshd.user,
              "path": "/tmp/never", **fields}
    return "method: ssh\n" + "".join(f"{k}: {quoted(v) if k != 'port' else v}\n"
                                     for k, v in values.items())


@pytest.mark.parametrize("field, value", [
    ("host", "-oProxyCommand=touch {marker}"),
    ("host", "-oProxyCommand=touch%20{marker}"),
    ("host", "127.0.0.1 -oProxyCommand=touch {marker}"),
    ("user", "-oProxyCommand=touch {marker}"),
    ("user", "-oProxyCommand=touch"),
    ("user", "x -oProxyCommand=touch {marker}"),
    ("path", "{target}/../../etc"),
    ("path", "../../etc"),
    ("path", "{target}/x; touch {marker}"),
    ("path", "{target}/$(touch {marker})"),
])
def test_hostile_ssh_targets_never_run(tmp_path, sshd, field, value):
    target = tmp_path / "srv" / "www"
    target.mkdir(parents=True)
    value = value.format(marker=tmp_path / "MARKER", target=target)
    net = Net(tmp_path, {MISSION: ssh_block(sshd, **{"path": str(target), field: value})},
              sshd.env())
    before = snapshot(tmp_path, skip=("archive",))
    net.refused("check", f"{MISSION}/mission.yml", f"publish.{field}")
    net.refused("publish", f"{MISSION}/mission.yml", f"publish.{field}")
    assert snapshot(tmp_path, skip=("archive",)) == before, "something was written"

    fields = {"method": "ssh", "host": "127.0.0.1", "port": sshd.port, "user": sshd.user,
              "path": str(target), "keep": 3, field: value}
    unchecked = SshTarget.model_construct(**fields)
    with pytest.raises(PublishError):
        publisher_for(MISSION, unchecked, sshd.env())
    if field != "path" or ".." in value:  # shell text in a path is quoted, not refused
        with pytest.raises(PublishError), SshPublisher(MISSION, unchecked, sshd.env()) as raw:
            raw.releases()
    assert not net.marker.exists()
    assert snapshot(tmp_path, skip=("archive",)) == before


@pytest.mark.parametrize("spelling", ["localhost", "LOCALHOST.", "::1", "127.0.0.2",
                                      "0.0.0.0"])
def test_another_spelling_of_the_same_ssh_host_is_refused(tmp_path, sshd, spelling):
    target = tmp_path / "srv" / "shared"
    net = Net(tmp_path, {"fr-albi": ssh_block(sshd, path=str(target)),
                         MISSION: ssh_block(sshd, host=spelling, path=f"{target}/inner")},
              sshd.env())
    allow_host(net.content, spelling)  # on HQ's list: the cross-mission guard is what refuses
    out = net.refused("check", f"{MISSION}/mission.yml", "publish")
    assert "fr-albi/mission.yml:" in out and "refused" in out
    net.refused("publish", f"{MISSION}/mission.yml", "publish")
    net.refused("publish", "fr-albi/mission.yml", "publish", "fr-albi")
    assert not target.exists(), "a refused publish contacted the server"


def test_a_symlink_to_another_missions_ssh_folder_is_refused(tmp_path, sshd):
    real = tmp_path / "srv" / "fr-albi"
    real.mkdir(parents=True)
    (tmp_path / "alias").symlink_to(real)
    net = Net(tmp_path, {"fr-albi": ssh_block(sshd, path=str(real)),
                         MISSION: ssh_block(sshd, host="localhost",
                                            path=str(tmp_path / "alias"))},
              sshd.env())
    net.refused("check", f"{MISSION}/mission.yml", "publish")
    net.refused("publish", f"{MISSION}/mission.yml", "publish")
    assert list(real.iterdir()) == []


# -- s3 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("field, value", [
    ("prefix", "../../etc/"), ("prefix", "fr/../../"), ("prefix", "-x/"), ("prefix", "/abs/"),
    ("bucket", "-sites"), ("bucket", "../sites"), ("region", "-x"),
])
def test_hostile_s3_targets_write_nothing(tmp_path, s3, field, value):
    s3.client().create_bucket(Bucket="hostile-sites")
    fields = {"bucket": "hostile-sites", "endpoint": s3.endpoint, field: value}
    block = "method: s3\n" + "".join(f"{k}: {quoted(v)}\n" for k, v in fields.items())
    net = Net(tmp_path, {MISSION: block}, s3.env())
    net.refused("check", f"{MISSION}/mission.yml", f"publish.{field}")
    net.refused("publish", f"{MISSION}/mission.yml", f"publish.{field}")
    assert "Contents" not in s3.client().list_objects_v2(Bucket="hostile-sites")
    with pytest.raises(PublishError):
        publisher_for(MISSION, S3Target.model_construct(
            **{"method": "s3", "keep": 5, "region": "us-east-1", "prefix": "", **fields}),
            s3.env())


def test_another_spelling_of_the_same_s3_endpoint_is_refused(tmp_path, s3):
    port = s3.endpoint.rsplit(":", 1)[1]
    net = Net(tmp_path, {
        "fr-albi": f"method: s3\nbucket: shared-sites\nendpoint: {s3.endpoint}\n",
        MISSION: f"method: s3\nbucket: shared-sites\nprefix: lyon/\n"
                 f"endpoint: http://localhost:{port}\n"}, s3.env())
    net.refused("check", f"{MISSION}/mission.yml", "publish")
    net.refused("publish", f"{MISSION}/mission.yml", "publish")


# -- content symlinks ---------------------------------------------------------------------

@pytest.fixture
def linked_network(tmp_path: Path, bare: Path) -> Path:
    """A buildable mission publishing to ``bare``, with a secret outside ``content/``."""
    content = tmp_path / "content"
    import shutil

    from tests.conftest import CONTENT

    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / MISSION / "mission.yml",
          MISSION_YML + f"publish:\n  method: git\n  remote: {bare}\n")
    for lang in ("vi", "fr"):
        write(content / MISSION / "pages" / lang / "index.md", page(f"Home {lang}"))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("CI SECRET", encoding="utf-8")
    return content


@pytest.mark.parametrize("link, to", [
    ("media/secret.txt", "{outside}/secret.txt"),
    ("media/etc", "/etc"),
    ("media/up", "../../outside"),
    ("pages/vi/secret.md", "{outside}/secret.txt"),
    ("data/fees.yml", "{outside}/secret.txt"),
    ("media/other-mission.jpg", "../../fr-albi/media/photo.jpg"),
    ("media/dangling.png", "{outside}/missing.png"),
])
def test_a_symlink_leaving_the_mission_is_refused_and_nothing_is_built_or_published(
        tmp_path, bare, linked_network, link, to):
    content = linked_network
    path = content / MISSION / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(to.format(outside=tmp_path / "outside"))
    out, cache = tmp_path / "site", tmp_path / "cache"
    write_build(out, MISSION, site_version("old"))
    before = (out / MISSION / "index.html").read_bytes()
    env = base_env()
    where = f"{MISSION}/{link}"
    for args in (["check"], ["build", "--mission", MISSION, "--out", str(out),
                             "--cache-dir", str(cache)],
                 ["publish", "--mission", MISSION, "--out", str(out), "--archive",
                  str(tmp_path / "archive")]):
        result = run_cli([*args, "--content", str(content)], env)
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        assert where in output and "symbolic link" in output, output
    assert (out / MISSION / "index.html").read_bytes() == before, "the build replaced the site"
    assert not any("CI SECRET" in p.read_text(errors="replace")
                   for p in (out / MISSION).rglob("*") if p.is_file())
    assert refs(bare) == "", "something was published"


def test_symlinks_inside_the_mission_are_accepted(tmp_path, linked_network):
    media = linked_network / MISSION / "media"
    media.mkdir()
    (media / "real.txt").write_text("ok", encoding="utf-8")
    (media / "alias.txt").symlink_to("real.txt")
    (linked_network / MISSION / "pages" / "fr" / "alias.md").symlink_to("../vi/index.md")
    result = run_cli(["check", "--content", str(linked_network)], base_env())
    assert "symbolic link" not in result.stdout + result.stderr


def test_a_mission_yml_that_is_a_link_is_not_read(tmp_path, linked_network):
    mission_yml = linked_network / MISSION / "mission.yml"
    secret = tmp_path / "outside" / "mission.yml"
    secret.write_text(mission_yml.read_text(encoding="utf-8"), encoding="utf-8")
    mission_yml.unlink()
    mission_yml.symlink_to(secret)
    result = run_cli(["check", "--content", str(linked_network)], base_env())
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"{MISSION}/mission.yml: symbolic link" in output, output
