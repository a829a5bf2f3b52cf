"""Publish targets as strict types, and their identities: no two missions share a place."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from chancery.content.model.mission import GitTarget, S3Target, SshTarget
from chancery.content.model.network import load_network
from chancery.content.model.publish_fields import git_remote, parse_remote
from chancery.core.errors import ContentError
from chancery.publish.hostnames import LOOPBACK, host_keys
from chancery.publish.targets import check_no_conflict, identity, network_conflicts
from tests.publish.conftest import write_network


def git(remote: str, **more) -> GitTarget:
    return GitTarget(method="git", remote=remote, **more)


def ssh(host: str = "web.example", user: str = "deploy", path: str = "/srv/www/x",
        **more) -> SshTarget:
    return SshTarget(method="ssh", host=host, user=user, path=path, **more)


def s3(bucket: str = "sites", **more) -> S3Target:
    return S3Target(method="s3", bucket=bucket, **more)


# -- the types ----------------------------------------------------------------------------

@pytest.mark.parametrize("remote, kind", [
    ("https://github.com/vn-mofa/fr-paris.git", "https"),
    ("https://git.example.org:8443/sites/fr-paris", "https"),
    ("ssh://git@github.com/vn-mofa/fr-paris.git", "ssh"),
    ("ssh://deploy@[2001:db8::1]:2222/srv/git/x.git", "ssh"),
    ("git@github.com:vn-mofa/fr-paris.git", "ssh"),
    ("/srv/git/jp-osaka.git", "local"),
    ("file:///srv/git/jp-osaka.git", "local"),
])
def test_accepted_git_remotes(remote, kind):
    assert parse_remote(remote).kind == kind
    assert git(remote).remote == git_remote(remote)


@pytest.mark.parametrize("remote, says", [
    ("--upload-pack=touch MARKER;:x", "must not start with '-'"),
    ("-oProxyCommand=touch MARKER", "must not start with '-'"),
    ("ext::sh -c touch% MARKER", "helpers"),
    ("fd::3", "helpers"),
    ("http://github.com/o/r", "scheme 'http://'"),
    ("ftp://host/r", "scheme"),
    ("https://user:token@github.com/o/r", "CHANCERY_GIT_TOKEN"),
    ("https://github.com/o/r?x=1", "is not https://host/path"),
    ("git@-oProxyCommand=touch:x", "host '-oProxyCommand=touch'"),
    ("-l@host:repo", "must not start with '-'"),
    ("Git User@host:repo", "spaces"),
    ("git@host:../../etc", "'..'"),
    ("ssh://git@host/srv/../../etc", "'..'"),
    ("/srv/git/../other.git", "'..'"),
    ("relative/path.git", "not a git remote"),
    ("host:repo.git", "not a git remote"),
    ("ssh://git@host:99999/r", "out of range"),
    ("git@host:-x", "must not start with '-'"),
    ("https://bad_host/r", "not a host name"),
])
def test_refused_git_remotes(remote, says):
    with pytest.raises(ValidationError) as caught:
        git(remote)
    assert says in str(caught.value)


def test_git_branch_is_a_plain_ref_name():
    assert git("/srv/a.git", branch="sites/fr-paris").branch == "sites/fr-paris"
    for bad in ("--force", "a..b", "x.lock", "a b", "/x", "HEAD", "a//b"):
        with pytest.raises(ValidationError):
            git("/srv/a.git", branch=bad)


@pytest.mark.parametrize("field, value", [
    ("host", "-oProxyCommand=touch MARKER"), ("host", "web example"), ("host", "a_b.example"),
    ("host", "127.1"), ("host", ""), ("user", "-oProxyCommand=x"), ("user", "-l"),
    ("user", "Root"), ("user", "a b"), ("user", "9lives"),
    ("path", "../../etc"), ("path", "/srv/www/../../etc"), ("path", "srv/www"), ("path", "/"),
    ("path", "/srv/www x"), ("path", "/srv/-rf"),
])
def test_refused_ssh_parts(field, value):
    with pytest.raises(ValidationError):
        ssh(**{field: value})


def test_ssh_parts_are_normalised():
    target = ssh(host="Web.Example.", user="deploy_1$", path="/srv//www/./x/")
    assert (target.host, target.user, target.path) == ("web.example", "deploy_1$", "/srv/www/x")
    assert ssh(host="[::1]").host == "::1"
    assert ssh(host="192.0.2.10").host == "192.0.2.10"
    with pytest.raises(ValidationError):
        ssh(port=0)


@pytest.mark.parametrize("bucket", ["ab", "-sites", "Sites", "a..b", "192.168.1.1", "xn--x",
                                    "sites-s3alias", "a_b", "x" * 64, "sites-", "a.-b"])
def test_refused_buckets(bucket):
    with pytest.raises(ValidationError):
        s3(bucket)


@pytest.mark.parametrize("prefix", ["../../etc/", "a/../", "./", "-x/", "/a/", "a", "a//b/",
                                    "a b/", "a/-x/"])
def test_refused_prefixes(prefix):
    with pytest.raises(ValidationError):
        s3(prefix=prefix)


def test_accepted_s3():
    target = s3("eg-cairo.site", prefix="missions/eg-cairo/", region="eu-central-1")
    assert target.prefix == "missions/eg-cairo/"
    for region in ("-x", "EU", "eu central"):
        with pytest.raises(ValidationError):
            s3(region=region)


def test_s3_endpoint_is_https_or_this_machine():
    s3(endpoint="http://127.0.0.1:9000")
    with pytest.raises(ValidationError):
        s3(endpoint="http://minio.example")


# -- identities ---------------------------------------------------------------------------

def overlap(a, b) -> bool:
    return identity(a).overlaps(identity(b))


@pytest.mark.parametrize("a, b", [
    ("git@github.com:VN-MOFA/fr-paris.git", "https://github.com/vn-mofa/fr-paris"),
    ("ssh://git@github.com/vn-mofa/fr-paris.git/", "https://GitHub.com:443/vn-mofa/fr-paris.git"),
    ("file:///srv/git/x.git", "/srv/git/x.git"),
    ("/srv/git/x.git", "ssh://git@localhost/srv/git/x.git"),
    ("ssh://git@127.0.0.1:2222/srv/git/x.git", "ssh://git@[::1]/srv/git/x.git"),
])
def test_git_remotes_that_name_the_same_repository_overlap(a, b):
    assert overlap(git(a), git(b))


def test_overlaps():
    hub = git("git@github.com:o/r.git")
    assert not overlap(hub, git("https://github.com/o/r", branch="other"))
    assert not overlap(hub, git("https://github.com/o/r2"))
    assert overlap(ssh(host="Web.example"), ssh(host="web.example", user="b", port=2222,
                                                  path="/srv/www/x/"))
    assert overlap(ssh(), ssh(path="/srv/www"))
    assert not overlap(ssh(), ssh(path="/srv/www/xy"))
    assert not overlap(ssh(), ssh(host="other.example"))
    assert overlap(s3(prefix="fr/"), s3())
    assert not overlap(s3(prefix="fr/"), s3(prefix="fra/"))
    assert not overlap(s3(prefix="fr/"), s3(prefix="fr/", endpoint="https://minio.example"))
    assert overlap(s3(), s3(endpoint="https://s3.eu-central-1.amazonaws.com"))
    assert overlap(s3(endpoint="http://localhost:9000"), s3(endpoint="http://127.0.0.1:9001"))


@pytest.mark.parametrize("name", ["localhost", "127.0.0.1", "127.3.2.1", "::1", "[::1]",
                                  "0.0.0.0", "LOCALHOST.", "www.localhost", "::ffff:127.0.0.1"])
def test_every_name_of_this_machine_is_loopback(name):
    assert LOOPBACK in host_keys([name])[name]
    assert overlap(ssh(host="127.0.0.1"), ssh(host=name.strip("[]")))


def test_resolution_is_time_bounded(monkeypatch):
    import socket
    import time

    def slow(*args, **kwargs):
        time.sleep(30)
        raise OSError("never")

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    keys = host_keys(["slow-1.example", "slow-2.example"], deadline=0.3)
    assert time.monotonic() - started < 2
    assert keys["slow-1.example"] == frozenset({"slow-1.example"})


def test_names_resolving_to_one_address_are_one_machine(monkeypatch):
    import socket

    def fake(name, *args, **kwargs):
        table = {"a.example": "192.0.2.7", "b.example": "192.0.2.7", "c.example": "192.0.2.8"}
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[name], 0))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    assert overlap(ssh(host="a.example"), ssh(host="b.example"))
    assert not overlap(ssh(host="a.example"), ssh(host="c.example"))


def test_local_paths_are_compared_through_symlinks(tmp_path):
    (tmp_path / "a.git").mkdir()
    (tmp_path / "link.git").symlink_to(tmp_path / "a.git")
    assert overlap(git(str(tmp_path / "a.git")), git(f"file://{tmp_path}/link.git"))
    (tmp_path / "srv").symlink_to(tmp_path / "real")
    assert overlap(ssh(host="localhost", path=f"{tmp_path}/srv/x"),
                   ssh(host="127.0.0.1", path=f"{tmp_path}/real/x/y"))


# -- the guard ----------------------------------------------------------------------------

def test_the_conflict_names_both_files_and_lines(tmp_path):
    same = "method: git\nremote: git@github.com:vn-mofa/pages.git\n"
    content = write_network(tmp_path, {"fr-lyon": same,
                                       "fr-nice": "method: git\n"
                                                  "remote: https://github.com/vn-mofa/pages\n",
                                       "fr-metz": ""})
    entry = load_network(content, only=["fr-lyon"]).missions["fr-lyon"]
    with pytest.raises(ContentError) as caught:
        check_no_conflict(entry, content)
    [problem] = caught.value.problems
    assert problem.file.endswith("fr-lyon/mission.yml") and problem.line > 1
    assert problem.field == "publish"
    assert "fr-nice/mission.yml:" in problem.message and "refused" in problem.message


def test_network_conflicts_are_reported_at_the_later_mission(tmp_path):
    content = write_network(tmp_path, {
        "fr-lyon": "method: ssh\nhost: 127.0.0.1\nuser: deploy\npath: /srv/www/a\n",
        "fr-metz": "method: ssh\nhost: localhost\nuser: deploy\npath: /srv/www/a/inner\n",
        "fr-nice": "method: ssh\nhost: localhost\nuser: deploy\npath: /srv/www/b\n"})
    [problem] = network_conflicts(content)
    assert problem.file.endswith("fr-metz/mission.yml") and problem.line > 1
    assert "fr-lyon/mission.yml:" in problem.message
    [only] = network_conflicts(content, ["fr-lyon"])
    assert only.file.endswith("fr-lyon/mission.yml") and "fr-metz" in only.message
    assert network_conflicts(content, ["fr-nice"]) == []


def test_a_mission_whose_target_cannot_be_read_blocks_publishing(tmp_path):
    content = write_network(tmp_path, {"fr-lyon": "method: git\nremote: /srv/a.git\n",
                                       "fr-nice": "method: ftp\nhost: x\n"})
    entry = load_network(content, only=["fr-lyon"]).missions["fr-lyon"]
    with pytest.raises(ContentError) as caught:
        check_no_conflict(entry, content)
    assert "fr-nice" in caught.value.problems[0].file


def test_a_mission_yml_that_cannot_be_read_blocks_publishing_and_says_why(tmp_path):
    content = write_network(tmp_path, {"fr-lyon": "method: git\nremote: /srv/a.git\n",
                                       "fr-nice": "method: git\nremote: /srv/b.git\n"})
    nice = content / "fr-nice" / "mission.yml"
    nice.write_text(nice.read_text(encoding="utf-8").replace("host_country: FR",
                                                             "host_country: [FR"),
                    encoding="utf-8")
    entry = load_network(content, only=["fr-lyon"]).missions["fr-lyon"]
    with pytest.raises(ContentError) as caught:
        check_no_conflict(entry, content)
    files = {problem.file for problem in caught.value.problems}
    assert len(files) == 1 and files.pop().endswith("fr-nice/mission.yml")
    messages = [problem.message for problem in caught.value.problems]
    assert any("invalid YAML" in message for message in messages)
    assert any(message.startswith(
        "this file cannot be read, so no one can tell which hosting mission fr-nice declares, "
        "and no other mission may publish until it is fixed (two missions must never publish "
        "to the same place)") for message in messages)


def test_local_git_remotes_need_hqs_leave(tmp_path):
    content = write_network(tmp_path, {"fr-lyon": "method: git\nremote: /srv/a.git\n",
                                       "fr-nice": "method: git\n"
                                                  "remote: git@git.chancery.example:o/r.git\n"})
    assert network_conflicts(content, hq=load_network(content).hq) == []
    hq_yml = content / "_hq" / "hq.yml"
    text = hq_yml.read_text(encoding="utf-8")
    assert "local_git: true" in text
    hq_yml.write_text(text.replace("local_git: true", "local_git: false"), encoding="utf-8")
    network = load_network(content)
    [problem] = network_conflicts(content, hq=network.hq)
    assert problem.file.endswith("fr-lyon/mission.yml") and problem.field == "publish.remote"
    assert problem.line == network.missions["fr-lyon"].source.line_of(("publish", "remote"))
    assert "local_git" in problem.message
    with pytest.raises(ContentError) as caught:
        check_no_conflict(network.missions["fr-lyon"], content, network.hq)
    assert "local_git" in str(caught.value)
    check_no_conflict(network.missions["fr-nice"], content, network.hq)
