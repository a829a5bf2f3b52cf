"""The pieces incremental builds rely on: file hashes, the clock's state, merged indexes."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from chancery.content.loaders.frontmatter import split_front_matter
from chancery.core.incremental.reads import ReadCache
from chancery.pipeline.filehash import front_matter_end, moments
from chancery.pipeline.inputs import code_key
from chancery.pipeline.timestate import time_state, utc_moments


@pytest.mark.parametrize("text", [
    "---\ntitle: A\n---\nbody\n",
    "\ufeff---\ntitle: A\n...\nbody",
    "---  \ntitle: A\n---\t\n\nbody --- here\n---\n",
    "---\ntitle: A\n---",
])
def test_front_matter_bytes_cover_what_the_reader_parses(text: str) -> None:
    data = text.encode()
    head = data.removeprefix(b"\xef\xbb\xbf")[:front_matter_end(data)].decode()
    doc = split_front_matter(text, "x.md")
    assert doc.meta.data == {"title": "A"} and "title: A" in head
    assert doc.body.strip() == "" or doc.body.strip() not in head


def test_no_front_matter_means_the_whole_file_counts() -> None:
    assert front_matter_end(b"just text\n---\n") == 0
    assert front_matter_end(b"---\ntitle: never closed\n") == 0


def test_a_file_is_hashed_again_when_it_changes_even_with_the_same_size_and_time(
        tmp_path: Path) -> None:
    file, store = tmp_path / "page.md", tmp_path / "files.json"
    file.write_text("---\ntitle: A\ndate: 2026-03-01T09:00:00+07:00\n---\nbody\n")
    past = time.time() - 3600
    os.utime(file, (past, past))
    hashes = ReadCache.load(store)
    first, written = hashes.digest(file), moments(hashes, file)
    hashes.save(store)
    assert written == ["2026-03-01T09:00:00+07:00"]

    stat = file.stat()
    file.write_text("---\ntitle: B\ndate: 2026-03-01T09:00:00+07:00\n---\nbody\n")  # same size
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert file.stat().st_size == stat.st_size

    assert ReadCache.load(store).digest(file) != first


def test_a_file_written_just_now_is_not_remembered(tmp_path: Path) -> None:
    file, store = tmp_path / "page.md", tmp_path / "files.json"
    file.write_text("body\n")
    hashes = ReadCache.load(store)
    hashes.digest(file)
    hashes.save(store)
    assert str(file) not in store.read_text()


def test_the_code_key_covers_the_configuration_folder(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    (folder / "theme").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("theme: {name: material}\n")
    (folder / "theme" / "x.css").write_text("a {}\n")
    before = code_key(ReadCache(), folders=[folder])  # one read cache per build
    assert code_key(ReadCache(), folders=[folder]) == before
    (folder / "theme" / "x.css").write_text("a { color: red }\n")
    assert code_key(ReadCache(), folders=[folder]) != before


def test_the_clock_state_counts_passed_date_times_and_days() -> None:
    paris = ZoneInfo("Europe/Paris")
    moments = utc_moments([("2026-07-02T09:00:00+07:00", paris), ("2026-07-05T08:00", paris),
                           ("not a date", paris)])
    assert moments == ["2026-07-02T02:00:00+00:00", "2026-07-05T06:00:00+00:00"]
    before = time_state(moments, paris, datetime(2026, 7, 2, 1, 0, tzinfo=UTC))
    after = time_state(moments, paris, datetime(2026, 7, 2, 3, 0, tzinfo=UTC))
    assert (before.passed, after.passed) == (0, 1)
    assert before.days == ("2026-07-02", "2026-07-02", "2026-07-02")
    late = time_state(moments, paris, datetime(2026, 7, 2, 21, 30, tzinfo=UTC))
    assert late.days == ("2026-07-02", "2026-07-03", "2026-07-02")  # already tomorrow in Hà Nội
