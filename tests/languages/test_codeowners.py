"""``new mission`` gives the mission's editors their CODEOWNERS line."""

from __future__ import annotations

import shutil
from pathlib import Path

from chancery.tools.scaffold import new_mission
from tests.conftest import CONTENT

ROOT = Path(__file__).resolve().parents[2]


def test_new_mission_adds_its_codeowners_line(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    shutil.copy(ROOT / ".github" / "CODEOWNERS", tmp_path / ".github" / "CODEOWNERS")
    shutil.copytree(CONTENT / "_hq", tmp_path / "content" / "_hq")
    new_mission(tmp_path / "content", "la-vientiane", "embassy", ["vi", "lo", "en"])
    lines = (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert lines[-1].split() == ["/content/la-vientiane/", "@vn-mofa/la-vientiane-editors"]
    assert sum("/content/la-vientiane/" in line for line in lines) == 1


def test_no_repository_no_codeowners(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "_hq", tmp_path / "content" / "_hq")
    new_mission(tmp_path / "content", "la-vientiane", "embassy", ["vi", "lo"])
    assert not (tmp_path / ".github").exists()
