"""A small network for news tests: HQ's settings only (hq.yml), and mission fr-lyon (vi, fr)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CONTENT, MISSION_YML, page, write


@pytest.fixture
def news_dir(tmp_path: Path) -> Path:
    """Only what news needs, so that work elsewhere in HQ's data cannot break these tests."""
    content = tmp_path / "content"
    (content / "_hq").mkdir(parents=True)
    shutil.copy(CONTENT / "_hq" / "hq.yml", content / "_hq" / "hq.yml")
    write(content / "fr-lyon" / "mission.yml", MISSION_YML)
    for lang, news in (("vi", "Tin tức"), ("fr", "Actualités")):
        base = content / "fr-lyon" / "pages" / lang
        write(base / "index.md", page(f"Home {lang}", "Xem [giới thiệu](/about.md)."))
        write(base / "about.md", page(f"About {lang}"))
        write(base / "news/index.md", page(news, f"Intro {lang}."))
    return content
