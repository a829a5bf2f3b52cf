"""Credentials go only to hosts HQ lists in ``publishing.hosts`` (hq.yml).

A mission editor can write any git remote, SSH host or S3 endpoint in ``mission.yml``;
``check`` and ``publish`` refuse one whose host is not on HQ's list, at the field's
``file:line``, before any credential is read or any program is started.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from chancery.content.model.host_patterns import allowed, host_pattern, normalise_host
from chancery.content.model.network import load_network
from chancery.core.errors import ContentError
from chancery.publish import service
from chancery.publish.targets import network_conflicts
from tests.publish.conftest import base_env, run_cli, site_version, write_build, write_network

MISSION = "fr-lyon"
FIX = "ask HQ to add the host to publishing.hosts in content/_hq/hq.yml"
CREDENTIALS = {"CHANCERY_GIT_TOKEN": "secret-token", "CHANCERY_SSH_KEY": "secret-key",
               "CHANCERY_SSH_KNOWN_HOSTS": "host ssh-ed25519 AAAA",
               "CHANCERY_S3_ACCESS_KEY_ID": "AKIDSECRET",
               "CHANCERY_S3_SECRET_ACCESS_KEY": "secret-s3"}
PROGRAMS = ("git", "ssh", "rsync", "scp", "sftp", "aws")


def set_hosts(content: Path, hosts: list[str]) -> None:
    """Replace the ``publishing.hosts`` list of the copy of hq.yml in ``content``."""
    hq_yml = content / "_hq" / "hq.yml"
    text = hq_yml.read_text(encoding="utf-8")
    block = "  hosts:" + "".join(f"\n    - {json.dumps(h)}" for h in hosts) + \
        ("\n" if hosts else " []\n")
    text, count = re.subn(r"^  hosts:\n(?:    .*\n|\s*#.*\n)*", block, text, flags=re.M)
    assert count == 1, "hq.yml has no publishing.hosts block"
    hq_yml.write_text(text, encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


# -- the patterns -------------------------------------------------------------------------

@pytest.mark.parametrize("entry, normal", [
    ("Web.Example.Gov.VN.", "web.example.gov.vn"),
    ("*.Example.gov.vn", "*.example.gov.vn"),
    ("192.0.2.10", "192.0.2.10"),
    ("[::1]", "::1"),
    ("10.20.0.0/16", "10.20.0.0/16"),
    ("localhost", "localhost"),
])
def test_entries_are_normalised(entry, normal):
    assert host_pattern(entry) == normal


@pytest.mark.parametrize("entry", ["", "  ", "*", "*.vn", "https://web.example.gov.vn",
                                   "web.example.gov.vn:22", "web.example.gov.vn/path",
                                   "-oProxyCommand=x", "we b.example", "10.0.0.0/33"])
def test_entries_that_are_not_hosts_are_refused(entry):
    with pytest.raises(ValueError):
        host_pattern(entry)


@pytest.mark.parametrize("host, ok", [
    ("web.example.gov.vn", True),
    ("WEB.Example.GOV.vn.", True),          # case-folded, trailing dot removed
    ("deep.er.example.gov.vn", True),       # a pattern matches at any depth
    ("a.mission.example", True),
    ("example.gov.vn", False),              # *.domain is not the domain itself
    ("evilexample.gov.vn", False),          # a suffix is not a sub-domain
    ("web.example.gov.vn.evil.test", False),
    ("mission.example.evil", False),
    ("192.0.2.77", True),                   # inside the listed network
    ("::ffff:192.0.2.77", True),            # the same address, IPv6-mapped
    ("198.51.100.1", False),
    ("[::1]", True),
    ("0x7f000001", False),                  # compared as written, never resolved
])
def test_hosts_are_matched_case_folded_and_without_trailing_dot(host, ok):
    patterns = [host_pattern(p) for p in ("*.example.gov.vn", "A.Mission.Example.",
                                          "192.0.2.0/24", "::1")]
    assert allowed(host, patterns) is ok
    assert normalise_host("WEB.Example.") == "web.example"


def test_a_bad_entry_in_hq_yml_is_reported_at_its_line(tmp_path):
    content = write_network(tmp_path, {MISSION: "method: s3\nbucket: lyon-site\n"})
    set_hosts(content, ["localhost", "*.vn"])
    result = run_cli(["check", "--content", str(content)], base_env())
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    line = line_of(content / "_hq" / "hq.yml", '"*.vn"')
    assert re.search(rf"hq\.yml:{line}: publishing\.hosts", output), output
    assert "top-level domain" in output


# -- check refuses unlisted hosts, at the field that names them ---------------------------

UNLISTED = [
    ("method: git\nremote: https://evil.test/o/r.git\n", "remote: ", "publish.remote"),
    ("method: git\nremote: git@Evil.Test.:o/r.git\n", "remote: ", "publish.remote"),
    ("method: git\nremote: ssh://git@evil.test:2222/srv/r.git\n", "remote: ", "publish.remote"),
    ("method: ssh\nhost: evil.test\nuser: deploy\npath: /srv/www/x\n", "host: ",
     "publish.host"),
    ("method: ssh\nhost: 198.51.100.7\nuser: deploy\npath: /srv/www/x\n", "host: ",
     "publish.host"),
    ("method: s3\nbucket: lyon-site\nendpoint: https://s3.evil.test\n", "endpoint: ",
     "publish.endpoint"),
    ("method: s3\nbucket: lyon-site\nregion: ap-south-1\n", "region: ", "publish.region"),
]


@pytest.mark.parametrize("block, text, field", UNLISTED)
def test_check_refuses_an_unlisted_host_at_its_line(tmp_path, block, text, field):
    content = write_network(tmp_path, {MISSION: block})
    mission_yml = content / MISSION / "mission.yml"
    line = line_of(mission_yml, text)
    [problem] = network_conflicts(content, hq=load_network(content).hq)
    assert (problem.line, problem.field) == (line, field)
    assert FIX in problem.message and "publishing hosts" in problem.message

    result = run_cli(["check", "--content", str(content)], base_env())
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert f"{MISSION}/mission.yml:{line}: {field}: " in output, output
    assert FIX in output


def test_an_s3_target_without_region_is_refused_at_its_publish_line(tmp_path):
    content = write_network(tmp_path, {MISSION: "method: s3\nbucket: lyon-site\n"})
    set_hosts(content, ["localhost"])
    [problem] = network_conflicts(content, hq=load_network(content).hq)
    assert problem.line == line_of(content / MISSION / "mission.yml", "publish:")
    assert "s3.us-east-1.amazonaws.com" in problem.message


@pytest.mark.parametrize("block", [
    "method: git\nremote: https://GIT.Lyon.Chancery.Example./o/r.git\n",
    "method: ssh\nhost: web.lyon.chancery.example.\nuser: deploy\npath: /srv/www/x\n",
    "method: s3\nbucket: lyon-site\nendpoint: https://s3.lyon.chancery.example\n",
    "method: s3\nbucket: lyon-site\nregion: eu-central-1\n",
    "method: git\nremote: /srv/git/lyon.git\n",      # a folder here: no host, no credential
])
def test_listed_hosts_pass_check(tmp_path, block):
    content = write_network(tmp_path, {MISSION: block})
    assert network_conflicts(content, hq=load_network(content).hq) == []


def test_an_empty_list_allows_no_host(tmp_path):
    content = write_network(tmp_path, {MISSION: "method: ssh\nhost: 127.0.0.1\nuser: deploy\n"
                                                "path: /srv/www/x\n"})
    set_hosts(content, [])
    [problem] = network_conflicts(content, hq=load_network(content).hq)
    assert problem.field == "publish.host"


# -- publish refuses before any credential is read or any program runs --------------------

@pytest.fixture
def fake_programs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder of fake ``git``, ``ssh``... that each create a marker, first on PATH."""
    bin_dir, marker = tmp_path / "fake-bin", tmp_path / "MARKER"
    bin_dir.mkdir()
    for name in PROGRAMS:
        script = bin_dir / name
        script.write_text(f"#!/bin/sh\necho {name} \"$@\" >> '{marker}'\nexit 0\n")
        script.chmod(0o755)
    yield bin_dir, marker


