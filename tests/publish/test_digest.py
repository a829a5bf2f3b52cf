"""The build id: a digest of a site's paths and bytes, nothing else."""

from __future__ import annotations

import hashlib
import os

from chancery.publish.digest import site_files, tree_digest


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
    expected = hashlib.sha256(b"a/z.txt\x001\x001" + b"b.txt\x001\x002").hexdigest()
    assert tree_digest(tmp_path) == expected
