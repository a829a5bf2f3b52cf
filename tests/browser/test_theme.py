"""The HQ theme in a real browser: switcher, right-to-left, hotlines on a small phone.

Missions and languages come from the example content (``load_network``), not from this
file: a mission added in another language is tested as well.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from chancery.content.model.fields import tel_uri
from chancery.content.model.network import MissionEntry, load_network
from chancery.render.fonts import (
    family_name,
    in_system_fonts,
    load_table,
    preferred_fonts,
    web_family_of,
)
from tests.browser.conftest import screenshot_dir
from tests.conftest import CONTENT, ROOT

NETWORK = load_network(CONTENT)
MISSIONS = sorted(NETWORK.missions)
THEME = ROOT / "themes" / "chancery"


def _prefix(entry: MissionEntry, lang: str) -> str:
    """Where a language's pages start: the default language at the root, the others below."""
    return "" if lang == entry.mission.default_language else f"{lang}/"


def _pairs() -> list[tuple[str, str]]:
    """Every (mission, language) of the example network."""
    return [(m, lang) for m in MISSIONS for lang in NETWORK.missions[m].mission.languages]


def _url(path: str) -> str:
    """``about/head-of-mission.md`` -> ``about/head-of-mission/``; ``index.md`` -> ``""``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _page_in_every_language(entry: MissionEntry) -> str | None:
    """A mission's page (not a home page) written in every one of its languages."""
    common = None
    for lang in entry.mission.languages:
        folder = entry.root / "pages" / lang
        found = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
        common = found if common is None else common & found
    pages = sorted(p for p in common or () if not p.endswith("index.md"))
    return _url(pages[0]) if pages else None


def test_switcher_lands_on_the_same_page_in_the_other_language(
    page: object, serve_site: Callable[[str], str]
) -> None:
    tried = 0
    for mission in MISSIONS:
        entry = NETWORK.missions[mission]
        path = _page_in_every_language(entry)
        languages = entry.mission.languages
        if path is None or len(languages) < 2:
            continue
        base = serve_site(mission)
        page.goto(base + path)
        assert page.evaluate("document.documentElement.lang") == languages[0]
        for lang in [*languages[1:], languages[0]]:  # every other language, then back
            page.locator(f".chancery-lang-switch a[hreflang='{lang}']").click()
            page.wait_for_load_state()
            assert urlsplit(page.url).path == "/" + _prefix(entry, lang) + path, (mission, lang)
            assert page.evaluate("document.documentElement.lang") == lang
        tried += 1
    assert tried, "no example mission has a page in every one of its languages"


def test_right_to_left_languages_render_right_to_left(
    page: object, serve_site: Callable[[str], str]
) -> None:
    rtl = [(m, lang) for m, lang in _pairs() if NETWORK.languages.get(lang).is_rtl]
    if not rtl:
        pytest.skip("no example mission publishes in a right-to-left language")
    for mission, lang in rtl:
        page.goto(serve_site(mission) + _prefix(NETWORK.missions[mission], lang))
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        width = page.viewport_size["width"]
        emblem = page.locator(".md-header .chancery-brand__emblem").bounding_box()
        assert emblem["x"] > width / 2, "the emblem should sit on the right in a mirrored header"
        heading = page.locator("article h1").first.bounding_box()
        assert heading["x"] + heading["width"] > width / 2
        page.screenshot(path=str(screenshot_dir() / f"{mission}-{lang}.png"))


def test_hotlines_visible_on_a_360px_phone(page: object, serve_site: Callable[[str], str]) -> None:
    for mission, lang in _pairs():
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(serve_site(mission) + _prefix(NETWORK.missions[mission], lang))
        for link in page.locator(".chancery-topbar a[href^='tel:']").all():
            assert link.is_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (mission, box)
            assert box["y"] + box["height"] <= 740
        hotline = NETWORK.hq.ministry.citizen_protection_hotline
        ministry = page.locator(f"a[href='{tel_uri(hotline)}']").first
        assert ministry.is_visible()
        number = ministry.locator(".chancery-hotline__number")
        number_box = number.bounding_box()
        assert number_box["x"] >= 0 and number_box["x"] + number_box["width"] <= 360
        assert number.inner_text().strip() == hotline
        page.screenshot(path=str(screenshot_dir() / f"{mission}-{lang}-360.png"))


def test_pages_request_nothing_from_another_origin(page: object,
                                                   serve_site: Callable[[str], str]) -> None:
    for mission, lang in _pairs():
        base = serve_site(mission)
        page.requests_made.clear()
        page.goto(base + _prefix(NETWORK.missions[mission], lang))
        page.wait_for_load_state("networkidle")
        # The served copy stands in for the mission's own address (site_url), which Material's
        # script uses to fetch the sitemaps of the alternates: same origin once published.
        own = (base.rstrip("/"), NETWORK.missions[mission].mission.site_url.rstrip("/"))
        foreign = [u for u in page.requests_made
                   if not u.startswith(own) and not u.startswith("data:")]
        assert foreign == []


def test_web_fonts_cover_the_script_of_every_language(page: object,
                                                      serve_site: Callable[[str], str]) -> None:
    """Each language's page loads the family its script needs (the theme's fonts.yml), and
    none for a script in the reader's own fonts (fonts.yml ``system``)."""
    table = load_table(THEME / "fonts.yml")
    preferred = preferred_fonts(NETWORK.languages, NETWORK.languages.codes)
    for mission, lang in _pairs():
        family = web_family_of(table, lang, preferred)
        page.goto(serve_site(mission) + _prefix(NETWORK.missions[mission], lang))
        page.wait_for_load_state("networkidle")
        loaded = page.evaluate(
            "async () => { await document.fonts.ready; return [...document.fonts]"
            ".filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, '')); }")
        if family is None:
            assert in_system_fonts(table, lang, preferred)
            assert not [f for f in page.requests_made if f.endswith(".woff2")], (mission, lang)
            continue
        expected = family_name(THEME / "assets" / "fonts", family)
        assert expected in loaded, (mission, lang, loaded)
