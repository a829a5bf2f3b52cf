"""Every page of every example mission: language, direction, hotline, nothing from elsewhere."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chancery.content.model.languages import language
from chancery.content.model.network import load_network
from chancery.site.lite import LITE_DIR
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
MISSIONS = sorted(NETWORK.missions)

# Attributes through which a page makes the browser load something.
LOADING = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"],
    "input": ["src"], "track": ["src"],
}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest",
                     "apple-touch-icon", "prefetch", "preconnect", "dns-prefetch"}


class PageFacts(HTMLParser):
    """Collects what the tests assert about one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict[str, str | None] = {}
        self.loads: list[str] = []
        self.tel_links: list[str] = []
        self.hreflang: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and not self.html_attrs:
            self.html_attrs = values
        for name in LOADING.get(tag, []):
            if values.get(name):
                self.loads += [part.split()[0] for part in values[name].split(",") if part.strip()]
        if tag == "link":
            rels = set((values.get("rel") or "").split())
            if rels & LOADING_LINK_RELS and values.get("href"):
                self.loads.append(values["href"])
            if "alternate" in rels and values.get("hreflang"):
                self.hreflang[values["hreflang"]] = values.get("href") or ""
        if tag == "a" and (values.get("href") or "").startswith("tel:"):
            self.tel_links.append(values["href"])
        style = values.get("style") or ""
        self.loads += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)


def is_foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme and parts.scheme not in ("data",)) or url.strip().startswith("//")


def pages_of(site: Path, mission: str) -> list[tuple[str, Path]]:
    """``(language, html file)`` for every HTML page of one mission's output."""
    root = site / mission
    languages = NETWORK.missions[mission].mission.languages
    found = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).parts
        lang = rel[0] if rel[0] in languages[1:] else languages[0]
        found.append((lang, path))
    return found


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_language_is_built_where_expected(example_site: Path, mission: str) -> None:
    languages = NETWORK.missions[mission].mission.languages
    assert (example_site / mission / "index.html").is_file()
    for lang in languages[1:]:
        assert (example_site / mission / lang / "index.html").is_file()
        assert (example_site / mission / lang / "404.html").is_file()
    manifest = example_site / f"{mission}.manifest.json"
    assert manifest.is_file()


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_page_has_language_direction_and_hotlines(example_site: Path, mission: str) -> None:
    entry = NETWORK.missions[mission]
    mission_tel = "tel:" + re.sub(r"[^\d+]", "", entry.mission.hotline)
    checked = 0
    for lang, path in pages_of(example_site, mission):
        page = facts(path)
        where = path.relative_to(example_site)
        assert page.html_attrs.get("lang") == lang, where
        assert page.html_attrs.get("dir") == language(lang).direction, where
        assert "tel:+84981848484" in page.tel_links, where
        assert mission_tel in page.tel_links, where
        checked += 1
    assert checked >= 9 * len(entry.mission.languages)


@pytest.mark.parametrize("mission", MISSIONS)
def test_no_page_loads_anything_from_another_origin(example_site: Path, mission: str) -> None:
    foreign = {}
    for _, path in pages_of(example_site, mission):
        bad = [url for url in facts(path).loads if is_foreign(url)]
        if bad:
            foreign[str(path.relative_to(example_site))] = bad
    for css in (example_site / mission).rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        bad = [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) if is_foreign(u)]
        bad += re.findall(r"@import\s+(?:url\()?['\"]?(https?:[^'\")]+)", text)
        if bad:
            foreign[str(css.relative_to(example_site))] = bad
    assert foreign == {}


@pytest.mark.parametrize("mission", MISSIONS)
def test_only_pagefind_scripts_are_published(example_site: Path, mission: str) -> None:
    """Pages load no Material JavaScript, so its bundle and lunr are not published: only
    Pagefind's and the theme's own scripts (the search query segmenter)."""
    ours = ("pagefind/", "assets/scripts/")
    scripts = {p.relative_to(example_site / mission).as_posix()
               for p in (example_site / mission).rglob("*.js")}
    assert scripts and all(any(part in s for part in ours) for s in scripts), sorted(scripts)
    for _, path in pages_of(example_site, mission):
        loaded = [url for url in facts(path).loads if url.endswith(".js")]
        assert all(any(part in url for part in ours) for url in loaded), (path, loaded)


@pytest.mark.parametrize("mission", MISSIONS)
def test_hreflang_alternates_are_absolute_and_reciprocal(example_site: Path,
                                                        mission: str) -> None:
    site_url = NETWORK.missions[mission].mission.site_url
    by_url: dict[str, dict[str, str]] = {}
    for lang, path in pages_of(example_site, mission):
        if path.name == "404.html" or LITE_DIR in path.relative_to(example_site).parts:
            continue  # the text-only edition's canonical is the full page (tests/lite)
        alternates = facts(path).hreflang
        assert alternates, path
        assert all(href.startswith(site_url) for href in alternates.values()), path
        assert alternates["x-default"] == alternates["vi"], path
        by_url[alternates[lang]] = alternates
    for url, alternates in by_url.items():
        for lang, other in alternates.items():
            assert by_url[other] == alternates, (url, lang, other)


def test_each_language_has_its_own_search_index(example_site: Path) -> None:
    import json

    for mission in MISSIONS:
        search = example_site / mission / "pagefind"
        languages = NETWORK.missions[mission].mission.languages
        assert sorted(p.name for p in search.iterdir()) == sorted(languages)
        for lang in languages:
            shards = json.loads((search / lang / "shards.json").read_text())
            assert shards[0] == "pages" and len(shards) > 1, (mission, lang, shards)
            counts = []
            for shard in shards:
                entry = json.loads((search / lang / shard / "pagefind-entry.json").read_text())
                assert list(entry["languages"]) == [lang], (mission, lang, shard)
                counts.append(entry["languages"][lang]["page_count"])
            assert counts[0] > 5 and all(counts), (mission, lang, counts)


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize("mission", MISSIONS)
def test_sitemaps_parse_and_list_the_alternates(example_site: Path, mission: str) -> None:
    import xml.etree.ElementTree as ET

    entry = NETWORK.missions[mission].mission
    root = example_site / mission
    robots = (root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {entry.site_url}sitemap-index.xml" in robots
    index = ET.parse(root / "sitemap-index.xml").getroot()
    listed = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    prefixes = ["" if code == "vi" else f"{code}/" for code in entry.languages]
    assert listed == [f"{entry.site_url}{p}sitemap.xml" for p in prefixes]
    pages_by_url = {}
    for lang, path in pages_of(example_site, mission):
        alternates = facts(path).hreflang
        if path.name != "404.html" and lang in alternates:
            pages_by_url[alternates[lang]] = alternates
    for prefix in prefixes:
        urlset = ET.parse(root / prefix / "sitemap.xml").getroot()
        urls = urlset.findall("s:url", SITEMAP_NS)
        assert len(urls) >= 10
        for url in urls:
            loc = url.find("s:loc", SITEMAP_NS).text
            links = {link.get("hreflang"): link.get("href")
                     for link in url.findall("x:link", SITEMAP_NS)}
            assert loc.startswith(entry.site_url + prefix)
            assert links == pages_by_url[loc], loc
