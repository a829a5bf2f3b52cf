"""The text-only edition: ``lite/`` in every language of every example mission.

Over the built example network (languages read from each mission.yml): the home page,
the contact page, the latest news and the consular services exist in every language,
each page at most 50 KB, with no stylesheet, script, font or image, under the site's
Content-Security-Policy, every link leading to a page that exists; every page of the
full site links to its language's edition from its footer and announces it in its head.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.languages import language
from chancery.content.model.network import load_network
from chancery.core.urls import language_prefix
from chancery.features.consular.pages import valid_catalog
from chancery.pipeline.runner import build_missions
from chancery.render.security.headers import page_policy
from chancery.site.lite import BUDGET, LITE_DIR
from tests.conftest import CONTENT, page, write
from tests.consular.conftest import make_network

NETWORK = load_network(CONTENT)
MISSIONS = sorted(NETWORK.missions)
LANGUAGES = [(mission, code) for mission in MISSIONS
             for code in NETWORK.missions[mission].mission.languages]
SKIPPED = {"_dashboard", "_deploy", "admin", "pagefind"}


class Scan(HTMLParser):
    """What a text-only page holds: what it loads, its links, its policy and language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: dict[str, str | None] = {}
        self.forbidden: list[str] = []
        self.links: list[str] = []
        self.policy: list[str] = []
        self.head: list[str] = []  # tags of <head>, in order
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html = values
        if tag == "head":
            self._in_head = True
        elif self._in_head:
            self.head.append(values.get("http-equiv") or tag)
        if tag in ("script", "style", "img", "picture", "iframe", "object", "embed", "svg",
                   "video", "audio", "form", "input") or "style" in values \
                or any(name.startswith("on") for name in values):
            self.forbidden.append(tag)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split():
            self.forbidden.append("stylesheet")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy.append(values.get("content") or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def scan(path: Path) -> Scan:
    parsed = Scan()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def resolves(site: Path, page_file: Path, href: str) -> bool:
    """Whether a relative link from ``page_file`` names a file of the built site."""
    target = href.split("#", 1)[0]
    rel = posixpath.normpath(posixpath.join(page_file.parent.relative_to(site).as_posix(),
                                            target))
    path = site / rel
    return (path / "index.html").is_file() if href.split("#")[0].endswith("/") \
        else path.is_file()


def lang_root(site: Path, mission: str, code: str) -> Path:
    entry = NETWORK.missions[mission]
    return site / mission / language_prefix(code, entry.mission.default_language)


@pytest.mark.parametrize(("mission", "code"), LANGUAGES, ids=[f"{m}-{c}" for m, c in LANGUAGES])
def test_every_language_of_every_mission_has_its_text_only_edition(
        example_site: Path, mission: str, code: str) -> None:
    entry = NETWORK.missions[mission]
    lite = lang_root(example_site, mission, code) / LITE_DIR
    services = [r.service.id for r in valid_catalog(NETWORK, entry).services]
    expected = {"index.html", "contact/index.html", "news/index.html"}
    if services:
        expected |= {"consular/index.html"} | {f"consular/{s}/index.html" for s in services}
    found = {path.relative_to(lite).as_posix() for path in lite.rglob("*.html")}
    assert found == expected
    assert BUDGET == 50_000
    for rel in sorted(found):
        path = lite / rel
        size = path.stat().st_size
        assert size <= BUDGET, (rel, size)
        parsed = scan(path)
        assert parsed.html.get("lang") == code, rel
        assert parsed.html.get("dir") == language(code).direction, rel
        assert parsed.forbidden == [], (rel, parsed.forbidden)
        assert parsed.policy == [page_policy()], rel
        assert parsed.head[:2] == ["meta", "Content-Security-Policy"], (rel, parsed.head)
        local = [href for href in parsed.links if not re.match(r"^[a-z]+:", href)]
        assert local, rel
        broken = [href for href in local if not resolves(example_site, path, href)]
        assert broken == [], (rel, broken)
    home = scan(lite / "index.html")
    for other in entry.mission.languages:  # the edition in the mission's other languages
        if other != code:
            target = lang_root(example_site, mission, other) / LITE_DIR / "index.html"
            assert any(resolves(example_site, lite / "index.html", href)
                       and posixpath.normpath(str(lite / href)) == str(target.parent)
                       for href in home.links), (other, home.links)


@pytest.mark.parametrize("mission", MISSIONS)
def test_the_edition_shows_the_alerts_hotlines_and_news_of_the_full_site(
        example_site: Path, mission: str) -> None:
    entry = NETWORK.missions[mission]
    for code in entry.mission.languages:
        root = lang_root(example_site, mission, code)
        full = (root / "index.html").read_text(encoding="utf-8")
        alerts = re.findall(r'data-chancery-alert="([^"]+)"', full)
        hotlines = re.findall(r'class="chancery-hotline" href="(tel:[^"]+)"', full)
        assert hotlines, code
        for path in (root / LITE_DIR).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            assert re.findall(r'data-chancery-alert="([^"]+)"', text) == alerts, path
            assert all(f'href="{tel}"' in text for tel in hotlines), path
        news = scan(root / LITE_DIR / "news/index.html")
        posts = [href for href in news.links if "/news/20" in f"/{href}"]
        assert posts, code  # the latest posts, linking to the full ones (which exist)


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_page_links_to_its_edition_and_announces_it(example_site: Path,
                                                         mission: str) -> None:
    entry = NETWORK.missions[mission]
    codes = entry.mission.languages
    root = example_site / mission
    pages = [path for path in sorted(root.rglob("*.html"))
             if not ({LITE_DIR} | SKIPPED) & set(path.relative_to(root).parts)]
    assert len(pages) > 20
    for path in pages:
        parts = path.relative_to(root).parts
        code = parts[0] if parts[0] in codes[1:] else codes[0]
        prefix = language_prefix(code, entry.mission.default_language)
        text = path.read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        announced = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"[^>]*>',
                               head)
        assert announced == [f"{entry.mission.site_url}{prefix}{LITE_DIR}/"], path
        assert not re.search(r'<link rel="alternate" type="text/html"[^>]*hreflang', head)
        footer = text[text.index('<footer class="md-footer'):]
        links = re.findall(r'<a href="([^"]*lite/)"', footer)
        assert len(links) == 1, (path, links)
        if path.name != "404.html":  # served at any address: its links are from the root
            target = posixpath.normpath(posixpath.join(
                path.parent.relative_to(root).as_posix(), links[0]))
            assert target == f"{prefix}{LITE_DIR}".rstrip("/"), (path, links)


