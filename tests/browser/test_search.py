"""Per-language search (Pagefind) in a real browser: results only in the page's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
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


def test_results_come_from_every_shard(
    page: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A post of the archive shard and a standard page answer the same query."""
    from benchmarks.synthetic import generate
    from chancery.build.runner import build_missions
    from tests.conftest import serve_directory
    from tests.perf.conftest import NOW
    from tests.perf.test_search_shards import YEARS, backdate, post_file

    monkeypatch.setenv("CHANCERY_NOW", NOW)
    spec = generate(tmp_path / "content", 1, 2, 5)
    mission = spec.missions[0]
    for number, year in YEARS.items():
        if year != 2026:
            backdate(spec, mission, number, year)
    word = "zircometa"
    for path in (post_file(spec, mission, "vi", 4),  # dated 2023: the archive shard
                 spec.root / mission / "pages" / "vi" / "about" / "index.md"):
        path.write_text(path.read_text(encoding="utf-8") + f"\nMột {word} mới.\n",
                        encoding="utf-8")
    (report,) = build_missions(spec.root, tmp_path / "site", jobs=2, progress=lambda _: None)
    assert report.ok, report.errors
    site = tmp_path / "site" / mission
    assert "news-archive" in (site / "pagefind" / "vi" / "shards.json").read_text()
    server = serve_directory(site)
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/search/?q={word}")
        results = page.locator(".pagefind-ui__result-link")
        results.nth(1).wait_for(timeout=15000)
        hrefs = sorted(urlsplit(href).path for href in
                       results.evaluate_all("links => links.map(a => a.href)"))
    finally:
        server.shutdown()
    assert len(hrefs) == 2 and hrefs[0] == "/about/", hrefs
    assert re.fullmatch(r"/news/2023/[^/]+/", hrefs[1]), hrefs
