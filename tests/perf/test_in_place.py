"""A build that renders a few pages updates the live output in place, resumably."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.synthetic import edit_post
from chancery.pipeline.digest import tree_digest
from chancery.pipeline.patch import JOURNAL, resume
from chancery.pipeline.runner import build_missions
from chancery.pipeline.staging import STAGING_DIR
from tests.perf.conftest import Builds
from tests.perf.test_incremental import stamps


def post_page(builds: Builds, number: int) -> Path:
    """The Vietnamese page built from synthetic post ``number``."""
    spec, mission = builds.spec, builds.mission
    text = spec.post_file(mission, "vi", number).read_text(encoding="utf-8")
    title = text.split("title:", 1)[1].splitlines()[0].strip().strip('"')
    found = [path for path in (builds.out / mission / "news").glob("*/*/index.html")
             if f"<h1>{title}</h1>" in path.read_text(encoding="utf-8")]
    assert len(found) == 1, found
    return found[0]


def manifest_id(builds: Builds) -> str:
    data = json.loads((builds.out / f"{builds.mission}.manifest.json").read_text())
    return data["build_id"]


def test_a_one_post_edit_replaces_only_the_files_it_changed(builds3: Builds) -> None:
    builds3.build()
    site = builds3.out / builds3.mission
    page = post_page(builds3, 1)
    before = stamps(site)

    edit_post(builds3.spec, builds3.mission, "vi", 1, "Một câu mới về hợp tác.")
    report = builds3.build()

    assert list(report.partial) == ["vi"]
    bundle = "pagefind/vi/news-2026/"  # the search bundle of the post's year: indexed again
    after = {rel: stamp for rel, stamp in stamps(site).items() if not rel.startswith(bundle)}
    kept = {rel: stamp for rel, stamp in before.items() if not rel.startswith(bundle)}
    assert after.keys() == kept.keys()  # no other file came or went
    rel_page = page.relative_to(site).as_posix()
    copies = {rel_page + ".gz", rel_page + ".br"}  # its precompressed copies (see precompress)
    assert {rel for rel in after if after[rel] != kept[rel]} == {rel_page} | copies
    assert "Một câu mới về hợp tác." in page.read_text(encoding="utf-8")
    assert not (builds3.out / STAGING_DIR).exists()
    assert manifest_id(builds3) == tree_digest(site)  # kept up to date without a full walk
    builds3.assert_same_as_cold()
    assert builds3.build().unchanged  # what was recorded of the output is what it is now


@contextmanager
def unwritable(page: Path) -> Iterator[None]:
    """While in the block, nothing can replace ``page``, as when a disk fails halfway through
    an update: its folder is read-only or, for root (whom permissions do not stop), the file
    is immutable. Neither changes what the planner sees of the output (files' paths, sizes,
    times and inodes), so the build still updates it in place."""
    if os.geteuid() != 0:
        mode = page.parent.stat().st_mode
        page.parent.chmod(0o555)
        try:
            yield
        finally:
            page.parent.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(page)], capture_output=True).returncode != 0:
        pytest.skip("running as root where no file can be made immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(page)], check=True)


def test_an_interrupted_update_is_finished_by_the_next_build(builds3: Builds) -> None:
    builds3.build()
    site = builds3.out / builds3.mission
    page = post_page(builds3, 2)
    entry = site / "pagefind/vi/news-2026/pagefind-entry.json"  # the post's search bundle
    indexed_before = entry.stat().st_ino
    edit_post(builds3.spec, builds3.mission, "vi", 2, "Câu này đến sau khi mất điện.")

    with unwritable(page):  # the search bundle goes in, then the page cannot
        (report,) = build_missions(builds3.spec.root, builds3.out, jobs=2,
                                   progress=lambda _: None, cache_dir=builds3.cache)
        assert list(report.partial) == ["vi"]  # an update in place, not a swap

    assert not report.ok and "could not finish" in report.errors[0]
    assert entry.stat().st_ino != indexed_before  # halfway: the new bundle is in,
    assert "Câu này đến sau khi mất điện." not in page.read_text(encoding="utf-8")  # not the page
    journals = list((builds3.out / STAGING_DIR).glob(f"*/{JOURNAL}"))
    assert len(journals) == 1  # kept, with the files still to move

    assert resume(builds3.out) == [builds3.mission]
    assert not list((builds3.out / STAGING_DIR).glob(f"*/{JOURNAL}"))
    assert "Câu này đến sau khi mất điện." in page.read_text(encoding="utf-8")

    builds3.build()  # what the interrupted build did not record is built again
    assert manifest_id(builds3) == tree_digest(site)
    builds3.assert_same_as_cold()


def test_a_failed_partial_build_leaves_the_output_untouched(builds3: Builds) -> None:
    builds3.build()
    site = builds3.out / builds3.mission
    before = stamps(site)
    post = builds3.spec.post_file(builds3.mission, "vi", 1)
    post.write_text(post.read_text(encoding="utf-8") + "\n![Ảnh](../../media/missing.png)\n",
                    encoding="utf-8")

    (report,) = build_missions(builds3.spec.root, builds3.out, jobs=2,
                               progress=lambda _: None, cache_dir=builds3.cache)

    assert not report.ok and "missing.png" in report.errors[0]
    assert stamps(site) == before
    assert not (builds3.out / STAGING_DIR).exists()


def test_a_partial_build_checks_the_changed_pages_and_keeps_the_other_warnings(
        builds3: Builds) -> None:
    draft = builds3.spec.post_file(builds3.mission, "vi", 3)
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("---\n", "---\ndraft: true\n", 1)
                     .replace("categories: [", "categories: [no-such-category, ", 1),
                     encoding="utf-8")
    first = builds3.build()
    warned = [w for w in first.warnings if "no-such-category" in w]
    assert len(warned) == 1 and draft.name in warned[0]

    edit_post(builds3.spec, builds3.mission, "vi", 1)
    report = builds3.build()

    assert list(report.partial) == ["vi"]
    assert [w for w in report.warnings if "no-such-category" in w] == warned  # kept, once

    broken = builds3.spec.post_file(builds3.mission, "vi", 1)
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[Liên hệ](no-such-page.md)\n",
                      encoding="utf-8")
    (failed,) = build_missions(builds3.spec.root, builds3.out, jobs=2,
                               progress=lambda _: None, cache_dir=builds3.cache)
    assert not failed.ok and any("no-such-page.md" in e and broken.name in e
                                 for e in failed.errors)  # the changed page was checked
