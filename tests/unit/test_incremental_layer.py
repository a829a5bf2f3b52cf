"""The one incremental layer (chancery/core/incremental): file stamps and their racy rule,
versioned cache files that never raise, and the read cache object."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from chancery.core.incremental import store
from chancery.core.incremental.reads import ReadCache, fact_of
from chancery.core.incremental.stamps import RACY_SECONDS, FileStamp


def later(seconds: float = RACY_SECONDS + 1):
    """A clock as if reading happened ``seconds`` from now (a change time cannot be set back)."""
    return lambda: time.time() + seconds


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rewrite_keeping_stamp(path: Path, text: str) -> None:
    """Other bytes of the same size with the same modification time (a racy rewrite)."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


# -- FileStamp ---------------------------------------------------------------------------

def test_a_stamp_is_size_times_and_inode_in_one_encoding(tmp_path: Path) -> None:
    file = write(tmp_path / "a.md", "abc")
    stat = file.stat()
    stamp = FileStamp.read(file)
    assert stamp == FileStamp(3, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    assert FileStamp.from_json(json.loads(json.dumps(stamp.to_json()))) == stamp
    assert FileStamp.read(tmp_path / "missing") is None
    with pytest.raises(AttributeError):
        stamp.size = 4  # type: ignore[misc]  # frozen


@pytest.mark.parametrize("value", [None, "x", [1, 2, 3], [1, 2, 3, "4"], [1, 2, 3, 4.0],
                                   [1, 2, 3, True], {"size": 1}])
def test_a_stamp_of_any_other_shape_is_none(value: object) -> None:
    assert FileStamp.from_json(value) is None


def test_the_racy_rule() -> None:
    changed = 1_000_000.0
    stamp = FileStamp(1, int(changed * 1e9), int((changed - 50) * 1e9), 7)
    assert not stamp.settled(changed)  # read in the same tick as the write
    assert not stamp.settled(changed + RACY_SECONDS)  # could still be rewritten unseen
    assert stamp.settled(changed + RACY_SECONDS + 0.001)
    # the change time counts too (a rename or chmod after an old modification time)
    moved = FileStamp(1, int((changed - 50) * 1e9), int(changed * 1e9), 7)
    assert not moved.settled(changed + 1) and moved.settled(changed + RACY_SECONDS + 1)


def test_identity_leaves_out_the_change_time_hard_links_alter() -> None:
    one = FileStamp(1, 2, 3, 4)
    assert one.identity == FileStamp(1, 2, 99, 4).identity == (1, 2, 4)
    assert one.identity != FileStamp(1, 2, 3, 5).identity


# -- store -------------------------------------------------------------------------------

def test_the_store_reads_back_what_it_wrote(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "c.json"
    assert store.write(path, "thing", 3, {"a": [1, "é"]})
    assert store.read(path, "thing", 3) == {"a": [1, "é"]}
    assert not list(path.parent.glob(".*.tmp"))  # atomic: no temporary file left


@pytest.mark.parametrize("damage", [
    lambda p: p.write_text(p.read_text()[:20]),  # truncated
    lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
    lambda p: p.write_text("[1, 2]"),  # JSON, not ours
    lambda p: p.write_text('{"chancery": "thing", "schema": 1, "version": 2, "data": {}}'),
    lambda p: p.write_text('{"chancery": "other", "schema": 1, "version": 3, "data": {}}'),
    lambda p: p.write_text('{"chancery": "thing", "schema": 0, "version": 3, "data": {}}'),
    lambda p: p.write_text("[" * 100000),  # too deep for the parser
    lambda p: p.unlink(),
    lambda p: (p.unlink(), p.mkdir()),  # a folder where the file was
])
def test_a_corrupt_old_or_foreign_file_reads_as_nothing(tmp_path: Path, damage) -> None:
    path = tmp_path / "c.json"
    store.write(path, "thing", 3, {"a": 1})
    damage(path)
    assert store.read(path, "thing", 3) is None


def test_a_write_that_cannot_be_done_leaves_the_old_file_and_does_not_raise(
        tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    store.write(path, "thing", 1, {"a": 1})
    assert not store.write(path, "thing", 1, {"a": object()})  # JSON cannot hold it
    assert store.read(path, "thing", 1) == {"a": 1}
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert not store.write(blocked / "c.json", "thing", 1, {})  # its folder is a file


# -- ReadCache ---------------------------------------------------------------------------

def test_digests_are_kept_by_stamp_and_read_again_when_it_changes(tmp_path: Path) -> None:
    file, path = write(tmp_path / "page.md", "---\ntitle: A\n---\n"), tmp_path / "files.json"
    reads = ReadCache(later())
    first = reads.digest(file)
    assert reads.save(path)
    assert str(file) in json.dumps(store.read(path, "reads", 1))
    rewrite_keeping_stamp(file, "---\ntitle: A\n---\n")
    assert ReadCache.load(path).digest(file) == first  # same stamp: trusted
    file.write_text("---\ntitle: BB\n---\n")  # the stamp changes with the bytes
    assert ReadCache.load(path).digest(file) != first


def test_a_digest_taken_just_after_a_write_is_not_kept(tmp_path: Path) -> None:
    file, path = write(tmp_path / "page.md", "A"), tmp_path / "files.json"
    reads = ReadCache()  # now: the file was written within RACY_SECONDS
    reads.digest(file)
    reads.save(path)
    assert str(file) not in path.read_text(encoding="utf-8")
    rewrite_keeping_stamp(file, "B")  # a racy rewrite is then seen
    assert ReadCache.load(path).digest(file) == ReadCache().digest(file)


def test_facts_are_kept_while_the_file_keeps_its_stamp(tmp_path: Path) -> None:
    file, path = write(tmp_path / "m" / "a.md", "one"), tmp_path / "reads.json"
    calls: list[str] = []

    def read(p: Path) -> str:
        calls.append(p.read_text())
        return calls[-1].upper()

    reads = ReadCache(later())
    assert reads.fact(file, "upper", read) == reads.fact(file, "upper", read) == "ONE"
    assert len(calls) == 1
    reads.save(path)
    again = ReadCache.load(path, later())
    assert again.fact(file, "upper", read) == "ONE" and len(calls) == 1  # across runs
    file.write_text("two!")
    assert again.fact(file, "upper", read) == "TWO!" and len(calls) == 2


def test_facts_not_to_keep_and_unsettled_facts_are_not_persisted(tmp_path: Path) -> None:
    old, new = write(tmp_path / "old.md", "o"), write(tmp_path / "new.md", "n")
    path = tmp_path / "reads.json"
    reads = ReadCache(later())
    reads.fact(old, "memory", lambda p: 1, keep=False)
    ReadCache().fact(new, "kept", lambda p: 2)  # another cache, read just after the write
    reads.fact(old, "kept", lambda p: 3)
    reads.save(path)
    saved = store.read(path, "reads", 1)["facts"]
    assert list(saved) == ["kept"] and list(saved["kept"]) == [str(old)]


def test_only_facts_under_the_given_folder_are_kept_and_learnt(tmp_path: Path) -> None:
    mine, other = write(tmp_path / "m" / "a.md", "a"), write(tmp_path / "m2" / "b.md", "b")
    reads = ReadCache(later())
    for file in (mine, other):
        reads.fact(file, "f", lambda p: p.name)
    assert list(reads.learnt(tmp_path / "m")["f"]) == [str(mine)]
    path = tmp_path / "reads.json"
    reads.save(path, under=tmp_path / "m", digests=False)
    assert list(store.read(path, "reads", 1)["facts"]["f"]) == [str(mine)]


def test_what_a_worker_learnt_is_absorbed_and_persisted_by_its_parent(tmp_path: Path) -> None:
    file, path = write(tmp_path / "m" / "a.md", "a"), tmp_path / "reads.json"
    worker = ReadCache(later())
    worker.fact(file, "f", lambda p: {"title": "Tiêu đề"})
    parent = ReadCache.load(path)
    parent.absorb(json.loads(json.dumps(worker.learnt(tmp_path / "m"))))  # as pickled back
    assert parent.changed and parent.save(path, under=tmp_path / "m", digests=False)
    assert not parent.changed
    calls: list[Path] = []
    assert ReadCache.load(path).fact(file, "f", calls.append) == {"title": "Tiêu đề"}
    assert calls == []


def test_a_fact_is_taken_from_another_reader_only_for_the_bytes_digested(tmp_path: Path) -> None:
    file = write(tmp_path / "a.md", "---\ntitle: A\n---\n")
    reads = ReadCache(later())
    data = file.read_bytes()
    reads.remember(file, "f", "not digested yet", data)
    assert reads.fact(file, "f", lambda p: "read") == "read"
    other = ReadCache(later())
    other.digest(file)
    other.remember(file, "g", "other bytes", b"something else")
    other.remember(file, "g", "these bytes", data)
    assert other.fact(file, "g", lambda p: "read") == "these bytes"


def test_memos_are_kept_by_content_and_version(tmp_path: Path) -> None:
    file, path = write(tmp_path / "page.md", "---\ntitle: A\n---\nbody\n"), tmp_path / "f.json"
    calls: list[bytes] = []

    def compute(_: Path, data: bytes) -> list:
        calls.append(data)
        return [data.decode().upper()]

    reads = ReadCache(later())
    assert reads.memo(file, "t", "1", compute) == ["---\nTITLE: A\n---\nBODY\n"]
    reads.save(path)
    assert ReadCache.load(path, later()).memo(file, "t", "1", compute) == [
        "---\nTITLE: A\n---\nBODY\n"]
    assert len(calls) == 1  # remembered across runs
    reads = ReadCache.load(path, later())
    assert reads.memo(file, "t", "2", compute)  # another version of the code: asked again
    reads.save(path)
    assert len(calls) == 2
    rewrite_keeping_stamp(file, "---\ntitle: B\n---\nbody\n")
    assert ReadCache.load(path).memo(file, "t", "2", compute) == ["---\nTITLE: B\n---\nBODY\n"]


def test_a_failed_memo_is_not_remembered(tmp_path: Path) -> None:
    file = write(tmp_path / "page.md", "x")
    reads = ReadCache(later())

    def fail(path: Path, data: bytes) -> list:
        raise ValueError("no")

    with pytest.raises(ValueError):
        reads.memo(file, "t", "1", fail)
    assert reads.memo(file, "t", "1", lambda _, data: [1]) == [1]


@pytest.mark.parametrize("text", [
    "{not json",
    json.dumps({"chancery": "reads", "schema": 1, "version": 1,
                "data": {"files": {"x": 3}, "facts": {"f": {"a": [[1], 2]}}, "memos": []}}),
    json.dumps({"chancery": "reads", "schema": 1, "version": 1, "data": [1]}),
    json.dumps({"chancery": "reads", "schema": 1, "version": 0, "data": {}}),
])
def test_a_damaged_read_cache_only_costs_reading(tmp_path: Path, text: str) -> None:
    file = write(tmp_path / "a.md", "a")
    path = tmp_path / "reads.json"
    path.write_text(text, encoding="utf-8")
    calls: list[Path] = []
    reads = ReadCache.load(path, later())
    assert reads.fact(file, "f", lambda p: calls.append(p) or "read") == "read"
    assert calls == [file]
    assert reads.digest(file) == ReadCache().digest(file)


def test_a_recorded_fact_whose_file_changed_is_not_trusted_even_if_the_cache_says_so(
        tmp_path: Path) -> None:
    """A cache restored from another machine or run: its stamps do not match the files."""
    file, path = write(tmp_path / "a.md", "a"), tmp_path / "reads.json"
    reads = ReadCache(later())
    reads.fact(file, "f", lambda p: "old answer")
    reads.save(path)
    file.unlink()
    write(file, "b")  # a new inode and new times
    assert ReadCache.load(path).fact(file, "f", lambda p: "new answer") == "new answer"


def test_a_fact_goes_through_the_cache_it_is_given_and_no_other(tmp_path: Path) -> None:
    """No ambient cache: without one, a fact is computed every time."""
    file = write(tmp_path / "a.md", "a")
    calls: list[Path] = []
    reads = ReadCache()
    fact_of(reads, file, "f", calls.append)
    fact_of(reads, file, "f", calls.append)
    assert calls == [file]
    fact_of(None, file, "f", calls.append)
    fact_of(None, file, "f", calls.append)
    assert calls == [file, file, file]


def test_facts_handed_on_can_be_forgotten(tmp_path: Path) -> None:
    mine, other = write(tmp_path / "m" / "a.md", "a"), write(tmp_path / "m2" / "b.md", "b")
    reads = ReadCache(later())
    for file in (mine, other):
        reads.fact(file, "f", lambda p: p.name)
    digest = reads.digest(mine)
    reads.forget(tmp_path / "m")
    assert list(reads.learnt()["f"]) == [str(other)]
    calls: list[Path] = []
    assert reads.fact(mine, "f", lambda p: calls.append(p) or "again") == "again" and calls
    assert reads.digest(mine) == digest
