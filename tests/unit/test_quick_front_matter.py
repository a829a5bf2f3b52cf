"""The quick front-matter reader agrees with the careful one, or steps aside."""

from __future__ import annotations

import pytest

from chancery.content.loaders.frontmatter import quick_split, split_front_matter
from chancery.core.errors import ContentError
from tests.conftest import ROOT


def careful(text: str) -> tuple[dict, str]:
    doc = split_front_matter(text, "page.md")
    return doc.meta.data or {}, doc.body


def test_every_page_of_the_examples_reads_the_same() -> None:
    pages = sorted((ROOT / "content").rglob("*.md"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert quick_split(text) == careful(text), page


@pytest.mark.parametrize("text", [
    "---\ntitle: a\ntitle: b\n---\nbody",  # a repeated key: the careful reader says where
    "---\ntitle: a\n\tsummary: b\n---\n",  # a tab
    "---\n- a\n- b\n---\n",  # not a mapping
    "---\ntitle: [a\n---\n",  # bad YAML
    "---\ntitle: never closed\n",
])
def test_doubtful_front_matter_is_left_to_the_careful_reader(text: str) -> None:
    assert quick_split(text) is None
    with pytest.raises(ContentError):
        careful(text)


@pytest.mark.parametrize("text", [
    "no front matter\n",
    "---\n---\nbody\n",
    "\ufeff---\ntitle: 'x: y'\nsource_hash: 00012\ncode: NO\ndraft: false\n...\n\nbody\n",
    "---\nimage:\n  src: /media/a.jpg\n  alt: \"A, b\"\ntags: [a, b]\n---\ntext\n---\nmore\n",
])
def test_valid_front_matter_reads_as_the_careful_reader_reads_it(text: str) -> None:
    assert quick_split(text) == careful(text)


def test_scalars_follow_the_strict_rules() -> None:
    meta, _ = quick_split("---\ncode: NO\nzip: 01000\ntime: \"8:30\"\non: yes\nn: 12\n---\n")
    assert meta == {"code": "NO", "zip": "01000", "time": "8:30", "on": "yes", "n": 12}
