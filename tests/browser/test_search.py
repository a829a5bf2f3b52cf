"""Per-language search (Pagefind) in a real browser: results only in the page's language."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlsplit

import pytest

CASES = [
    ("fr-paris", "", "đại sứ quán", ("fr/", "en/")),
    ("eg-cairo", "ar/", "السفارة", None),
    ("jp-osaka", "ja/", "領事", None),
    ("jp-osaka", "", "lãnh sự", ("ja/", "en/")),
]


@pytest.mark.parametrize(("mission", "prefix", "query", "foreign"), CASES)
def test_search_returns_results_in_the_page_language_only(
    page: object, serve_site: Callable[[str], str], mission: str, prefix: str, query: str,
    foreign: tuple[str, ...] | None,
) -> None:
    base = serve_site(mission)
    page.goto(f"{base}{prefix}search/?q={quote(query)}")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15000)
    hrefs = [urlsplit(href).path.lstrip("/") for href in
             results.evaluate_all("links => links.map(a => a.href)")]
    assert hrefs
    if foreign is None:
        assert all(href.startswith(prefix) for href in hrefs), hrefs
    else:
        assert not any(href.startswith(foreign) for href in hrefs), hrefs
    assert page.evaluate("document.documentElement.lang") == (prefix.rstrip("/") or "vi")


def test_header_search_form_goes_to_the_language_search_page(
    page: object, serve_site: Callable[[str], str]
) -> None:
    base = serve_site("eg-cairo")
    page.goto(base + "ar/about/")
    page.fill(".chancery-search-form__input", "القنصلية")
    page.press(".chancery-search-form__input", "Enter")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/ar/search/"
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
