"""Shared fixtures: a small valid network written into a temporary content folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

MISSION_YML = """\
id: fr-lyon
kind: consulate-general
host_country: FR
languages: [vi, fr]
name:
  vi: Tổng Lãnh sự quán Việt Nam tại Lyon
  fr: Consulat général du Viet Nam à Lyon
site_url: https://fr-lyon.test.example/
address:
  street: 12 rue de la République
  postal_code: "69002"
  city: Lyon
  country: FR
hotline: "+33 6 12 34 56 78"
phones:
  - number: "+33 4 72 00 00 00"
    label: {vi: Tổng đài, fr: Standard}
emails:
  - address: lyon@fr-lyon.test.example
    label: {vi: Văn phòng, fr: Secrétariat}
jurisdiction:
  vi: Vùng Auvergne-Rhône-Alpes
  fr: Région Auvergne-Rhône-Alpes
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def page(title: str, body: str = "Nội dung.") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


@pytest.fixture
def network_dir(tmp_path: Path) -> Path:
    """HQ settings and pages copied from the repo, plus one small valid mission ``fr-lyon``."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "fr-lyon" / "mission.yml", MISSION_YML)
    for lang in ("vi", "fr"):
        base = content / "fr-lyon" / "pages" / lang
        write(base / "index.md", page(f"Home {lang}", "Xem [giới thiệu](/about.md)."))
        write(base / "about.md", page(f"About {lang}"))
    return content


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example network (content/) built once per test session; returns the output folder."""
    from chancery.build.runner import build_missions

    out = tmp_path_factory.mktemp("example-site")
    reports = build_missions(CONTENT, out, jobs=2, progress=lambda line: None)
    failed = {r.mission: r.errors for r in reports if not r.ok}
    assert not failed, failed
    return out
