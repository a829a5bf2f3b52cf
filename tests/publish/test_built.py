"""A failed, missing or altered build publishes nothing."""

from __future__ import annotations

import json
import subprocess

import pytest

from chancery.pipeline.digest import site_files
from chancery.publish.built import load_built_site
from chancery.publish.errors import PublishError
from tests.publish.conftest import base_env, run_cli, site_version, write_build, write_network


def test_a_verified_build_loads(tmp_path):
    build_id = write_build(tmp_path, "fr-lyon", site_version("v1"))
    site = load_built_site(tmp_path, "fr-lyon")
    assert site.build_id == build_id and site.short_id == build_id[:12]


@pytest.mark.parametrize("damage, message", [
    (lambda out: (out / "fr-lyon" / "index.html").write_text("changed"), "do not match"),
    (lambda out: (out / "fr-lyon.manifest.json").unlink(), "not found"),
    (lambda out: (out / "fr-lyon.manifest.json").write_text("{"), "unreadable manifest"),
    (lambda out: (out / "fr-lyon.manifest.json").write_text(
        json.dumps({"mission": "fr-nice", "build_id": "0" * 64})), "is for mission 'fr-nice'"),
])
def test_an_altered_or_incomplete_build_is_refused(tmp_path, damage, message):
    write_build(tmp_path, "fr-lyon", site_version("v1"))
    damage(tmp_path)
    with pytest.raises(PublishError, match=message):
        load_built_site(tmp_path, "fr-lyon")


def test_a_failed_build_publishes_nothing(tmp_path):
    """The real builder fails (no home pages): no manifest, so publish refuses."""
    target = tmp_path / "srv"
    content = write_network(tmp_path, {"fr-lyon": f"method: git\nremote: {target}\n"})
    out = tmp_path / "site"
    built = run_cli(["build", "--mission", "fr-lyon", "--content", str(content),
                     "--out", str(out), "--jobs", "1"], base_env())
    assert built.returncode != 0, built.stdout
    result = run_cli(["publish", "--mission", "fr-lyon", "--content", str(content),
                      "--out", str(out), "--archive", str(tmp_path / "archive")], base_env())
    assert result.returncode == 1
    assert "no finished build of fr-lyon" in result.stderr
    assert not target.exists() and not (tmp_path / "archive").exists()


def test_dry_run_verifies_without_contacting_anything(tmp_path):
    content = write_network(tmp_path, {"fr-lyon": "method: ssh\nhost: 192.0.2.1\nuser: d\n"
                                                  "path: /srv/www/x\n"})
    write_build(tmp_path / "site", "fr-lyon", site_version("v1"))
    result = run_cli(["publish", "--mission", "fr-lyon", "--content", str(content), "--out",
                      str(tmp_path / "site"), "--dry-run"], base_env())
    assert result.returncode == 0, result.stderr
    assert "dry run" in result.stdout and "CHANCERY_SSH_KEY" in result.stdout


def test_a_real_build_publishes_and_the_same_build_again_changes_nothing(network_dir, tmp_path):
    """The builder's output and manifest, as they are, go live through the git publisher."""
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    with (network_dir / "fr-lyon" / "mission.yml").open("a", encoding="utf-8") as handle:
        handle.write(f"publish:\n  method: git\n  remote: {bare}\n")
    out, archive = tmp_path / "site", tmp_path / "archive"
    common = ["--mission", "fr-lyon", "--content", str(network_dir), "--out", str(out)]
    built = run_cli(["build", *common, "--jobs", "1"], base_env())
    assert built.returncode == 0, built.stdout + built.stderr
    for _ in range(2):
        result = run_cli(["publish", *common, "--archive", str(archive)], base_env())
        assert result.returncode == 0, result.stdout + result.stderr
    assert "already live" in result.stdout
    log = subprocess.run(["git", "--git-dir", str(bare), "log", "--format=%H", "gh-pages"],
                         check=True, capture_output=True, text=True).stdout.split()
    assert len(log) == 1
    served = subprocess.run(["git", "--git-dir", str(bare), "ls-tree", "-r", "--name-only",
                             "gh-pages"], check=True, capture_output=True, text=True).stdout
    assert sorted(served.split()) == sorted(site_files(out / "fr-lyon") + [".nojekyll"])
