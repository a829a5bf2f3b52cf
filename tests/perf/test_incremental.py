"""Incremental builds skip what did not change and produce exactly what a cold build does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.synthetic import edit_post
from chancery.core.engine import CONFIG_ENV
from tests.conftest import ROOT
from tests.perf.conftest import Builds


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of every file under ``folder``."""
    found = {}
    for top, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(top, name))
            found[os.path.relpath(os.path.join(top, name), folder)] = (stat.st_ino,
                                                                       stat.st_mtime_ns)
    return found


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_unchanged_mission_is_skipped_and_its_output_left_untouched(builds: Builds) -> None:
    first = builds.build()
    assert first.built == ["vi", "fr"] and not first.unchanged
    manifest = builds.out / f"{builds.mission}.manifest.json"
    before, manifest_before = stamps(builds.out / builds.mission), manifest.stat().st_mtime_ns

    again = builds.build()

    assert again.unchanged and again.built == [] and again.pages == first.pages
    assert stamps(builds.out / builds.mission) == before
    assert manifest.stat().st_mtime_ns == manifest_before


def test_edits_rebuild_only_the_languages_they_reach_and_match_cold_builds(
        builds3: Builds) -> None:
    spec, mission = builds3.spec, builds3.mission
    builds3.build()

    post = edit_post(spec, mission, "vi", 1)  # its body: other languages read its front matter
    report = builds3.build()
    assert report.built == ["vi"]
    assert report.partial == {"vi": [post.relative_to(spec.root / mission / "pages" / "vi")
                                     .as_posix()]}  # only that page is rendered again
    builds3.assert_same_as_cold()

    append(spec.root / mission / "pages" / "fr" / "about" / "index.md", "\nUne phrase.\n")
    report = builds3.build()
    assert report.built == ["fr"] and report.partial == {"fr": ["about/index.md"]}
    builds3.assert_same_as_cold()

    # HQ's Vietnamese page changes: its French and English translations become outdated.
    append(spec.root / "_hq" / "pages" / "vi" / "accessibility.md", "\nMột câu mới.\n")
    report = builds3.build()
    assert report.built == ["vi", "fr", "en"]
    assert report.partial == dict.fromkeys(["vi", "fr", "en"], ["accessibility.md"])
    builds3.assert_same_as_cold()
    notice = "chancery-notice--outdated"
    site = builds3.out / mission
    assert notice in (site / "fr" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert notice not in (site / "accessibility" / "index.html").read_text(encoding="utf-8")

    # The whole of French rendered again: the planner tells the workers what is outdated.
    append(spec.root / mission / "pages" / "fr" / "index.md", "\n---\n")
    report = builds3.build(force=True)
    assert "fr" in report.built and "fr" not in report.partial
    assert notice in (site / "fr" / "accessibility" / "index.html").read_text(encoding="utf-8")
    builds3.assert_same_as_cold()

    # A whole language rendered again: the post's summary shows in the listings.
    post.write_text(post.read_text(encoding="utf-8").replace('summary: "', 'summary: "Mới. ', 1),
                    encoding="utf-8")
    report = builds3.build()
    assert report.built == ["vi", "fr", "en"] and report.partial == {}
    builds3.assert_same_as_cold()


def test_a_title_change_reaches_every_language(builds: Builds) -> None:
    builds.build()
    post = builds.spec.post_file(builds.mission, "vi", 2)
    post.write_text(post.read_text(encoding="utf-8").replace('title: "', 'title: "Mới: ', 1),
                    encoding="utf-8")  # the French version links to it by its new address
    assert builds.build().built == ["vi", "fr"]
    builds.assert_same_as_cold()


@pytest.fixture
def theme_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project's configuration and theme copied, and chosen for the builds."""
    folder = tmp_path / "hq-config"
    shutil.copytree(ROOT / "themes", folder / "themes")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "content").mkdir()  # docs_dir must exist; the site plugin points it elsewhere
    monkeypatch.setenv(CONFIG_ENV, str(folder / "mkdocs.yml"))
    return folder


def test_a_theme_or_configuration_change_rebuilds_everything(builds: Builds,
                                                              theme_copy: Path) -> None:
    builds.build()
    append(theme_copy / "themes" / "chancery" / "assets" / "stylesheets" / "chancery.css",
           "\n.chancery-benchmark { color: #da251d; }\n")
    assert builds.build().built == ["vi", "fr"]
    builds.assert_same_as_cold()

    config = theme_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - abbr\n", "  - abbr\n  - sane_lists\n"), encoding="utf-8")
    assert builds.build().built == ["vi", "fr"]


def test_the_clock_publishes_a_scheduled_post_and_nothing_else(
        builds: Builds, monkeypatch: pytest.MonkeyPatch) -> None:
    source = builds.spec.post_file(builds.mission, "vi", 0)
    scheduled = source.with_name("scheduled.md")
    text = source.read_text(encoding="utf-8").replace('title: "', 'title: "Lịch: ', 1)
    scheduled.write_text(text.replace("date: 2026-06-30T10:00:00+01:00",
                                      "date: 2026-07-03T09:00:00+07:00"), encoding="utf-8")
    first = builds.build()

    monkeypatch.setenv("CHANCERY_NOW", "2026-07-01T13:00:00+00:00")  # same days, no date passed
    assert builds.build().unchanged

    monkeypatch.setenv("CHANCERY_NOW", "2026-07-03T03:00:00+00:00")
    later = builds.build()
    assert not later.unchanged and later.pages > first.pages
    builds.assert_same_as_cold()


def test_a_damaged_output_is_built_again(builds: Builds) -> None:
    builds.build()
    page = next((builds.out / builds.mission / "news").rglob("index.html"))
    page.unlink()

    again = builds.build()

    assert again.built == ["vi", "fr"] and page.is_file()
    builds.assert_same_as_cold()


def test_force_builds_everything(builds: Builds) -> None:
    builds.build()
    assert builds.build(force=True).built == ["vi", "fr"]
    assert builds.build().unchanged
