"""The search index in shards: which page goes where, and only changed shards re-indexed."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

from benchmarks.synthetic import Spec, edit_post, generate
from chancery.pipeline.search_index import SEARCH_DIR, plan_shards, shard_of
from tests.perf.conftest import Builds

SHARDS = ["pages", "news-2026", "news-2025", "news-archive"]
YEARS = {0: 2026, 1: 2026, 2: 2025, 3: 2024, 4: 2023}  # post number -> the year it is dated
BODY = '<html lang="vi"><body><div data-pagefind-body>{}</div></body></html>'


def test_pages_posts_and_listings_are_told_apart() -> None:
    assert shard_of("index.html") == shard_of("about/index.html") == "pages"
    assert shard_of("news/2024/le-tet/index.html") == "news/2024"
    for listing in ("news/index.html", "news/page/2/index.html", "news/2024/index.html",
                    "news/2024/page/2/index.html", "news/category/culture/index.html",
                    "news/category/culture/page/2/index.html", "news/feed.xml"):
        assert shard_of(listing) is None, listing
    assert shard_of("404.html") is shard_of("search/index.html") is None
    assert shard_of("assets/logo.svg") is None


def test_shards_group_years_and_leave_out_fallback_copies(tmp_path: Path) -> None:
    root = tmp_path / "fr-root"
    pages = {"index.html": BODY, "about/index.html": BODY,
             "untranslated/index.html": "<html><body><p>data-pagefind-body</p></body></html>",
             "news/index.html": BODY, "news/2022/index.html": BODY, "404.html": BODY,
             **{f"news/{year}/post-{year}/index.html": BODY for year in range(2020, 2027)}}
    for rel, text in pages.items():
        path = root / "fr" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(rel), encoding="utf-8")
    (root / SEARCH_DIR / "fr" / "pages").mkdir(parents=True)  # an index is not a page
    (root / SEARCH_DIR / "fr" / "pages" / "x.html").write_text(BODY, encoding="utf-8")

    shards = plan_shards(root, "fr/")

    assert [(s.name, s.files) for s in shards] == [
        ("pages", ["fr/about/index.html", "fr/index.html"]),
        ("news-2026", ["fr/news/2026/post-2026/index.html"]),
        ("news-2025", ["fr/news/2025/post-2025/index.html"]),
        ("news-archive", [f"fr/news/{year}/post-{year}/index.html" for year in range(2020, 2025)]),
    ]
    digests = {s.name: s.digest for s in shards}
    (root / "fr" / "news" / "2021" / "post-2021" / "index.html").write_text(
        BODY.format("edited"), encoding="utf-8")
    (root / "fr" / "news" / "index.html").write_text(BODY.format("listing"), encoding="utf-8")
    after = {s.name: s.digest for s in plan_shards(root, "fr/")}
    assert [name for name in SHARDS if after[name] != digests[name]] == ["news-archive"]


def backdate(spec: Spec, mission: str, number: int, year: int) -> None:
    """Move post ``number`` (every language) to ``year``, same day and time."""
    for lang in spec.languages[mission]:
        source = spec.post_file(mission, lang, number)
        text = source.read_text(encoding="utf-8").replace("date: 2026-", f"date: {year}-", 1)
        target = source.parents[1] / str(year) / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        source.unlink()


def post_file(spec: Spec, mission: str, lang: str, number: int) -> Path:
    path = spec.post_file(mission, lang, number)
    return path.parents[1] / str(YEARS[number]) / path.name


@pytest.fixture
def years(tmp_path: Path) -> Builds:
    """Vietnamese and French, five posts from 2023 to 2026; one French page untranslated."""
    spec = generate(tmp_path / "content", 1, 2, 5)
    mission = spec.missions[0]
    for number, year in YEARS.items():
        if year != 2026:
            backdate(spec, mission, number, year)
    (spec.root / mission / "pages" / "fr" / "about" / "head-of-mission.md").unlink()
    return Builds(spec, tmp_path)


def indexed(bundle: Path) -> list[str]:
    """The URLs of the pages in a Pagefind bundle (from its fragments)."""
    urls = []
    for fragment in (bundle / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{"):])["url"])
    return urls


def shard_stamps(site: Path, lang: str) -> dict[str, int]:
    """The inode of each shard's entry file: it changes only when Pagefind ran again."""
    return {shard: (site / SEARCH_DIR / lang / shard / "pagefind-entry.json").stat().st_ino
            for shard in SHARDS}


