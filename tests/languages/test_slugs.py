"""Slugs that always work: never only digits nor a fragment of a title in another script."""

from __future__ import annotations

import pytest

from chancery.features.news.slugs import default_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("ສະຖານທູດ ຈັດງານ 2026", "sathanthoud-chadngan-2026"),  # Lao, transliterated
        ("ສະຖານທູດ 2026 ASEAN", "sathanthoud-2026-asean"),  # whole, not the Latin fragment
        ("Посольство", "posol-stvo"),
        ("Đại sứ quán 2026", "dai-su-quan-2026"),  # Vietnamese as before
    ],
)
def test_titles_transliterate_where_the_script_romanises(title: str, slug: str) -> None:
    assert default_slug(title, "news/2026/a.md") == slug


@pytest.mark.parametrize("title", ["2026", "שגרירות 2026", "大使館 2026 ASEAN", "السفارة 2026"])
def test_otherwise_the_file_name(title: str) -> None:
    assert default_slug(title, "news/2026/tet-party.md") == "tet-party"


def test_never_only_digits() -> None:
    slug = default_slug("2026", "news/2026/2026.md")
    assert slug.startswith("post-") and not slug.isdigit()
