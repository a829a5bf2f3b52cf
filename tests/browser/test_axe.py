"""axe-core in Chromium on every page type of every language of every example mission, in the
light and the dark scheme and on a 320 px wide screen: no violation of any rule axe runs by
default (WCAG 2.x A and AA and the best practices).

axe-core is vendored from the npm registry (tests/browser/vendor/axe-core, with its licence).
The pages carry a Content-Security-Policy without inline scripts: axe is added as an init
script, in a context that bypasses the policy for this test only (the policy itself is
tested in test_csp.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from tests.browser.test_csp import page_types
from tests.conftest import CONTENT, serve_directory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
NETWORK = load_network(CONTENT)
LANGUAGES = [(mission, lang) for mission, entry in sorted(NETWORK.missions.items())
             for lang in entry.mission.languages]
MODES = {"light": ("light", 1280, 900), "dark": ("dark", 1280, 900),
         "320px": ("light", 320, 640)}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


@pytest.fixture(scope="module")
def served(example_site: Path) -> Iterator[dict[str, str]]:
    servers = {mission: serve_directory(example_site / mission) for mission in NETWORK.missions}
    yield {mission: f"http://127.0.0.1:{server.server_address[1]}/"
           for mission, server in servers.items()}
    for server in servers.values():
        server.shutdown()


def language_pages(site: Path, mission: str, lang: str) -> list[str]:
    """One page of each type of ``lang`` (as test_csp chooses them)."""
    languages = NETWORK.missions[mission].mission.languages
    root = site / mission
    lang_root = root if lang == languages[0] else root / lang
    others = {root / other for other in languages if other != lang} | {
        root / name for name in ("pagefind", "assets", "admin", "media")}
    return page_types(root, lang_root, others)


def audit(browser: object, base: str, paths: list[str], mode: str) -> list[str]:
    scheme, width, height = MODES[mode]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=scheme, bypass_csp=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found = []
    try:
        for path in paths:
            page.goto(base + path, wait_until="load")
            if page.locator("#chancery-search").count():  # audit Pagefind's box and results
                box = page.locator(".pagefind-ui__search-input")
                box.wait_for(timeout=15000)
                box.fill(page.evaluate(
                    "document.title.split(/[\\s|·-]+/).find(w => w.length > 1)"))
                page.locator(".pagefind-ui__message").wait_for(timeout=15000)
            page.evaluate("document.fonts.ready.then(() => true)")
            for violation in page.evaluate(RUN_AXE):
                found.append(f"{path or '/'} [{mode}] {violation['id']} ({violation['impact']}):"
                             f" {violation['help']}\n    " + "\n    ".join(violation["nodes"]))
    finally:
        context.close()
    return found


@pytest.mark.parametrize(("mission", "lang"), LANGUAGES,
                         ids=[f"{m}-{lang}" for m, lang in LANGUAGES])
def test_axe_finds_no_violation(browser: object, example_site: Path, served: dict[str, str],
                                mission: str, lang: str) -> None:
    paths = language_pages(example_site, mission, lang)
    assert len(paths) >= 5, paths  # home, news, consular, contact, profile at least
    found = []
    for mode in MODES:
        found += audit(browser, served[mission], paths, mode)
    assert found == [], "\n" + "\n".join(found)


def test_axe_is_the_vendored_release() -> None:
    header = AXE.read_text(encoding="utf-8")[:200]
    assert header.startswith("/*! axe v4."), header
    vendored = json.loads((AXE.parent / "VENDORED.json").read_text(encoding="utf-8"))
    assert vendored["package"] == "axe-core" and vendored["version"] in header
    assert (AXE.parent / "LICENSE").read_text(encoding="utf-8").startswith("Mozilla Public")