def test_every_page_is_in_exactly_one_shard_and_listings_in_none(years: Builds) -> None:
    years.build()
    site = years.out / years.mission
    for lang, prefix in (("vi", "/"), ("fr", "/fr/")):
        search = site / SEARCH_DIR / lang
        assert json.loads((search / "shards.json").read_text()) == SHARDS
        urls = {shard: indexed(search / shard) for shard in SHARDS}
        every = [url for shard in SHARDS for url in urls[shard]]
        assert len(every) == len(set(every)), every  # no page twice
        post = re.compile(re.escape(prefix) + r"news/(\d{4})/[^/]+/$")
        for shard, found in urls.items():
            for url in found:
                assert url.startswith(prefix) and not url.startswith(f"{prefix}fr/"), url
                match = post.match(url)
                if shard == "pages":
                    assert match is None and not url.startswith(f"{prefix}news/"), url
                else:
                    assert match is not None, url
                    year = match.group(1)
                    assert shard == (f"news-{year}" if year >= "2025" else "news-archive"), url
        assert sorted(len(urls[s]) for s in SHARDS[1:]) == [1, 2, 2]  # 2026, 2025, older
        assert {f"{prefix}", f"{prefix}about/", f"{prefix}profile/"} <= set(urls["pages"])
        assert not {f"{prefix}search/", f"{prefix}404.html"} & set(every)
        listings = [url for url in every
                    if re.match(re.escape(prefix) + r"news/((\d{4}/)?(page/\d+/)?|category/.*)$",
                                url)]
        assert listings == []
    fr_pages = set(indexed(site / SEARCH_DIR / "fr" / "pages"))
    assert "/fr/about/head-of-mission/" not in fr_pages  # an untranslated fallback copy
    assert "/about/head-of-mission/" in indexed(site / SEARCH_DIR / "vi" / "pages")
    entry = site / SEARCH_DIR / "vi" / "pages" / "pagefind.js"
    twin = site / SEARCH_DIR / "fr" / "news-archive" / "pagefind.js"
    assert entry.samefile(twin)  # the files every bundle has are stored once


def test_an_edit_indexes_only_the_shard_of_the_edited_post(years: Builds) -> None:
    spec, mission = years.spec, years.mission
    site = years.out / mission
    years.build()
    before = {lang: shard_stamps(site, lang) for lang in ("vi", "fr")}

    old = post_file(spec, mission, "vi", 4)  # dated 2023: in the archive
    old.write_text(old.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    report = years.build()

    assert report.built == ["vi"] and list(report.partial) == ["vi"]
    after = {lang: shard_stamps(site, lang) for lang in ("vi", "fr")}
    assert after["fr"] == before["fr"]
    assert [s for s in SHARDS if after["vi"][s] != before["vi"][s]] == ["news-archive"]
    years.assert_same_as_cold()

    edit_post(spec, mission, "vi", 0)  # the newest post
    years.build()
    latest = shard_stamps(site, "vi")
    assert [s for s in SHARDS if latest[s] != after["vi"][s]] == ["news-2026"]
    years.assert_same_as_cold()


def test_a_damaged_shard_is_indexed_again(years: Builds) -> None:
    years.build()
    site = years.out / years.mission
    meta = next((site / SEARCH_DIR / "vi" / "news-2025").glob("*.pf_meta"))
    meta.write_bytes(b"damaged")
    edit_post(years.spec, years.mission, "vi", 0)
    years.build()  # its input did not change, but its files did: Pagefind runs again
    assert meta.read_bytes() != b"damaged"
    years.assert_same_as_cold()


def test_search_copies_index_exactly_as_the_whole_pages(years: Builds, tmp_path: Path) -> None:
    """Pagefind reads the copies (head, header and navigation left out) as the pages."""
    from chancery.pipeline.search_index import _run, search_copy

    years.build()
    site = years.out / years.mission
    whole, copies = tmp_path / "whole", tmp_path / "copies"
    pages = [p for p in site.rglob("index.html")  # Vietnamese posts, listings and pages
             if {SEARCH_DIR, "fr"}.isdisjoint(p.relative_to(site).parts)
             and b"data-pagefind-body" in p.read_bytes()]  # (one language: one entry order)
    assert len(pages) > 20
    for page in pages:
        rel = page.relative_to(site)
        (whole / rel).parent.mkdir(parents=True, exist_ok=True)
        (whole / rel).write_bytes(page.read_bytes())
        copy = search_copy(page.read_bytes())
        assert copy is not None and len(copy) < page.stat().st_size * 0.6, rel
        (copies / rel).parent.mkdir(parents=True, exist_ok=True)
        (copies / rel).write_bytes(copy)
    _run(whole, tmp_path / "index-whole")
    _run(copies, tmp_path / "index-copies")
    files = sorted(p.relative_to(tmp_path / "index-whole")
                   for p in (tmp_path / "index-whole").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "index-copies")
                           for p in (tmp_path / "index-copies").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "index-whole" / rel).read_bytes() == \
               (tmp_path / "index-copies" / rel).read_bytes(), rel


