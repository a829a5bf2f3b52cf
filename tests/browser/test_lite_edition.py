"""The text-only edition in Chromium with JavaScript off: each page loads nothing but itself,
and a reader gets from the home page to the contact page and to the full site by its links.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chancery.content.model.network import load_network
from chancery.core.urls import language_prefix
from chancery.site.lite import LITE_DIR
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
LANGUAGES = [(mission, code) for mission, entry in sorted(NETWORK.missions.items())
             for code in entry.mission.languages]


@pytest.mark.parametrize(("mission", "code"), LANGUAGES, ids=[f"{m}-{c}" for m, c in LANGUAGES])
def test_the_edition_works_without_script_and_loads_only_its_pages(
        browser: object, serve_site: Callable[[str], str], mission: str, code: str) -> None:
    entry = NETWORK.missions[mission]
    base = serve_site(mission) + language_prefix(code, entry.mission.default_language)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320,
                                                                        "height": 640})
    tab = context.new_page()
    requests: list[tuple[str, str]] = []
    tab.on("request", lambda request: requests.append((request.resource_type, request.url)))
    try:
        tab.goto(base + f"{LITE_DIR}/")
        assert tab.evaluate("document.styleSheets.length") == 0
        assert tab.evaluate("document.documentElement.lang") == code
        assert tab.locator("h1").is_visible()
        assert tab.locator('a[href^="tel:"]').count() >= 2  # the hotlines, first
        nav = tab.locator("header nav a")
        assert nav.count() >= 3
        nav.nth(nav.count() - 2).click()  # the contact page, before the news
        tab.wait_for_load_state("load")
        assert tab.url == base + f"{LITE_DIR}/contact/"
        assert tab.locator("main address").is_visible()
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scroll
        loaded = [(kind, url) for kind, url in requests if not url.endswith("/favicon.ico")]
        assert [kind for kind, _ in loaded] == ["document", "document"], loaded  # no CSS, font..
        tab.locator("footer a").first.click()  # the full website's contact page
        tab.wait_for_load_state("load")
        assert tab.url == base + "contact/"
    finally:
        context.close()
