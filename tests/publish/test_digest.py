"""The build id: a digest of a site's paths and bytes, nothing else."""

from __future__ import annotations

import hashlib
import os

from chancery.core.incremental.stamps import FileStamp
from chancery.pipeline.digest import checked_lines, site_files, tree_digest
from chancery.pipeline.state import fingerprint_of, output_fingerprint


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


def test_known_digests_spare_reading_unchanged_files(tmp_path):
    make(tmp_path / "site", {"a.html": b"a", "b/c.html": b"c"})
    known: dict = {}
    first = tree_digest(tmp_path / "site", known)
    assert sorted(known) == ["a.html", "b/c.html"] and first == tree_digest(tmp_path / "site")
    size, mtime_ns, inode, _ = known["a.html"]
    assert (size, mtime_ns, inode) == FileStamp.read(tmp_path / "site" / "a.html").identity

    # A recorded digest is trusted while the file keeps its stamp: a wrong one for a.html
    # shows through, so a.html was not read; the replaced and the new file are.
    known["a.html"][3] = hashlib.sha256(b"not a").hexdigest()
    known["b/c.html"][3] = hashlib.sha256(b"not c").hexdigest()
    (tmp_path / "site" / "b" / "c.html").unlink()  # a new file (inode) where the old one was
    (tmp_path / "site" / "b" / "c.html").write_bytes(b"C")
    (tmp_path / "site" / "d.html").write_bytes(b"d")
    again = tree_digest(tmp_path / "site", known)
    assert known["a.html"][3] == hashlib.sha256(b"not a").hexdigest()
    assert known["b/c.html"][3] == hashlib.sha256(b"C").hexdigest()
    assert known["d.html"][3] == hashlib.sha256(b"d").hexdigest()
    assert again != tree_digest(tmp_path / "site") != first
    assert sorted(known) == ["a.html", "b/c.html", "d.html"]


def test_known_digests_of_another_shape_are_read_again(tmp_path):
    make(tmp_path, {"a.html": b"a"})
    size, mtime_ns, _, inode = FileStamp.read(tmp_path / "a.html")
    wrong = hashlib.sha256(b"other").hexdigest()
    for entry in ([[size, mtime_ns, 0, inode], wrong], [size, mtime_ns, inode, wrong[:10]],
                  [size, mtime_ns, str(inode), wrong], [size, mtime_ns, inode], None):
        known = {"a.html": entry}
        assert tree_digest(tmp_path, known) == tree_digest(tmp_path)
        assert known["a.html"][3] == hashlib.sha256(b"a").hexdigest()


def test_the_fingerprint_checks_the_digests_it_reads(tmp_path):
    make(tmp_path, {"index.html": b"a", "fr/index.html": b"b", "media/x.png": b""})
    known: dict = {}
    tree_digest(tmp_path, known)
    assert fingerprint_of(known) == output_fingerprint(tmp_path) != ""
    assert checked_lines(known) is not None
    good = list(known["index.html"])
    for damage in ([*good[:3], 5], good[:3], [str(good[0]), *good[1:]], None, {"a": 1}):
        assert fingerprint_of({**known, "index.html": damage}) is None
    assert fingerprint_of({1: good}) is None and fingerprint_of([good]) is None
    assert fingerprint_of({}) == ""
