"""A built mission's news: addresses, listings, pages, posts, feeds, sharing metadata."""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest

from tests.news.helpers import NOW, build, make_network

TET_VI = "news/2026/dai-su-quan-to-chuc-gap-mat-cong-dong-nhan-dip-tet/"
TET_FR = "fr/news/2026/l-ambassade-reunit-la-communaute-pour-le-tet/"
SITE_URL = "https://fr-lyon.test.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("news-site")
    yield build(make_network(root / "content"), root / "site", NOW)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def links(text: str, cls: str = "") -> list[str]:
    return re.findall(rf'<a href="([^"]+)"[^>]*{cls}', text)


def resolves(site: Path, page_url: str, href: str) -> bool:
    target = posixpath.normpath(posixpath.join(page_url, href))
    return (site / target / "index.html").is_file()


def test_posts_live_at_slug_addresses_drafts_and_future_posts_are_not_built(site: Path) -> None:
    assert (site / TET_VI / "index.html").is_file()
    assert (site / TET_FR / "index.html").is_file()
    assert (site / "news/2026/chuyen-tham-lyon/index.html").is_file()
    assert (site / "news/2026/thong-bao-nghi-le/index.html").is_file()  # expired, still built
    built = {p.parent.name for p in site.rglob("index.html")}
    assert not {"ban-nhap", "tin-hen-gio", "draft", "scheduled", "tet"} & built


def test_news_index_pages_show_summaries_newest_first(site: Path) -> None:
    first = html(site, "news")
    assert "Intro-vi." in first
    titles = re.findall(r'chancery-card__title"><a href="[^"]+">([^<]+)<', first)
    assert titles[:3] == [
        "Chuyến thăm Lyon",
        "Đại sứ quán tổ chức gặp mặt cộng đồng nhân dịp Tết",
        "Tin ngắn số 11",
    ]
    assert len(titles) == 10
    assert "BODY-TET-VI" not in first and "Tóm tắt ngắn." in first  # summaries, never bodies
    assert "Thông báo nghỉ lễ" not in first  # expired
    second = html(site, "news/page/2")
    assert "Intro-vi." not in second
    assert re.findall(r'chancery-card__title"><a href="[^"]+">([^<]+)<', second) == [
        "Tin ngắn số 3",
        "Tin ngắn số 2",
        "Tin ngắn số 1",
        "Diễn đàn kinh tế",
    ]
    assert 'href="../../page/2/"' not in second and '<span aria-current="page">2</span>' in second
    assert "Trang 2 / 2" in second and 'href="../../" rel="prev"' in second
    assert all(resolves(site, "news/page/2/", href) for href in links(second, "chancery-card"))


def test_category_and_year_pages(site: Path) -> None:
    community = html(site, "news/category/community")
    assert "<h1>Cộng đồng người Việt</h1>" in community
    assert "Đại sứ quán tổ chức gặp mặt" in community and "Tin ngắn" not in community
    assert "Chưa có tin nào." in html(site, "news/category/consular-notices")  # expired only
    assert (site / "news/category/diplomacy/page/2/index.html").is_file()
    year = html(site, "news/2025")
    assert "<h1>Tin tức năm 2025</h1>" in year and "Diễn đàn kinh tế" in year
    assert "Tin ngắn" not in year
    assert not (site / "fr/news/2025").exists()


def test_post_page_is_one_article_with_localized_dates(site: Path) -> None:
    vi, fr = html(site, TET_VI), html(site, TET_FR)
    assert vi.count("<article") == 1 and 'class="md-content__inner md-typeset chancery-post"' in vi
    assert '<time datetime="2026-02-10T18:00:00+01:00">10 tháng 2, 2026</time>' in vi
    assert '<time datetime="2026-02-11T09:00:00+01:00">11 tháng 2, 2026</time>' in vi
    assert '<time datetime="2026-02-10T18:00:00+01:00">10 février 2026</time>' in fr
    assert "<p>BODY-TET-VI with <strong>bold</strong> text.</p>" in vi
    cover = re.search(r'<figure class="chancery-post__image"><picture>(.*?)</picture>', vi)[1]
    assert re.search(r'<img src="\.\./\.\./\.\./media/news/tet\.[0-9a-f]{12}-8\.jpg" [^>]*'
                     r'width="8" height="8" alt="Bà con gói bánh chưng" decoding="async">', cover)
    assert '<a href="../../category/community/">Cộng đồng người Việt</a>' in vi