def test_a_page_in_the_editions_folder_is_a_check_error(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    write(content / "fr-lyon/pages/vi/lite/index.md", page("Bản rút gọn"))
    network = load_network(content)
    found = [str(p) for p in check_mission(network, network.missions["fr-lyon"])]
    assert any(line.startswith("fr-lyon/pages/vi/lite/index.md:1:")
               and "text-only edition" in line for line in found), found


def test_a_text_only_page_over_its_budget_fails_the_build(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    monkeypatch.setenv("CHANCERY_NOW", "2026-12-01T10:00:00+01:00")
    consular = content / "fr-lyon/data/consular.yml"
    long = " ".join(["Mang theo hộ chiếu gốc và bản sao."] * 1800)
    text = consular.read_text(encoding="utf-8").replace(
        "how_to_apply: {vi: Đến trực tiếp., fr: Venez en personne.}",
        f"how_to_apply: {{vi: {long}, fr: Venez en personne.}}")
    consular.write_text(text, encoding="utf-8")
    (report,) = build_missions(content, tmp_path / "site", jobs=1, progress=lambda _: None)
    assert not report.ok
    assert any("fr-lyon/data/consular.yml:" in line and "lite/consular/notary/" in line
               and "over its budget of 50,000 bytes" in line for line in report.errors), \
        report.errors
