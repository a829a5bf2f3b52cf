"""Target identities: no two missions may publish to the same place."""

from __future__ import annotations

import pytest

from chancery.errors import ContentError
from chancery.model.mission import GitTarget, S3Target, SshTarget
from chancery.model.network import load_network
from chancery.publish.targets import check_no_conflict, git_location, identity
from tests.publish.conftest import write_network


@pytest.mark.parametrize("a, b", [
    ("git@github.com:VN-MOFA/fr-paris.git", "https://github.com/vn-mofa/fr-paris"),
    ("ssh://git@github.com/vn-mofa/fr-paris.git/", "https://token@github.com/vn-mofa/fr-paris.git"),
    ("file:///srv/git/x.git", "/srv/git/x.git"),
])
def test_git_remotes_that_name_the_same_repository_are_equal(a, b):
    assert git_location(a) == git_location(b)


def overlap(a, b) -> bool:
    return identity(a).overlaps(identity(b))


def test_overlaps():
    git = GitTarget(method="git", remote="git@github.com:o/r.git")
    assert overlap(git, GitTarget(method="git", remote="https://github.com/o/r"))
    assert not overlap(git, GitTarget(method="git", remote="https://github.com/o/r",
                                      branch="other"))
    ssh = SshTarget(method="ssh", host="Web.example", user="a", path="/srv/www/x")
    assert overlap(ssh, SshTarget(method="ssh", host="web.example", user="b", port=2222,
                                  path="/srv/www/x/"))
    assert overlap(ssh, SshTarget(method="ssh", host="web.example", user="a", path="/srv/www"))
    assert not overlap(ssh, SshTarget(method="ssh", host="web.example", user="a",
                                      path="/srv/www/xy"))
    assert not overlap(ssh, SshTarget(method="ssh", host="other.example", user="a",
                                      path="/srv/www/x"))
    s3 = S3Target(method="s3", bucket="sites", prefix="fr/")
    assert overlap(s3, S3Target(method="s3", bucket="sites"))
    assert not overlap(s3, S3Target(method="s3", bucket="sites", prefix="fra/"))
    assert not overlap(s3, S3Target(method="s3", bucket="sites", prefix="fr/",
                                    endpoint="https://minio.example"))


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


def test_a_mission_whose_target_cannot_be_read_blocks_publishing(tmp_path):
    content = write_network(tmp_path, {"fr-lyon": "method: git\nremote: /srv/a.git\n",
                                       "fr-nice": "method: ftp\nhost: x\n"})
    entry = load_network(content, only=["fr-lyon"]).missions["fr-lyon"]
    with pytest.raises(ContentError) as caught:
        check_no_conflict(entry, content)
    assert "fr-nice" in caught.value.problems[0].file


def test_s3_endpoint_is_https_or_this_machine():
    S3Target(method="s3", bucket="bucket", endpoint="http://127.0.0.1:9000")
    with pytest.raises(ValueError):
        S3Target(method="s3", bucket="bucket", endpoint="http://minio.example")
    with pytest.raises(ValueError):
        S3Target(method="s3", bucket="bucket", prefix="no-trailing-slash")
