"""The news index: what is built, listed and paginated, previous/next, translations."""

from __future__ import annotations

from chancery.features.news.index import NewsIndex
from tests.news.helpers import make_post, moment

CATEGORIES = ("diplomacy", "community", "economy", "culture", "consular-notices")


def daily(count: int, lang: str = "vi", year: int = 2026, **fields: object) -> list:
    """``count`` posts, one a day from 1 January, alternating two categories."""
    return [
        make_post(
            f"post-{i:02d}",
            f"{year}-{1 + i // 28:02d}-{1 + i % 28:02d}T09:00:00+07:00",
            lang,
            ("diplomacy",) if i % 2 else ("community", "culture"),
            **fields,
        )
        for i in range(count)
    ]


def index(posts: dict, now: str = "2026-12-31T00:00:00+00:00", size: int = 10) -> NewsIndex:
    return NewsIndex(posts, moment(now), size, CATEGORIES)


def test_pagination_newest_first_with_page_urls() -> None:
    news = index({"vi": daily(23)})["vi"]
    pages = [p for p in news.listings() if p.kind == "index"]
    assert [(p.url, p.src_uri, p.number, p.count) for p in pages] == [
        ("news/", "news/index.md", 1, 3),
        ("news/page/2/", "news/page/2/index.md", 2, 3),
        ("news/page/3/", "news/page/3/index.md", 3, 3),
    ]
    assert [len(p.posts) for p in pages] == [10, 10, 3]
    assert pages[0].posts[0].title == "post-22" and pages[-1].posts[-1].title == "post-00"
    listed = [post for page in pages for post in page.posts]
    assert listed == sorted(listed, key=lambda post: post.date, reverse=True)


def test_empty_news_still_has_one_index_page_and_every_category() -> None:
    news = index({"vi": []})["vi"]
    pages = list(news.listings())
    assert [(p.kind, p.key, p.url, len(p.posts)) for p in pages] == [
        ("index", "", "news/", 0),
        *[("category", c, f"news/category/{c}/", 0) for c in CATEGORIES],
    ]


def test_category_pages_list_each_post_under_each_of_its_categories() -> None:
    news = index({"vi": daily(23)})["vi"]
    by_key = {}
    for page in news.listings():
        if page.kind == "category":
            by_key.setdefault(page.key, []).extend(page.posts)
    assert len(by_key["diplomacy"]) == 11
    assert len(by_key["community"]) == len(by_key["culture"]) == 12
    assert by_key["economy"] == []
    urls = [p.url for p in news.listings() if p.key == "community"]
    assert urls == ["news/category/community/", "news/category/community/page/2/"]


def test_year_archives_are_paginated_per_year_newest_year_first() -> None:
    posts = daily(3, year=2025) + daily(12, year=2026)
    news = index({"vi": posts})["vi"]
    years = [(p.url, len(p.posts)) for p in news.listings() if p.kind == "year"]
    assert news.years == [2026, 2025]
    assert years == [("news/2026/", 10), ("news/2026/page/2/", 2), ("news/2025/", 3)]


def test_previous_is_older_and_next_is_newer() -> None:
    news = index({"vi": daily(5)})["vi"]
    first, middle, last = news.by_path["news/2026/post-00.md"], news.listed[2], news.listed[0]
    assert news.neighbours(first) == (None, news.by_path["news/2026/post-01.md"])
    older, newer = news.neighbours(middle)
    assert (older.title, newer.title) == ("post-01", "post-03")
    assert news.neighbours(last)[1] is None


def test_drafts_and_future_posts_are_left_out_until_their_date() -> None:
    posts = daily(3) + [
        make_post("draft", "2026-01-10T09:00:00+01:00", draft=True),
        make_post("scheduled", "2026-07-01T09:00:00+02:00"),
    ]
    before = index({"vi": posts}, now="2026-06-30T23:59:00+00:00")["vi"]
    assert sorted(before.by_path) == [f"news/2026/post-0{i}.md" for i in range(3)]
    after = index({"vi": posts}, now="2026-07-01T07:00:00+00:00")["vi"]
    assert "news/2026/scheduled.md" in after.by_path and after.listed[0].title == "scheduled"
    assert "news/2026/draft.md" not in after.by_path


def test_expired_posts_leave_listings_but_keep_their_page() -> None:
    notice = make_post("closure", "2026-01-15T09:00:00+01:00", expires="2026-02-01T00:00:00+01:00")
    posts = daily(3) + [notice]
    while_valid = index({"vi": posts}, now="2026-01-20T00:00:00+00:00")["vi"]
    assert notice in while_valid.listed
    later = index({"vi": posts}, now="2026-03-01T00:00:00+00:00")["vi"]
    assert "news/2026/closure.md" in later.by_path
    assert notice not in later.listed
    assert all(notice not in page.posts for page in later.listings())
    # Its page still links to the listed posts around it; they skip it.
    older, newer = later.neighbours(notice)
    assert (older.title, newer) == ("post-02", None)
    assert later.neighbours(later.by_path["news/2026/post-02.md"]) == (
        later.by_path["news/2026/post-01.md"],
        None,
    )


def test_translations_by_same_path_or_translation_key() -> None:
    vi = [
        make_post("tet", "2026-02-10T18:00:00+01:00"),
        make_post("visit", "2026-03-10T18:00:00+01:00", translation_key="visit-2026"),
    ]
    fr = [
        make_post("tet", "2026-02-10T18:00:00+01:00", lang="fr"),
        make_post("visite", "2026-03-10T18:00:00+01:00", lang="fr", translation_key="visit-2026"),
        make_post("only-fr", "2026-03-11T18:00:00+01:00", lang="fr"),
    ]
    en = [make_post("tet", "2026-02-10T18:00:00+01:00", lang="en", draft=True)]
    news = index({"vi": vi, "fr": fr, "en": en})
    tet, visit = news["vi"].by_path["news/2026/tet.md"], news["vi"].by_path["news/2026/visit.md"]
    assert {lang: p.path for lang, p in news.versions(tet).items()} == {"fr": "news/2026/tet.md"}
    assert {lang: p.title for lang, p in news.versions(visit).items()} == {"fr": "visite"}
    assert news.versions(news["fr"].by_path["news/2026/only-fr.md"]) == {}


def test_cost_is_linear_in_posts() -> None:
    """Every post appears in a bounded number of listing pages (index, categories, year)."""
    posts = daily(20)
    news = index({"vi": posts})["vi"]
    appearances = sum(len(page.posts) for page in news.listings())
    assert appearances == sum(2 + len(set(p.meta.categories)) for p in posts)
