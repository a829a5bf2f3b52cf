"""The build id: a digest of a site's paths and bytes, nothing else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from chancery.pipeline.digest import site_files, tree_digest


def make(root, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def test_digest_is_stable_and_ignores_times_and_creation_order(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    files = {"index.html": b"home", "fr/index.html": b"accueil", "assets/x.css": b"x"}
    make(a, files)
    make(b, dict(reversed(list(files.items()))))
    os.utime(b / "index.html", (0, 0))
    assert tree_digest(a) == tree_digest(b)
    assert len(tree_digest(a)) == 64
    assert site_files(a) == ["assets/x.css", "fr/index.html", "index.html"]


def test_digest_changes_with_any_byte_or_name(tmp_path):
    base = {"a.html": b"ab", "b.html": b"c"}
    digests = set()
    for variant in (base, {"a.html": b"ab", "b.html": b"d"}, {"a.html": b"a", "b.html": b"bc"},
                    {"a.html": b"ab", "c.html": b"c"}, {**base, "empty.txt": b""}):
        root = tmp_path / str(len(digests))
        make(root, variant)
        digests.add(tree_digest(root))
    assert len(digests) == 5


def test_digest_is_the_documented_formula(tmp_path):
    make(tmp_path, {"b.txt": b"2", "a/z.txt": b"1"})
    sha = lambda data: hashlib.sha256(data).digest()  # noqa: E731
    expected = hashlib.sha256(b"a/z.txt\x001\x00" + sha(b"1") + b"b.txt\x001\x00" + sha(b"2"))
    assert tree_digest(tmp_path) == expected.hexdigest()


def test_known_digests_spare_reading_unchanged_files(tmp_path, monkeypatch):
    from chancery.pipeline import digest as module

    make(tmp_path / "site", {"a.html": b"a", "b/c.html": b"c"})
    known: dict = {}
    first = tree_digest(tmp_path / "site", known)
    assert sorted(known) == ["a.html", "b/c.html"] and first == tree_digest(tmp_path / "site")

    read = []
    real = module.file_digest
    monkeypatch.setattr(module, "file_digest", lambda path: read.append(path) or real(path))
    (tmp_path / "site" / "b" / "c.html").unlink()  # a new file (inode) where the old one was
    (tmp_path / "site" / "b" / "c.html").write_bytes(b"C")
    (tmp_path / "site" / "d.html").write_bytes(b"d")
    again = tree_digest(tmp_path / "site", known)
    assert sorted(Path(p).name for p in read) == ["c.html", "d.html"]  # a.html not read
    assert again == tree_digest(tmp_path / "site") != first
    assert sorted(known) == ["a.html", "b/c.html", "d.html"]
