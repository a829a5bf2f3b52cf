"""The gzip and Brotli copies written beside the built text files (chancery.pipeline.precompress),
and the S3 publisher leaving them out."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli

from chancery.pipeline.digest import site_files
from chancery.pipeline.precompress import CompressionMemo, is_precompressed, precompress
from tests.publish.conftest import s3, write_build  # noqa: F401 - the moto server fixture
from tests.publish.test_s3 import MISSION, Setup

PAGE = ("<!doctype html><html lang=vi><title>Lãnh sự</title><p>"
        + "Thủ tục cấp hộ chiếu cho công dân Việt Nam ở nước ngoài. " * 40 + "</p></html>")
STYLE = "body { color: #1a1a1a; margin: 0 auto; }\n" * 60


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def test_every_text_file_gets_copies_that_decode_to_it(tmp_path: Path) -> None:
    site = tree(tmp_path / "site", {"index.html": PAGE, "assets/site.css": STYLE,
                                    "media/photo.jpg": b"\xff\xd8" + os.urandom(4000),
                                    "tiny.json": "{}"})
    assert precompress(site) == 3
    for rel in ("index.html", "assets/site.css"):
        data = (site / rel).read_bytes()
        assert gzip.decompress((site / f"{rel}.gz").read_bytes()) == data
        assert brotli.decompress((site / f"{rel}.br").read_bytes()) == data
        assert (site / f"{rel}.br").stat().st_size < (site / f"{rel}.gz").stat().st_size
    assert not (site / "media/photo.jpg.gz").exists()  # not a text file
    assert not (site / "tiny.json.gz").exists()  # a copy would not be smaller


def test_copies_are_the_same_bytes_on_every_run(tmp_path: Path) -> None:
    first = tree(tmp_path / "a", {"index.html": PAGE, "assets/site.css": STYLE})
    second = tree(tmp_path / "b", {"index.html": PAGE, "assets/site.css": STYLE})
    precompress(first)
    os.utime(second / "index.html", (1, 1))  # a different time must not change the bytes
    precompress(second)
    assert site_files(first) == site_files(second)
    for rel in site_files(first):
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_a_copy_without_its_file_is_removed_and_mkdocs_sitemap_is_left(tmp_path: Path) -> None:
    sitemap = gzip.compress(b"<urlset/>" * 50, mtime=123)
    site = tree(tmp_path / "site", {"old.html.gz": b"stale", "old.html.br": b"stale",
                                    "sitemap.xml": "<urlset/>" * 50, "sitemap.xml.gz": sitemap})
    precompress(site)
    assert not (site / "old.html.gz").exists() and not (site / "old.html.br").exists()
    assert (site / "sitemap.xml.gz").read_bytes() == sitemap  # MkDocs' own, untouched
    assert (site / "sitemap.xml.br").is_file()


def test_files_linked_from_the_live_site_keep_its_copies_and_others_never_write_into_them(
        tmp_path: Path) -> None:
    live = tree(tmp_path / "live", {"kept.html": PAGE, "changed.html": PAGE})
    precompress(live)
    live_copy = (live / "changed.html.gz").read_bytes()
    staging = tmp_path / "staging"
    staging.mkdir()
    for name in ("kept.html", "kept.html.gz", "kept.html.br", "changed.html.gz",
                 "changed.html.br"):
        os.link(live / name, staging / name)  # as link_missing leaves a partial build
    (staging / "changed.html").write_text(PAGE.replace("hộ chiếu", "thị thực"), encoding="utf-8")

    assert precompress(staging, live) == 1  # the changed page only
    assert os.path.samefile(staging / "kept.html.gz", live / "kept.html.gz")
    assert not os.path.samefile(staging / "changed.html.gz", live / "changed.html.gz")
    assert (live / "changed.html.gz").read_bytes() == live_copy  # the live site untouched
    assert b"th\xe1\xbb\x8b th\xe1\xbb\xb1c" in gzip.decompress(
        (staging / "changed.html.gz").read_bytes())


def test_is_precompressed_names_only_copies_of_text_files() -> None:
    assert is_precompressed("index.html.gz") and is_precompressed("assets/x.css.br")
    assert not is_precompressed("index.html")
    assert not is_precompressed("sitemap.xml.gz") and not is_precompressed("fr/sitemap.xml.gz")
    assert not is_precompressed("media/archive.tar.gz")


def test_the_example_build_has_copies_of_every_text_file(example_site: Path) -> None:
    for mission in sorted(p for p in example_site.iterdir() if p.is_dir() and p.name[0] != "_"):
        files = set(site_files(mission))
        texts = [rel for rel in files if rel.endswith((".html", ".css", ".js"))
                 and (mission / rel).stat().st_size > 1024]
        assert texts, mission.name
        missing = [rel for rel in texts if f"{rel}.gz" not in files or f"{rel}.br" not in files]
        assert missing == [], f"{mission.name}: no copies of {missing[:5]}"
        for rel in texts[::25]:
            assert brotli.decompress((mission / f"{rel}.br").read_bytes()) == \
                (mission / rel).read_bytes(), rel


def test_s3_publishes_no_copies(tmp_path: Path, s3: object) -> None:  # noqa: F811
    setup = Setup(tmp_path, s3)
    site = tmp_path / "built"
    tree(site, {"index.html": PAGE, "assets/site.css": STYLE, "sitemap.xml": "<urlset/>" * 50,
                "sitemap.xml.gz": gzip.compress(b"<urlset/>" * 50, mtime=0)})
    precompress(site)
    files = {rel: (site / rel).read_bytes() for rel in site_files(site)}
    assert "index.html.br" in files
    write_build(setup.out, MISSION, files)
    setup.run("publish")
    release = setup.complete()[0]
    keys = [key.split(f"/{release}/", 1)[1] for key in setup.object_keys()
            if f"/{release}/" in key]
    assert sorted(keys) == ["assets/site.css", "index.html", "sitemap.xml", "sitemap.xml.gz"]
    assert setup.read("/")[1] == PAGE.encode()


def test_a_memo_on_a_shared_folder_compresses_a_shared_file_once(tmp_path: Path) -> None:
    """Two tasks (two memos on the build's folder) meet the same stylesheet: the second takes
    the first one's copies, the same bytes a memo of its own would have made."""
    first = tree(tmp_path / "fr", {"assets/site.css": STYLE, "tiny.json": "{}"})
    second = tree(tmp_path / "en", {"assets/site.css": STYLE, "tiny.json": "{}"})
    alone = tree(tmp_path / "alone", {"assets/site.css": STYLE, "tiny.json": "{}"})
    folder = tmp_path / "copies"
    made = CompressionMemo(folder)
    precompress(first, memo=made)
    precompress(alone)
    assert made.compressed == 2  # the stylesheet, and tiny.json (to learn it gains nothing)
    taken = CompressionMemo(folder)
    precompress(second, memo=taken)
    assert taken.compressed == 0
    assert site_files(second) == site_files(alone)
    for rel in site_files(alone):
        assert (second / rel).read_bytes() == (alone / rel).read_bytes(), rel
    assert not (second / "tiny.json.gz").exists()  # "no copy" is remembered too


def test_a_memo_compresses_again_over_a_damaged_entry(tmp_path: Path) -> None:
    memo = CompressionMemo(tmp_path, limit=1)  # over its bound: it starts over each time
    made = memo.copies(STYLE.encode(), "site.css")
    assert memo.copies(STYLE.encode(), "site.css") == made
    assert gzip.decompress(made[0] or b"") == STYLE.encode()
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:-1])  # not what the memo wrote
    assert CompressionMemo(tmp_path).copies(STYLE.encode(), "site.css") == made
