"""Printed consular pages (Chromium, media emulated as print): the page's content, its fees
table and the mission's address, and nothing of the site around them (header, menus,
language bar, alerts, footer), in every language of every example mission."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from chancery.content.model.network import load_network
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
LANGUAGES = [(mission, lang) for mission, entry in sorted(NETWORK.missions.items())
             for lang in entry.mission.languages]
SHOWN_OUTSIDE_THE_CONTENT = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.data.trim() || !parent || parent.closest('.md-content')) continue;
    if (parent.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      found.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${node.data.trim()}`);
  }
  document.querySelectorAll('body img, body svg').forEach((el) => {
    if (!el.closest('.md-content') && el.checkVisibility({visibilityProperty: true}))
      found.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')}`);
  });
  return found;
}"""


@pytest.fixture
def printed(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 800, "height": 1100})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def service_with_fees(site: Path, mission: str, lang: str) -> str:
    """A consular service page of ``lang`` that has a fees table (relative to the site)."""
    languages = NETWORK.missions[mission].mission.languages
    base = site / mission if lang == languages[0] else site / mission / lang
    for page in sorted(base.glob("consular/*/index.html")):
        if 'class="chancery-fees"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site / mission).as_posix() + "/"
    raise AssertionError(f"{mission}/{lang}: no consular service page with fees")


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES,
                         ids=[f"{m}-{lang}" for m, lang in LANGUAGES])
def test_a_printed_consular_page_is_its_content_fees_and_address(
        printed: object, example_site: Path, serve_site: Callable[[str], str],
        mission: str, lang: str) -> None:
    path = service_with_fees(example_site, mission, lang)
    printed.goto(serve_site(mission) + path)
    printed.wait_for_load_state("load")
    expect(printed.locator(".md-content h1")).to_be_visible()
    expect(printed.locator(".chancery-fees table")).to_be_visible()
    address = printed.locator(".chancery-service__address")
    expect(address).to_be_visible()
    mission_data = NETWORK.missions[mission].mission
    expect(address).to_contain_text(mission_data.address.street)
    expect(address).to_contain_text(mission_data.name.get(lang))
    assert printed.evaluate(SHOWN_OUTSIDE_THE_CONTENT) == [], path
    for hidden in (".md-header", ".chancery-lang-switch", ".md-sidebar", ".chancery-footer",
                   ".headerlink"):
        for element in printed.locator(hidden).all():
            expect(element).to_be_hidden()


def test_on_screen_the_site_around_the_content_is_shown(
        page: object, example_site: Path, serve_site: Callable[[str], str]) -> None:
    """The print rules apply to print only (the same check fails on screen)."""
    mission, lang = LANGUAGES[0]
    page.goto(serve_site(mission) + service_with_fees(example_site, mission, lang))
    assert page.evaluate(SHOWN_OUTSIDE_THE_CONTENT) != []
    expect(page.locator(".md-header")).to_be_visible()
