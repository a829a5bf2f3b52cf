"""benchmarks/versions.py: the file-by-file comparison of two versions' outputs, and medians.

Only what carries the wall clock may differ; anything else, however small, is reported.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.versions import MASKS, Timing, medians, tree_differences

MANIFEST = """{
  "mission": "xx-city",
  "build_id": "%s",
  "built_at": "%s",
  "languages": ["vi"],
  "pages": 3
}
"""
DASHBOARD = "<p>Cập nhật lúc (generated) %s UTC ·\n1 cơ quan đại diện (missions)</p>\n"


def write_site(root: Path, built_at: str = "2026-12-04T20:47:16+00:00",
               generated: str = "2026-12-04 20:47", build_id: str = "ab" * 32) -> Path:
    files = {
        "xx-city.manifest.json": MANIFEST % (build_id, built_at),
        "_dashboard/index.html": DASHBOARD % generated,
        "xx-city/index.html": "<h1>Trang chủ</h1>\n",
        "xx-city/news/2026/post-0000/index.html": "<p>Tin tức</p>\n",
        "xx-city/.well-known/security.txt": "Contact: mailto:a@example.org\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "xx-city" / "news" / "2026" / "post-0000" / "photo.png").write_bytes(b"\x89PNG\x00")
    return root


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path]:
    return write_site(tmp_path / "old"), write_site(tmp_path / "new")


def test_same_output_is_identical(sites: tuple[Path, Path]) -> None:
    assert tree_differences(*sites) == []


def test_the_wall_clock_is_masked(tmp_path: Path) -> None:
    old = write_site(tmp_path / "old")
    new = write_site(tmp_path / "new", built_at="2027-01-31T23:59:59+00:00",
                     generated="2027-01-31 23:59")
    assert tree_differences(old, new) == []
    assert tree_differences(old, new, masks=()) == [
        "_dashboard/index.html: differs", "xx-city.manifest.json: differs"]
    assert len(MASKS) == 2  # each new exclusion needs a reason in versions.py


def test_a_changed_build_id_is_reported(tmp_path: Path) -> None:
    old = write_site(tmp_path / "old")
    new = write_site(tmp_path / "new", build_id="cd" * 32)
    assert tree_differences(old, new) == ["xx-city.manifest.json: differs"]


def test_a_mask_covers_only_its_file_and_field(sites: tuple[Path, Path]) -> None:
    old, new = sites
    # The same text as the masked fields, inside a page, is compared.
    (old / "xx-city/index.html").write_text('"built_at": "2026-01-01" (generated) '
                                            "2026-01-01 10:00 UTC", encoding="utf-8")
    (new / "xx-city/index.html").write_text('"built_at": "2026-01-02" (generated) '
                                            "2026-01-02 10:00 UTC", encoding="utf-8")
    # A manifest in a mission's folder is a file of the site, not the build's manifest.
    for root, when in ((old, "2026-01-01"), (new, "2026-01-02")):
        (root / "xx-city/a.manifest.json").write_text(f'"built_at": "{when}"\n')
    # The dashboard's other lines are compared.
    dashboard = new / "_dashboard/index.html"
    dashboard.write_text(dashboard.read_text(encoding="utf-8").replace("1 cơ", "2 cơ"),
                         encoding="utf-8")
    assert tree_differences(old, new) == [
        "_dashboard/index.html: differs",
        "xx-city/a.manifest.json: differs",
        "xx-city/index.html: differs",
    ]


def test_one_byte_missing_and_extra_files_are_reported(sites: tuple[Path, Path]) -> None:
    old, new = sites
    (new / "xx-city/news/2026/post-0000/photo.png").write_bytes(b"\x89PNG\x01")
    (old / "xx-city/.well-known/security.txt").unlink()
    (new / "xx-city/extra.html.gz").write_bytes(b"\x1f\x8b")
    assert tree_differences(old, new) == [
        "xx-city/.well-known/security.txt: only in new",
        "xx-city/extra.html.gz: only in new",
        "xx-city/news/2026/post-0000/photo.png: differs",
    ]


def test_symbolic_links_are_compared_by_target(sites: tuple[Path, Path]) -> None:
    old, new = sites
    os.symlink("index.html", old / "xx-city/home.html")
    os.symlink("news", new / "xx-city/home.html")
    os.symlink("news", old / "xx-city/latest")
    shutil.copytree(old / "xx-city/news", new / "xx-city/latest")  # a folder, not a link
    differences = tree_differences(old, new)
    assert "xx-city/home.html: differs" in differences
    assert "xx-city/latest: only in old" in differences
    assert "xx-city/latest/2026/post-0000/index.html: only in new" in differences


def test_medians_and_ratios() -> None:
    runs = {"old": [Timing(2.0, 3.0), Timing(9.0, 3.5), Timing(2.2, 4.0)],
            "new": [Timing(1.0, 3.0), Timing(1.2, 3.5)]}
    assert medians(runs) == {"old_wall_s": 2.2, "new_wall_s": 1.1, "ratio_wall_s": 0.5,
                             "old_cpu_s": 3.5, "new_cpu_s": 3.25, "ratio_cpu_s": 0.929}
