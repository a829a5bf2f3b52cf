"""Choosing the release a rollback goes back to."""

from __future__ import annotations

import pytest

from chancery.publish.errors import PublishError
from chancery.publish.releases import Release, choose_rollback, release_name


def kept(live: int) -> list[Release]:
    ids = ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]
    return [Release(f"2025030{i}T000000Z-{b}", b, live=i == live) for i, b in enumerate(ids)]


def test_default_is_the_release_before_the_live_one():
    assert choose_rollback(kept(2), None).build_id == "bbbbbbbbbbbb"
    assert choose_rollback(kept(1), None).build_id == "aaaaaaaaaaaa"
    with pytest.raises(PublishError, match="no release older"):
        choose_rollback(kept(0), None)


def test_to_accepts_a_name_or_a_build_id_prefix():
    releases = kept(0)
    assert choose_rollback(releases, "cccccc").build_id == "cccccccccccc"
    assert choose_rollback(releases, releases[1].name) == releases[1]
    with pytest.raises(PublishError, match="already live"):
        choose_rollback(releases, "aaaaaaa")
    with pytest.raises(PublishError, match="no kept release matches"):
        choose_rollback(releases, "dddddd")
    with pytest.raises(PublishError, match="several"):
        choose_rollback(releases, "202503")


def test_release_names_sort_by_time():
    from datetime import UTC, datetime

    early = release_name("f" * 64, datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert early == "20250102T030405Z-ffffffffffff"
    assert early < release_name("0" * 64, datetime(2025, 1, 2, 3, 4, 6, tzinfo=UTC))
