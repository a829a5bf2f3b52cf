"""In Chromium: from a language's news index to a post, then to that post in another language."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import serve_directory
from tests.news.helpers import NOW, build, make_network

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("news-browser")
    site = build(make_network(root / "content"), root / "site", NOW)
    server = serve_directory(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_from_the_news_index_to_a_post_and_its_french_version(
    browser: object, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto(base_url + "news/")
        assert tab.locator("h1").first.inner_text() == "Tin tức"
        tab.get_by_role("link", name="Đại sứ quán tổ chức gặp mặt cộng đồng nhân dịp Tết").click()
        tab.wait_for_load_state()
        assert urlsplit(tab.url).path == (
            "/news/2026/dai-su-quan-to-chuc-gap-mat-cong-dong-nhan-dip-tet/"
        )
        article = tab.locator("article.chancery-post")
        assert article.locator("time").first.inner_text() == "10 tháng 2, 2026"

        article.locator(".chancery-post__versions a[hreflang='fr']").click()
        tab.wait_for_load_state()
        assert (
            urlsplit(tab.url).path == "/fr/news/2026/l-ambassade-reunit-la-communaute-pour-le-tet/"
        )
        assert tab.evaluate("document.documentElement.lang") == "fr"
        assert tab.locator("article.chancery-post h1").inner_text() == (
            "L'Ambassade réunit la communauté pour le Têt"
        )
        assert tab.locator("article.chancery-post time").first.inner_text() == "10 février 2026"

        # The header's language switcher knows the post's address in each language too.
        tab.locator(".chancery-lang-switch a[hreflang='vi']").click()
        tab.wait_for_load_state()
        assert urlsplit(tab.url).path == (
            "/news/2026/dai-su-quan-to-chuc-gap-mat-cong-dong-nhan-dip-tet/"
        )
        # Nothing from elsewhere (Material's script probes each hreflang URL's sitemap.xml on
        # every page of the theme; that is not news' doing).
        foreign = [u for u in requests if not u.startswith(base_url)]
        assert [u for u in foreign if not u.endswith("/sitemap.xml")] == []
    finally:
        context.close()
