"""The HQ theme in a real browser: switcher, right-to-left, hotlines on a small phone."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from chancery.model.network import load_network
from tests.browser.conftest import screenshot_dir
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)


def test_switcher_lands_on_the_same_page_in_the_other_language(
    page: object, serve_site: Callable[[str], str]
) -> None:
    base = serve_site("fr-paris")
    page.goto(base + "about/head-of-mission/")
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.locator(".chancery-lang-switch a[hreflang='fr']").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/fr/about/head-of-mission/"
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.locator(".chancery-lang-switch a[hreflang='en']").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/about/head-of-mission/"
    page.locator(".chancery-lang-switch a[hreflang='vi']").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/about/head-of-mission/"


def test_arabic_renders_right_to_left(page: object, serve_site: Callable[[str], str]) -> None:
    base = serve_site("eg-cairo")
    page.goto(base + "ar/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    width = page.viewport_size["width"]
    emblem = page.locator(".md-header .chancery-brand__emblem").bounding_box()
    assert emblem["x"] > width / 2, "the emblem should sit on the right in a mirrored header"
    heading = page.locator("article h1").first.bounding_box()
    assert heading["x"] + heading["width"] > width / 2
    page.screenshot(path=str(screenshot_dir() / "eg-cairo-ar.png"))


def test_hotlines_visible_on_a_360px_phone(page: object, serve_site: Callable[[str], str]) -> None:
    for mission, path in (("fr-paris", "fr/"), ("eg-cairo", "ar/"), ("jp-osaka", "ja/"),
                          ("gb-london", "")):
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(serve_site(mission) + path)
        for link in page.locator(".chancery-topbar a[href^='tel:']").all():
            assert link.is_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (mission, box)
            assert box["y"] + box["height"] <= 740
        ministry = page.locator("a[href='tel:+84981848484']").first
        assert ministry.is_visible()
        number = ministry.locator(".chancery-hotline__number")
        number_box = number.bounding_box()
        assert number_box["x"] >= 0 and number_box["x"] + number_box["width"] <= 360
        assert number.inner_text().strip() == "+84 981 84 84 84"
        page.screenshot(path=str(screenshot_dir() / f"{mission}-360.png"))


def test_pages_request_nothing_from_another_origin(page: object,
                                                   serve_site: Callable[[str], str]) -> None:
    for mission, path in (("fr-paris", ""), ("eg-cairo", "ar/"), ("jp-osaka", "ja/about/")):
        base = serve_site(mission)
        page.requests_made.clear()
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        # The served copy stands in for the mission's own address (site_url), which Material's
        # script uses to fetch the sitemaps of the alternates: same origin once published.
        own = (base.rstrip("/"), NETWORK.missions[mission].mission.site_url.rstrip("/"))
        foreign = [u for u in page.requests_made
                   if not u.startswith(own) and not u.startswith("data:")]
        assert foreign == []


def test_web_fonts_cover_vietnamese_arabic_and_japanese(page: object,
                                                        serve_site: Callable[[str], str]) -> None:
    for mission, path, family in (("fr-paris", "", "Noto Sans"),
                                  ("eg-cairo", "ar/", "Noto Sans Arabic"),
                                  ("jp-osaka", "ja/", "Noto Sans JP")):
        page.goto(serve_site(mission) + path)
        page.wait_for_load_state("networkidle")
        loaded = page.evaluate(
            "async () => { await document.fonts.ready; return [...document.fonts]"
            ".filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, '')); }")
        assert family in loaded, (mission, loaded)