def test_post_links_to_its_versions_and_neighbours(site: Path) -> None:
    vi = html(site, TET_VI)
    versions = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" rel="alternate">', vi)
    assert versions == [(f"../../../{TET_FR}", "fr")]
    assert resolves(site, TET_VI, versions[0][0])
    assert f'<link rel="alternate" hreflang="fr" href="{SITE_URL}{TET_FR}">' in vi
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}{TET_VI}">' in vi
    fr_visit = html(site, "fr/news/2026/visite-a-lyon")
    assert 'href="../../../../news/2026/chuyen-tham-lyon/" hreflang="vi"' in fr_visit
    previous = re.search(r'<a href="([^"]+)" rel="prev"[^>]*><span>Tin trước</span> ([^<]+)<', vi)
    following = re.search(
        r'<a href="([^"]+)" rel="next"[^>]*><span>Tin tiếp theo</span> ([^<]+)<', vi
    )
    assert previous.groups() == ("../tin-ngan-so-11/", "Tin ngắn số 11")
    assert following.groups() == ("../chuyen-tham-lyon/", "Chuyến thăm Lyon")
    newest = html(site, "news/2026/chuyen-tham-lyon")
    assert 'rel="next"' not in newest.split("chancery-post__footer")[1]


def test_structured_data_and_sharing_metadata_use_absolute_urls(site: Path) -> None:
    vi = html(site, TET_VI)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', vi)[1])
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "vi"
    assert data["headline"] == "Đại sứ quán tổ chức gặp mặt cộng đồng nhân dịp Tết"
    assert data["datePublished"] == "2026-02-10T18:00:00+01:00"
    assert data["dateModified"] == "2026-02-11T09:00:00+01:00"
    social = re.escape(SITE_URL) + r"media/news/tet\.[0-9a-f]{12}-social\.jpg"
    assert re.fullmatch(social, data["image"][0])
    assert data["mainEntityOfPage"]["@id"] == SITE_URL + TET_VI
    assert data["author"] == {"@type": "Organization", "name": "Phòng Báo chí"}
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', vi))
    assert meta["og:url"] == SITE_URL + TET_VI and meta["og:type"] == "article"
    assert re.fullmatch(social, meta["og:image"])
    assert meta["og:locale"] == "vi_VN" and meta["og:locale:alternate"] == "fr_FR"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:description"] == meta["description"] == "Tóm tắt ngắn."


def test_feeds_parse_with_language_and_absolute_links(site: Path) -> None:
    for lang, root, count in (("vi", "", 14), ("fr", "fr/", 2)):
        for name in ("feed.xml", "atom.xml"):
            feed = feedparser.parse((site / root / "news" / name).read_bytes())
            assert not feed.bozo, (lang, name, feed.get("bozo_exception"))
            assert feed.feed.get("language") == lang
            assert len(feed.entries) == count
            for entry in feed.entries:
                assert entry.link.startswith(SITE_URL + root + "news/")
                local = entry.link.removeprefix(SITE_URL)
                assert (site / local / "index.html").is_file(), entry.link
    rss = feedparser.parse((site / "news/feed.xml").read_bytes())
    assert rss.entries[0].title == "Chuyến thăm Lyon"
    assert "Thông báo nghỉ lễ" not in {e.title for e in rss.entries}


def test_every_page_announces_its_languages_feeds(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(site).as_posix()
        feed = "fr/news/feed.xml" if rel.startswith("fr/") else "news/feed.xml"
        href = re.search(
            r'<link rel="alternate" type="application/rss\+xml" title="[^"]+" '
            r'href="([^"]+)">',
            text,
        )
        assert href, rel
        if rel != "404.html" and not rel.startswith("fr/404"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href[1]))
            assert target == feed, rel


def test_home_shows_the_latest_posts_and_posts_stay_out_of_the_navigation(site: Path) -> None:
    home = html(site, "")
    assert home.count('class="chancery-card"') == 5
    assert '<a href="news/2026/chuyen-tham-lyon/">Chuyến thăm Lyon</a>' in home
    about = html(site, "about")
    assert "news/2026/" not in about and "Tin ngắn" not in about
    sizes = [(p.stat().st_size, p) for p in (site / "news/2026").rglob("index.html")]
    assert max(sizes)[0] < 25_000


def test_listing_switcher_goes_to_the_same_listing_only_where_it_exists(site: Path) -> None:
    page2 = html(site, "news/page/2")
    assert re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', page2) == ["vi", "x-default"]
    assert '<a href="../../../fr/#chancery-untranslated" hreflang="fr"' in page2
    first = html(site, "news")
    assert f'<link rel="alternate" hreflang="fr" href="{SITE_URL}fr/news/">' in first


def test_a_later_clock_publishes_scheduled_posts(tmp_path: Path) -> None:
    content = make_network(tmp_path / "content")
    later = build(content, tmp_path / "site", "2026-07-01T08:00:00+00:00")
    assert (later / "news/2026/tin-hen-gio/index.html").is_file()
    assert "Tin hẹn giờ" in html(later, "news")
    os.environ.pop("CHANCERY_NOW", None)


def test_sitemap_lists_posts_at_their_addresses_with_their_translations(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split(f"<loc>{SITE_URL}{TET_VI}</loc>", 1)[1].split("</url>", 1)[0]
    assert f'hreflang="fr" href="{SITE_URL}{TET_FR}"' in entry
    assert f"<loc>{SITE_URL}news/page/2/</loc>" in sitemap
    for gone in ("news/2026/tet/", "tin-hen-gio", "ban-nhap", "scheduled", "draft"):
        assert gone not in sitemap