class RecordingEnv(Mapping[str, str]):
    """An environment that remembers every variable asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values, self.read = values, set()

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return self.values[key]

    def get(self, key, default=None):
        self.read.add(key)
        return self.values.get(key, default)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return key in self.values

    def __iter__(self):
        self.read.add("*")  # a copy of the whole environment
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


@pytest.mark.parametrize("block, text, field", UNLISTED)
def test_publish_to_an_unlisted_host_starts_nothing(tmp_path, fake_programs, block, text,
                                                    field):
    bin_dir, marker = fake_programs
    content = write_network(tmp_path, {MISSION: block})
    out, archive = tmp_path / "site", tmp_path / "archive"
    write_build(out, MISSION, site_version("v1"))
    line = line_of(content / MISSION / "mission.yml", text)
    env = {**base_env(), **CREDENTIALS, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    for extra in ([], ["--dry-run"]):
        result = run_cli(["publish", "--mission", MISSION, "--content", str(content),
                          "--out", str(out), "--archive", str(archive), *extra], env)
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output, output
        assert f"{MISSION}/mission.yml:{line}: {field}: " in output, output
        assert not marker.exists(), marker.read_text()
        for secret in CREDENTIALS.values():
            assert secret not in output
    assert not archive.exists() or not any(archive.rglob("*.tar*"))


@pytest.mark.parametrize("block, text, field", UNLISTED)
def test_no_credential_is_read_for_an_unlisted_host(tmp_path, monkeypatch, block, text,
                                                    field):
    content = write_network(tmp_path, {MISSION: block})
    out = tmp_path / "site"
    write_build(out, MISSION, site_version("v1"))
    started: list[object] = []

    def refuse(*args, **kwargs):
        started.append(args)
        raise AssertionError("a process was started")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    for name in CREDENTIALS:
        monkeypatch.delenv(name, raising=False)
    env = RecordingEnv(dict(CREDENTIALS))
    for call in (lambda: service.publish(content, MISSION, out, tmp_path / "archive", env=env,
                                         say=lambda _: None),
                 lambda: service.rollback(content, MISSION, env=env),
                 lambda: service.hosted_releases(content, MISSION, env=env)):
        with pytest.raises(ContentError) as refused:
            call()
        [problem] = refused.value.problems
        assert problem.field == field and FIX in problem.message
    assert env.read == set() and started == []


# -- the same target publishes once HQ lists its host -------------------------------------

def test_a_listed_host_publishes_and_the_same_target_unlisted_is_refused(tmp_path, sshd):
    target = tmp_path / "srv" / MISSION
    content = write_network(tmp_path, {MISSION: sshd.publish_yaml(target)})
    out, archive = tmp_path / "site", tmp_path / "archive"
    write_build(out, MISSION, site_version("v1"))
    args = ["publish", "--mission", MISSION, "--content", str(content), "--out", str(out),
            "--archive", str(archive)]

    set_hosts(content, ["192.0.2.0/24", "*.chancery.example"])
    refused = run_cli(args, sshd.env())
    assert refused.returncode == 1 and "publish.host" in refused.stderr, refused.stderr
    assert not target.exists()

    set_hosts(content, ["127.0.0.1"])
    published = run_cli(args, sshd.env())
    assert published.returncode == 0, published.stdout + published.stderr
    assert (target / "current" / "index.html").read_text() == "<h1>home v1</h1>"
