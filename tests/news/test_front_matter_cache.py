"""Posts' front matter kept between builds: read again only when a file changed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from chancery.features.news import source
from chancery.features.news.model import PostMeta

POST = """---
title: "Lễ thượng cờ"
date: 2026-01-02T09:00:00+01:00
categories: [embassy]
summary: "Đại sứ quán tổ chức lễ thượng cờ đầu năm."
---

Nội dung.
"""


@pytest.fixture()
def fresh(monkeypatch):
    """A process that has read nothing yet."""
    def reset() -> None:
        monkeypatch.setattr(source, "_RAW", {})
        monkeypatch.setattr(source, "_SEEN", {})
        monkeypatch.setattr(source, "_LOADED", set())
        monkeypatch.setattr(source, "_read_since_saved", False)
    reset()
    return reset


def _post(folder: Path, name: str, text: str = POST, age_s: float = 60) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    past = time.time() - age_s
    os.utime(path, (past, past))
    return path


def _reads(monkeypatch) -> list[Path]:
    read: list[Path] = []
    real = source.read_meta

    def counting(path: Path):
        read.append(path)
        return real(path)

    monkeypatch.setattr(source, "read_meta", counting)
    return read


def test_a_later_build_takes_unchanged_posts_from_the_cache(tmp_path, fresh, monkeypatch):
    mission, cache = tmp_path / "fr-paris", tmp_path / "cache" / "fr-paris.json"
    post = _post(mission, "pages/vi/news/2026/a.md")
    time.sleep(0.01)
    source.load_cache(cache)  # none yet
    first = source.fast_meta(post)
    assert isinstance(first, PostMeta) and first.title == "Lễ thượng cờ"
    # ctime is "now" even for an old mtime: pretend the read happened long after it
    stamp, meta, _ = source._RAW[str(post)]
    source._RAW[str(post)] = (stamp, meta, time.time() + source.RACY_S)
    source.save_cache(cache, mission)
    assert str(post) in json.loads(cache.read_text(encoding="utf-8"))["entries"]

    fresh()
    read = _reads(monkeypatch)
    source.load_cache(cache)
    assert source.fast_meta(post) == first
    assert read == []  # not read again

    post.write_text(POST.replace("Lễ thượng cờ", "Lễ chào cờ"), encoding="utf-8")
    assert source.fast_meta(post).title == "Lễ chào cờ"
    assert read == [post]


def test_a_file_changed_just_before_it_was_read_is_not_kept(tmp_path, fresh):
    mission, cache = tmp_path / "m", tmp_path / "fm.json"
    post = _post(mission, "a.md", age_s=0)
    source.fast_meta(post)
    source.save_cache(cache, mission)
    assert json.loads(cache.read_text(encoding="utf-8"))["entries"] == {}


def test_only_the_missions_own_files_are_kept(tmp_path, fresh):
    mine, other = _post(tmp_path / "m", "a.md"), _post(tmp_path / "m2", "b.md")
    for post in (mine, other):
        source.fast_meta(post)
        stamp, meta, _ = source._RAW[str(post)]
        source._RAW[str(post)] = (stamp, meta, time.time() + source.RACY_S)
    cache = tmp_path / "fm.json"
    source.save_cache(cache, tmp_path / "m")
    assert list(json.loads(cache.read_text(encoding="utf-8"))["entries"]) == [str(mine)]


@pytest.mark.parametrize("text", ["{not json", '{"version": 1, "entries": {"x": 3}}',
                                  '{"version": 99, "entries": {}}', "[]"])
def test_a_damaged_cache_is_ignored(tmp_path, fresh, monkeypatch, text):
    post = _post(tmp_path / "m", "a.md")
    cache = tmp_path / "fm.json"
    cache.write_text(text, encoding="utf-8")
    source.load_cache(cache)
    read = _reads(monkeypatch)
    assert source.fast_meta(post).title == "Lễ thượng cờ"
    assert read == [post]


def test_front_matter_parsed_by_another_reader_is_taken_only_if_the_file_still_holds_it(
        tmp_path: Path, fresh) -> None:
    from chancery.content.loaders.frontmatter import quick_parse

    post = _post(tmp_path / "mission", "pages/vi/news/2026/flag.md")
    data = post.read_bytes()
    source.remember(post, data, quick_parse(data.decode()))
    assert source.fast_meta(post) == PostMeta.model_validate(source.read_meta(post))

    stale = _post(tmp_path / "mission", "pages/vi/news/2026/other.md")
    source.remember(stale, data.replace("Nội dung".encode(), "Khác".encode()), quick_parse(POST))
    assert str(stale) not in source._RAW  # the bytes given are not the file's


def test_the_first_build_of_a_mission_starts_from_the_front_matter_the_planner_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.synthetic import generate
    from chancery.pipeline import runner

    monkeypatch.setenv("CHANCERY_NOW", "2026-07-01T12:00:00+00:00")
    monkeypatch.setattr(source, "RACY_S", 0.0)  # the files were written just now
    spec = generate(tmp_path / "content", 1, 2, 3)
    mission = spec.missions[0]
    seeded: list[dict] = []
    real = runner._seed_front_matter

    def seed(store, mission_id, content_dir) -> None:  # noqa: ANN001
        real(store, mission_id, content_dir)
        seeded.append(json.loads(Path(runner._front_matter_file(store, mission_id))
                                 .read_text(encoding="utf-8"))["entries"])

    monkeypatch.setattr(runner, "_seed_front_matter", seed)
    (report,) = runner.build_missions(spec.root, tmp_path / "site", jobs=2,
                                      progress=lambda _: None, cache_dir=tmp_path / "cache")
    assert report.ok
    (entries,) = seeded  # written before the workers started
    posts = [spec.post_file(mission, lang, n) for lang in ("vi", spec.languages[mission][1])
             for n in range(3)]
    for post in posts:
        assert entries[str(post)][1] == source.read_meta(post)
