"""Posts' front matter kept between builds in a read cache: read again only when a file
changed, and written by the build's parent, once the planner and the workers read it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from chancery.core.incremental import store
from chancery.core.incremental.reads import ReadCache
from chancery.core.incremental.stamps import RACY_SECONDS
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


def later() -> float:
    """As if reading long after the files were written (a change time cannot be set back)."""
    return time.time() + RACY_SECONDS + 1


def _post(folder: Path, name: str, text: str = POST) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_later_build_takes_unchanged_posts_from_the_cache(tmp_path: Path) -> None:
    mission, cache = tmp_path / "fr-paris", tmp_path / "cache" / "fr-paris.json"
    post = _post(mission, "pages/vi/news/2026/a.md")
    reads = ReadCache.load(cache, later)  # none yet
    first = source.fast_meta(post, reads)
    assert isinstance(first, PostMeta) and first.title == "Lễ thượng cờ"
    assert reads.save(cache, under=mission, digests=False)
    assert str(post) in store.read(cache, "reads", 1)["facts"][source.FRONT_MATTER]

    again = ReadCache.load(cache, later)
    assert source.fast_meta(post, again) == first
    assert again.learnt() == {}  # nothing read: it would be learnt
    post.write_text(POST.replace("Lễ thượng cờ", "Lễ chào cờ"), encoding="utf-8")
    assert source.fast_meta(post, again).title == "Lễ chào cờ"
    assert list(again.learnt()[source.FRONT_MATTER]) == [str(post)]


def test_a_file_changed_just_before_it_was_read_is_not_kept(tmp_path: Path) -> None:
    mission, cache = tmp_path / "m", tmp_path / "fm.json"
    post = _post(mission, "a.md")
    reads = ReadCache()  # reading right after the write
    source.fast_meta(post, reads)
    reads.save(cache, under=mission, digests=False)
    assert store.read(cache, "reads", 1)["facts"] == {}


def test_only_the_missions_own_files_are_kept(tmp_path: Path) -> None:
    mine, other = _post(tmp_path / "m", "a.md"), _post(tmp_path / "m2", "b.md")
    reads = ReadCache(later)
    for post in (mine, other):
        source.fast_meta(post, reads)
    cache = tmp_path / "fm.json"
    reads.save(cache, under=tmp_path / "m", digests=False)
    assert list(store.read(cache, "reads", 1)["facts"][source.FRONT_MATTER]) == [str(mine)]


@pytest.mark.parametrize("text", ["{not json", '{"version": 1, "entries": {"x": 3}}',
                                  '{"chancery": "reads", "schema": 1, "version": 1, '
                                  '"data": {"facts": {"front-matter": {"x": 3}}}}', "[]"])
def test_a_damaged_cache_is_ignored(tmp_path: Path, text: str) -> None:
    post = _post(tmp_path / "m", "a.md")
    cache = tmp_path / "fm.json"
    cache.write_text(text, encoding="utf-8")
    reads = ReadCache.load(cache, later)
    assert source.fast_meta(post, reads).title == "Lễ thượng cờ"


def test_a_cache_recording_other_front_matter_for_a_changed_file_is_not_believed(
        tmp_path: Path) -> None:
    post = _post(tmp_path / "m", "a.md")
    cache = tmp_path / "fm.json"
    reads = ReadCache(later)
    source.fast_meta(post, reads)
    reads.save(cache, under=tmp_path / "m")
    post.unlink()
    _post(tmp_path / "m", "a.md", POST.replace("Lễ thượng cờ", "Lễ hạ cờ"))  # new stamp
    assert source.fast_meta(post, ReadCache.load(cache, later)).title == "Lễ hạ cờ"


def test_a_cache_serves_only_the_callers_it_is_handed_to(tmp_path: Path) -> None:
    post = _post(tmp_path / "m", "a.md")
    reads = ReadCache(later)
    meta = source.fast_meta(post, reads)
    assert reads.learnt()[source.FRONT_MATTER][str(post)][1] == source.read_meta(post)
    other = ReadCache(later)
    assert source.fast_meta(post, other) == meta and other.learnt() != {}  # its own read
    assert meta == source.fast_meta(post)  # and without any cache, read afresh


def test_the_first_build_of_a_mission_keeps_every_post_s_front_matter(tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.synthetic import generate
    from chancery.pipeline.runner import build_missions
    from chancery.pipeline.state import StateStore

    monkeypatch.setenv("CHANCERY_NOW", "2026-07-01T12:00:00+00:00")
    spec = generate(tmp_path / "content", 1, 2, 3)
    time.sleep(RACY_SECONDS + 0.1)  # the files settle: what is read of them may be kept
    mission = spec.missions[0]
    out, cache = tmp_path / "site", tmp_path / "cache"
    (report,) = build_missions(spec.root, out, jobs=2, progress=lambda _: None, cache_dir=cache)
    assert report.ok
    kept = store.read(StateStore(cache, out).reads(mission), "reads", 1)["facts"]
    posts = [spec.post_file(mission, lang, n) for lang in spec.languages[mission]
             for n in range(3)]
    for post in posts:
        assert kept[source.FRONT_MATTER][str(post)][1] == source.read_meta(post)
    assert json.dumps(kept)  # JSON as written
