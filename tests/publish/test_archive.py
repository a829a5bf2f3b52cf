"""Every published release is archived once, dated, and listed."""

from __future__ import annotations

import tarfile

from chancery.publish.archive import archive_file, list_archives, write_archive
from chancery.publish.built import load_built_site
from tests.publish.conftest import site_version, write_build

NAME = "20250301T100000Z-{}"


def test_archive_holds_the_release_info_then_every_file(tmp_path):
    files = site_version("v1")
    build_id = write_build(tmp_path / "site", "fr-lyon", files)
    site = load_built_site(tmp_path / "site", "fr-lyon")
    name = NAME.format(build_id[:12])
    path = write_archive(site, archive_file(tmp_path / "archive", "fr-lyon", name), name, "test")
    assert path.name == f"{name}.tar.gz"
    with tarfile.open(path) as tar:
        names = tar.getnames()
        assert names[0] == "chancery-release.json"
        assert sorted(names[1:]) == sorted(f"site/{rel}" for rel in files)
        assert tar.extractfile("site/index.html").read() == b"<h1>home v1</h1>"
    [listed] = list_archives(tmp_path / "archive", "fr-lyon")
    assert listed.name == name and listed.build_id == build_id
    assert listed.info["published_at"] == "2025-03-01T10:00:00+00:00"

    again = write_archive(site, tmp_path / "again.tar.gz", name, "test")
    assert again.read_bytes() == path.read_bytes(), "archives are not reproducible"


def test_only_finished_archives_are_listed(tmp_path):
    folder = tmp_path / "fr-lyon"
    folder.mkdir()
    (folder / ".20250301T100000Z-0123456789ab.tar.gz.pending").write_bytes(b"")
    (folder / "notes.txt").write_text("x")
    assert list_archives(tmp_path, "fr-lyon") == []
    assert list_archives(tmp_path, "fr-nice") == []
