"""The Content-Security-Policy in a real browser: every page type of every language of every
example mission loads without a single ``securitypolicyviolation``, and what needs script or
styles (search, the language switcher, alerts) still works under the policy.

The network is built at a fixed moment, when HQ's example alert is running, so that every
page carries an alert banner.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from chancery.render.security.headers import page_policy
from tests.conftest import CONTENT, serve_directory

NOW = "2026-12-01T10:00:00+07:00"  # HQ's example alert runs from 2026-11-01 to 2027-01-31
NETWORK = load_network(CONTENT)
LANGUAGES = [(mission, lang, lang == entry.mission.languages[0])
             for mission, entry in sorted(NETWORK.missions.items())
             for lang in entry.mission.languages]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@dataclass(frozen=True)
class Sites:
    """The built example network and a server on 127.0.0.1 for each mission."""

    out: Path
    urls: dict[str, str]


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    """The example network built at :data:`NOW`, each mission served on 127.0.0.1."""
    from chancery.pipeline.runner import build_missions

    out = tmp_path_factory.mktemp("csp-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", NOW)
        reports = build_missions(CONTENT, out, jobs=2, progress=lambda line: None)
    assert all(r.ok for r in reports), {r.mission: r.errors for r in reports if not r.ok}
    servers = {mission: serve_directory(out / mission) for mission in NETWORK.missions}
    yield Sites(out, {mission: f"http://127.0.0.1:{server.server_address[1]}/"
                      for mission, server in servers.items()})
    for server in servers.values():
        server.shutdown()


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    """A page that records policy violations and messages of the console."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error"
            and page.console_errors.append(message.text))
    yield page
    context.close()


def page_types(root: Path, lang_root: Path, others: set[Path]) -> list[str]:
    """One page of each kind of a language's site (its home, each section's index and the
    first page inside each section), as paths relative to the mission's site."""
    found: dict[tuple[str, ...], str] = {}
    for html in sorted(lang_root.rglob("index.html")):
        if any(other in html.parents for other in others):
            continue
        parts = html.relative_to(lang_root).parts[:-1]
        kind = parts[:1] + (("page",) if len(parts) > 1 else ())
        found.setdefault(kind, str(html.parent.relative_to(root)) + "/")
    return [path.removeprefix("./") for path in found.values()]


def violations(tab: object) -> list[str]:
    return tab.evaluate("window.__violations") + [
        text for text in tab.console_errors if "Content Security Policy" in text]


@pytest.mark.parametrize(("mission", "lang", "default"), LANGUAGES,
                         ids=[f"{m}-{lang}" for m, lang, _ in LANGUAGES])
def test_every_page_type_loads_without_a_policy_violation(
        tab: object, csp_site: Sites, mission: str, lang: str, default: bool) -> None:
    base = csp_site.urls[mission]
    languages = NETWORK.missions[mission].mission.languages
    root = csp_site.out / mission
    lang_root = root if default else root / lang
    others = {root / other for other in languages if other != lang} | {
        base / name for base in (root, lang_root)  # lite/: tests/lite (no CSS, no banner)
        for name in ("pagefind", "assets", "lite", "admin")}
    paths = page_types(root, lang_root, others)
    assert len(paths) >= 5, paths  # home, news, consular, contact, profile at least
    for path in paths:
        tab.goto(base + path)
        tab.wait_for_load_state("load")
        policy = tab.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.get_attribute("content") == page_policy(), path
        assert violations(tab) == [], path
        assert tab.evaluate("document.documentElement.lang") == lang, path
        banner = tab.locator(".chancery-alert").first
        assert banner.is_visible(), f"{path}: HQ's alert banner is not shown"
        color = banner.evaluate("el => getComputedStyle(el).borderTopStyle + "
                                "getComputedStyle(el).backgroundColor")
        assert color != "nonergba(0, 0, 0, 0)", f"{path}: the alert lost its styles"


@pytest.mark.parametrize(("mission", "lang", "default"), LANGUAGES,
                         ids=[f"{m}-{lang}" for m, lang, _ in LANGUAGES])
def test_search_runs_under_the_policy(tab: object, csp_site: Sites, mission: str, lang: str,
                                      default: bool) -> None:
    base = csp_site.urls[mission]
    prefix = "" if default else f"{lang}/"
    tab.goto(f"{base}{prefix}search/")
    word = tab.evaluate("document.title.split(/[\\s|·-]+/).find(w => w.length > 1)")
    tab.fill(".pagefind-ui__search-input", word)
    tab.locator(".pagefind-ui__message").wait_for(timeout=15000)  # Pagefind ran (WebAssembly)
    assert violations(tab) == []


@pytest.mark.parametrize("mission", sorted(NETWORK.missions))
def test_the_language_switcher_works_under_the_policy(
        tab: object, csp_site: Sites, mission: str) -> None:
    base = csp_site.urls[mission]
    languages = NETWORK.missions[mission].mission.languages
    tab.goto(base)
    for lang in languages[1:] + languages[:1]:
        tab.locator(f".chancery-lang-switch a[hreflang='{lang}']").first.click()
        tab.wait_for_load_state("load")
        assert tab.evaluate("document.documentElement.lang") == lang
        assert violations(tab) == []

