"""A cache and an output restored by CI from an earlier run (same bytes, new inodes and
times, as ``actions/cache`` gives them back) make the next build incremental; a stale or
corrupt cache costs time only: the output is always that of a cold build."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from benchmarks.synthetic import edit_post
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.core.incremental.stamps import RACY_SECONDS
from tests.perf.conftest import Builds


def restore(path: Path) -> None:
    """Replace ``path`` by a copy of itself: every file gets a new inode and a new time."""
    copy = path.with_name(path.name + ".restored")
    shutil.copytree(path, copy, copy_function=shutil.copy)  # times not kept
    shutil.rmtree(path)
    copy.rename(path)


def fresh_checkout(content: Path) -> None:
    """Content files with new times, as a fresh ``git checkout`` leaves them."""
    for folder, _dirs, files in os.walk(content):
        for name in files:
            os.utime(Path(folder) / name)


def restore_everything(builds: Builds) -> None:
    restore(builds.out)
    restore(builds.cache)
    fresh_checkout(builds.spec.root)


def test_a_restored_cache_and_output_are_reused(builds3: Builds) -> None:
    builds3.build()
    restore_everything(builds3)
    report = builds3.build()
    assert report.unchanged and report.built == []  # nothing rendered again
    builds3.assert_same_as_cold()
    assert builds3.build().unchanged  # recorded under the restored files' new fingerprint


def test_after_a_restore_one_edited_post_renders_only_its_language(builds3: Builds) -> None:
    builds3.build()
    restore_everything(builds3)
    edit_post(builds3.spec, builds3.mission, DEFAULT_LANGUAGE, 1, "Một câu mới sau khi khôi phục.")
    report = builds3.build()
    assert list(report.partial) == [DEFAULT_LANGUAGE], (report.built, report.partial)
    builds3.assert_same_as_cold()


def test_a_restored_output_that_changed_is_rebuilt(builds3: Builds) -> None:
    builds3.build()
    restore_everything(builds3)
    page = builds3.out / builds3.mission / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited by hand -->",
                    encoding="utf-8")
    report = builds3.build()
    assert not report.unchanged and report.built  # not trusted: built again
    builds3.assert_same_as_cold()


def test_a_corrupt_cache_costs_time_not_correctness(builds3: Builds) -> None:
    builds3.build()
    for path in builds3.cache.rglob("*.json"):
        path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    report = builds3.build()
    assert report.built  # nothing recorded could be read: built again
    builds3.assert_same_as_cold()


def test_a_stale_cache_from_an_older_run_is_not_trusted(builds3: Builds, tmp_path: Path) -> None:
    builds3.build()
    old = tmp_path / "old-cache"
    shutil.copytree(builds3.cache, old)
    edit_post(builds3.spec, builds3.mission, DEFAULT_LANGUAGE, 2, "Một câu mới.")
    builds3.build()
    shutil.rmtree(builds3.cache)
    shutil.copytree(old, builds3.cache)  # CI restored an older run's cache ...
    restore(builds3.out)  # ... next to the newer output
    report = builds3.build()
    assert report.built  # the output is not the one the cache describes
    builds3.assert_same_as_cold()
    manifest = json.loads((builds3.out / f"{builds3.mission}.manifest.json").read_text())
    assert manifest["build_id"]


def test_a_read_cache_recording_other_front_matter_is_not_believed(builds3: Builds) -> None:
    """A workers' read cache from another checkout: what it says of files whose stamps
    changed is read again, whatever it says."""
    time.sleep(RACY_SECONDS + 0.1)  # the files settle: their front matter is kept
    builds3.build()
    (kept,) = builds3.cache.glob("*/front-matter/*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    entries = data["data"]["facts"]["front-matter"]
    assert entries  # the posts' front matter was kept
    for _stamp, meta in entries.values():
        meta["title"] = "Tiêu đề của một lần dựng khác"
    kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fresh_checkout(builds3.spec.root)  # same bytes, new stamps
    edit_post(builds3.spec, builds3.mission, DEFAULT_LANGUAGE, 0, "Một câu mới.")
    builds3.build()
    builds3.assert_same_as_cold()
    time.sleep(RACY_SECONDS + 0.1)  # once read again long enough after the checkout ...
    edit_post(builds3.spec, builds3.mission, DEFAULT_LANGUAGE, 1, "Thêm một câu.")
    builds3.build()
    builds3.assert_same_as_cold()
    text = kept.read_text(encoding="utf-8")  # ... the stale entries are replaced
    assert "Tiêu đề của một lần dựng khác" not in text and '"front-matter"' in text
