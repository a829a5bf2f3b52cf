"""Dates in each page's locale (Babel), strict ISO 8601 parsing, the clock, ASCII slugs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chancery.core.clock import now, parse_now
from chancery.features.news.dates import long_date, parse_zoned, rfc822
from chancery.features.news.slugs import default_slug, slugify

TET = datetime.fromisoformat("2026-02-10T18:00:00+01:00")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "10 tháng 2, 2026"),
        ("fr", "10 février 2026"),
        ("en", "February 10, 2026"),
        ("ar", "10 فبراير 2026"),
        ("ja", "2026年2月10日"),
        ("zh", "2026年2月10日"),
        ("ru", "10 февраля 2026\u202fг."),  # narrow no-break space
    ],
)
def test_long_dates_in_each_locale(lang: str, expected: str) -> None:
    assert long_date(TET, lang) == expected


def test_the_day_is_the_day_where_the_post_was_written() -> None:
    late_in_hanoi = datetime.fromisoformat("2026-02-10T23:30:00+07:00")
    assert long_date(late_in_hanoi, "en") == "February 10, 2026"  # 16:30 UTC, same day
    assert rfc822(late_in_hanoi) == "Tue, 10 Feb 2026 23:30:00 +0700"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2026-02-30T10:00:00+01:00",
            "'2026-02-30T10:00:00+01:00' is not a valid date and time; "
            "expected ISO 8601 with a time zone, e.g. 2026-02-10T18:00:00+01:00",
        ),
        (
            "2026-02-10T18:00:00",
            "'2026-02-10T18:00:00' has no time zone; add the UTC offset of "
            "the place, e.g. 2026-02-10T18:00:00+01:00",
        ),
        (
            "2026-02-10",
            "'2026-02-10' has no time and no time zone; write e.g. 2026-02-10T09:00:00+01:00",
        ),
        (
            "10/02/2026",
            "'10/02/2026' is not a valid date and time; expected ISO 8601 with a time "
            "zone, e.g. 2026-02-10T18:00:00+01:00",
        ),
        (
            20260210,
            "expected a date and time with a time zone, e.g. 2026-02-10T18:00:00+01:00; "
            "got 20260210",
        ),
    ],
)
def test_bad_dates_say_how_to_write_them(value: object, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_zoned(value)
    assert str(caught.value) == message


def test_utc_z_and_offsets_are_accepted() -> None:
    assert parse_zoned("2026-02-10T17:00:00Z") == TET


def test_clock_from_argument_environment_or_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_now("2027-02-01") == datetime(2027, 2, 1, tzinfo=UTC)
    assert parse_now("2027-02-01T09:00:00+07:00") == datetime(2027, 2, 1, 2, tzinfo=UTC)
    monkeypatch.setenv("CHANCERY_NOW", "2030-01-01T00:00:00+00:00")
    assert now() == datetime(2030, 1, 1, tzinfo=UTC)
    monkeypatch.setenv("CHANCERY_NOW", "")
    assert abs((now() - datetime.now(UTC)).total_seconds()) < 60
    with pytest.raises(ValueError, match="'soon' is not an ISO 8601 date or time"):
        parse_now("soon")
    monkeypatch.setenv("CHANCERY_NOW", "soon")
    with pytest.raises(ValueError, match="^CHANCERY_NOW: 'soon' is not an ISO 8601"):
        now()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Đại sứ quán tổ chức gặp mặt cộng đồng nhân dịp Tết",
            "dai-su-quan-to-chuc-gap-mat-cong-dong-nhan-dip-tet",
        ),
        ("ĐOÀN ĐẠI BIỂU Bộ Ngoại giao thăm Lyon", "doan-dai-bieu-bo-ngoai-giao-tham-lyon"),
        (
            "L'Ambassade célèbre la Fête nationale — 2 septembre",
            "l-ambassade-celebre-la-fete-nationale-2-septembre",
        ),
        ("Straße & Œuvre: ß, æ, ø", "strasse-oeuvre-ss-ae-o"),
        ("Năm học 2026–2027", "nam-hoc-2026-2027"),
        ("  --  ", ""),
    ],
)
def test_slugs_are_ascii_words_with_dashes(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_long_titles_are_cut_at_a_word() -> None:
    slug = slugify("Hội nghị " * 30)
    assert len(slug) <= 80 and slug.endswith("nghi") and slug.startswith("hoi-nghi-hoi")


def test_titles_without_latin_letters_use_the_file_name() -> None:
    assert default_slug("السفارة تحتفل بعيد تيت", "news/2026/tet-community.md") == "tet-community"
    hashed = default_slug("大使館が旧正月を祝う", "news/2026/テト.md")
    assert hashed.startswith("post-") and len(hashed) == 13
    assert hashed == default_slug("旧正月", "news/2026/テト.md")  # stable: from the path