def test_search_copies_go_to_memory_only_with_room_to_spare(tmp_path: Path) -> None:
    """Memory scratch when it exists and has room for every run's copies, else the disk."""
    from chancery.pipeline.search_index import scratch_for

    memory = tmp_path / "memory"
    memory.mkdir()
    disk = tmp_path / "disk"
    assert scratch_for(1 << 20, disk, memory) == memory
    assert scratch_for(1 << 60, disk, memory) == disk  # more than any machine has
    assert scratch_for(0, disk, tmp_path / "missing") == disk


def test_indexing_from_the_disk_finds_the_same_pages(years: Builds, tmp_path: Path) -> None:
    """Without memory scratch (a container's small /dev/shm) every shard holds the same
    pages with the same fragments. (Pagefind numbers pages in the order it lists its folder,
    which on a disk is the file system's, so the index files themselves may differ.)"""
    import shutil

    from chancery.pipeline.search_index import MEMORY_SCRATCH, index_language

    def contents(root: Path, memory: Path) -> dict[str, tuple[list[str], list[str]]]:
        index_language(root, "fr", "fr/", memory=memory)
        return {shard.name: (sorted(indexed(shard)), sorted(f.name for f in
                                                            (shard / "fragment").iterdir()))
                for shard in (root / SEARCH_DIR / "fr").iterdir() if shard.is_dir()}

    years.build()
    french = years.out / years.mission / "fr"  # a language alone under its root, as staged
    for name in ("in-memory", "on-disk"):
        shutil.copytree(french, tmp_path / name / "fr")
    in_memory = contents(tmp_path / "in-memory", MEMORY_SCRATCH)
    assert contents(tmp_path / "on-disk", Path("/nonexistent/scratch")) == in_memory
    assert set(in_memory) == set(SHARDS)
    assert not list(tmp_path.glob("**/chancery-search-*"))  # scratch cleaned up


def test_scratch_left_by_a_killed_build_is_swept(tmp_path: Path) -> None:
    """A build killed while indexing leaves its copies in memory; the next one removes them,
    never the folders of a process still running."""
    import subprocess
    import sys

    from chancery.pipeline.search_index import sweep_scratch

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = tmp_path / f"chancery-search-{gone}-news-2025-abc123"
    (dead / "vi" / "news").mkdir(parents=True)
    (dead / "vi" / "news" / "index.html").write_text("<html></html>")
    running = tmp_path / f"chancery-search-{os.getpid()}-pages-def456"
    running.mkdir()
    other = tmp_path / "someone-elses-file"
    other.mkdir()
    assert sweep_scratch(tmp_path) == [dead.name]
    assert not dead.exists() and running.exists() and other.exists()
