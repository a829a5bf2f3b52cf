"""Keyboard only, in Chromium: the skip link, the menu, the language switcher and search work
without a mouse, on a phone (the menu is a drawer) and on a desktop screen, in every language
of every example mission (right-to-left ones included)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from chancery.content.model.network import load_network
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
LANGUAGES = [(mission, lang) for mission, entry in sorted(NETWORK.missions.items())
             for lang in entry.mission.languages]
IDS = [f"{m}-{lang}" for m, lang in LANGUAGES]
SCREENS = {"phone": (360, 740), "desktop": (1280, 900)}
MAX_TABS = 120


def prefix(mission: str, lang: str) -> str:
    return "" if lang == NETWORK.missions[mission].mission.languages[0] else f"{lang}/"


@pytest.fixture(params=list(SCREENS))
def keyboard_tab(request: pytest.FixtureRequest, browser: object) -> Iterator[object]:
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.screen_name = request.param
    yield page
    context.close()


def tab_to(page: object, selector: str) -> object:
    """Press Tab until the focus is on an element matching ``selector``; return its locator."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return page.locator(":focus")
    raise AssertionError(f"{page.url}: Tab never reached {selector} ({page.screen_name})")


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES, ids=IDS)
def test_the_skip_link_comes_first_and_jumps_to_the_content(
        keyboard_tab: object, serve_site: Callable[[str], str], mission: str, lang: str) -> None:
    page = keyboard_tab
    page.goto(serve_site(mission) + prefix(mission, lang) + "consular/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_class("md-skip")
    expect(skip).to_be_in_viewport()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    page.keyboard.press("Tab")  # from the content on, not from the top of the page again
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), \
        page.evaluate("document.activeElement.outerHTML")


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES, ids=IDS)
def test_the_menu_is_seen_and_followed_with_tab_and_enter(
        keyboard_tab: object, serve_site: Callable[[str], str], mission: str, lang: str) -> None:
    page = keyboard_tab
    base = serve_site(mission) + prefix(mission, lang)
    page.goto(base)
    link = tab_to(page, ".md-nav--primary a.md-nav__link[href$='consular/']")
    expect(link).to_be_in_viewport()  # on a phone the drawer slid in
    page.keyboard.press("Enter")
    page.wait_for_url(base + "consular/")


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES, ids=IDS)
def test_the_language_switcher_works_with_the_keyboard(
        keyboard_tab: object, serve_site: Callable[[str], str], mission: str, lang: str) -> None:
    page = keyboard_tab
    languages = NETWORK.missions[mission].mission.languages
    other = next(code for code in languages if code != lang)
    page.goto(serve_site(mission) + prefix(mission, lang) + "contact/")
    link = tab_to(page, f".chancery-lang-switch a[hreflang='{other}']")
    expect(link).to_be_in_viewport()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == other
    assert page.url.rstrip("/").endswith("contact")  # the same page, in the other language


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES, ids=IDS)
def test_search_works_with_the_keyboard(
        keyboard_tab: object, serve_site: Callable[[str], str], mission: str, lang: str) -> None:
    page = keyboard_tab
    base = serve_site(mission) + prefix(mission, lang)
    page.goto(base + "consular/")
    word = page.evaluate("document.querySelector('.md-content h1').textContent.trim()"
                         ".split(/\\s+/).find(w => w.length > 1)")
    tab_to(page, ".chancery-search-form__input, .chancery-search-form__button")
    if page.evaluate("document.activeElement.tagName") == "INPUT":
        page.keyboard.type(word)
    page.keyboard.press("Enter")  # the form goes to the search page
    page.wait_for_url(f"{base}search/**")
    box = page.locator(".pagefind-ui__search-input")
    expect(box).to_be_focused(timeout=15000)  # the search page puts the focus in its box
    if not box.input_value():
        page.keyboard.type(word)
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    link = tab_to(page, ".pagefind-ui__result-link")
    href = link.evaluate("a => a.href")  # resolved against the search page
    page.keyboard.press("Enter")
    page.wait_for_url(href)
