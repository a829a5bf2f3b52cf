"""Per-language search (Pagefind) in a real browser: results only in the page's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml

from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.content.model.network import MissionEntry, load_network
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)


def _prefix(entry: MissionEntry, lang: str) -> str:
    return "" if lang == entry.mission.default_language else f"{lang}/"


def _title(entry: MissionEntry, lang: str) -> str | None:
    """The title of one of the mission's own pages in ``lang`` (words that page holds)."""
    folder = entry.root / "pages" / lang
    for path in sorted(folder.rglob("*.md"), key=lambda p: (p.name == "index.md", str(p))):
        match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
        title = (yaml.safe_load(match[1]) or {}).get("title") if match else None
        if isinstance(title, str) and title.strip():
            return title.strip()
    return None


# Every (mission, language) of the example content, with a query from one of its pages.
CASES = [
    (mission, lang, query)
    for mission, entry in sorted(NETWORK.missions.items())
    for lang in entry.mission.languages
    if (query := _title(entry, lang))
]


def test_every_language_of_the_examples_is_searched() -> None:
    pairs = {(m, lang) for m, e in NETWORK.missions.items() for lang in e.mission.languages}
    assert {(m, lang) for m, lang, _ in CASES} == pairs


@pytest.mark.parametrize(("mission", "lang", "query"), CASES)
def test_search_returns_results_in_the_page_language_only(
    page: object, serve_site: Callable[[str], str], mission: str, lang: str, query: str,
) -> None:
    entry = NETWORK.missions[mission]
    prefix = _prefix(entry, lang)
    base = serve_site(mission)
    page.goto(f"{base}{prefix}search/?q={quote(query)}")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15000)
    hrefs = [urlsplit(href).path.lstrip("/") for href in
             results.evaluate_all("links => links.map(a => a.href)")]
    assert hrefs
    if prefix:
        assert all(href.startswith(prefix) for href in hrefs), hrefs
    else:
        others = tuple(f"{code}/" for code in entry.mission.languages if code != lang)
        assert not any(href.startswith(others) for href in hrefs), hrefs
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize(("mission", "lang", "query"), CASES)
def test_header_search_form_goes_to_the_language_search_page(
    page: object, serve_site: Callable[[str], str], mission: str, lang: str, query: str,
) -> None:
    prefix = _prefix(NETWORK.missions[mission], lang)
    page.goto(serve_site(mission) + prefix)
    page.fill(".chancery-search-form__input", query)
    page.press(".chancery-search-form__input", "Enter")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/{prefix}search/"
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)


def test_results_come_from_every_shard(
    page: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A post of the archive shard and a standard page answer the same query."""
    from benchmarks.synthetic import generate
    from chancery.pipeline.runner import build_missions
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
    for path in (post_file(spec, mission, DEFAULT_LANGUAGE, 4),  # dated 2023: the archive shard
                 spec.root / mission / "pages" / DEFAULT_LANGUAGE / "about" / "index.md"):
        path.write_text(path.read_text(encoding="utf-8") + f"\nMột {word} mới.\n",
                        encoding="utf-8")
    (report,) = build_missions(spec.root, tmp_path / "site", jobs=2, progress=lambda _: None)
    assert report.ok, report.errors
    site = tmp_path / "site" / mission
    assert "news-archive" in (site / "pagefind" / DEFAULT_LANGUAGE / "shards.json").read_text()
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
